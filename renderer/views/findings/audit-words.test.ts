import { describe, expect, it } from 'vitest';
import { auditWords, scoreWords } from './finding-detail.tsx';

describe('auditWords', () => {
  it('says what happened to a finding, with the status it had', () => {
    expect(auditWords({ action: 'finding_dismiss', details: { findingId: 'a', from: 'open', to: 'dismissed' } })).toBe(
      'dismissed (was open)',
    );
    expect(auditWords({ action: 'finding_accept', details: { from: 'dismissed', to: 'accepted' } })).toBe(
      'accepted (was dismissed)',
    );
    expect(auditWords({ action: 'finding_comment', details: { text: 'Known customer' } })).toBe(
      'commented: Known customer',
    );
    expect(auditWords({ action: 'train', details: { model: 'anomaly v2' } })).toBe('trained anomaly v2');
    expect(auditWords({ action: 'something_new', details: null })).toBe('something new');
  });
});

describe('scoreWords', () => {
  it('reads a bottleneck score as hours of load response and its confidence as explained share', () => {
    expect(scoreWords({ kind: 'bottleneck', score: 2.271, confidence: 0.25 })).toBe(
      'the wait grows 2.27 h from low to high load · load explains 25.0% of later waits (held out)',
    );
    // log10(1 + 736,000) = 5.867; 10^5.867 = 736,001 → "740,000" to two significant digits.
    expect(scoreWords({ kind: 'anomaly', score: 736000, confidence: 1 })).toBe(
      'rarity 5.9 (as unusual as about 1 in 740,000 cases) · confidence 100.0% (share of training cases scoring lower)',
    );
  });
});
