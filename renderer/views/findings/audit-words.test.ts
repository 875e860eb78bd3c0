import { describe, expect, it } from 'vitest';
import { auditWords } from './finding-detail.tsx';

describe('auditWords', () => {
  it('says what happened to a finding, with the status it had', () => {
    expect(auditWords({ action: 'finding_dismiss', details: { findingId: 'a', from: 'open', to: 'dismissed' } })).toBe('dismissed (was open)');
    expect(auditWords({ action: 'finding_accept', details: { from: 'dismissed', to: 'accepted' } })).toBe('accepted (was dismissed)');
    expect(auditWords({ action: 'finding_comment', details: { text: 'Known customer' } })).toBe('commented: Known customer');
    expect(auditWords({ action: 'train', details: { model: 'anomaly v2' } })).toBe('trained anomaly v2');
    expect(auditWords({ action: 'something_new', details: null })).toBe('something new');
  });
});
