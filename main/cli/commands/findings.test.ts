import { describe, expect, it } from 'vitest';
import { scoreInWords } from './findings.ts';

describe('scoreInWords', () => {
  it('reads an anomaly score (about 1/p − 1) as a power of ten, a bottleneck’s in hours', () => {
    // 1/p = 10^6 → score 999,999 → rarity 6.0; the trial's 8.52e+7 → log10(85,200,001) = 7.93.
    expect(scoreInWords({ kind: 'anomaly', score: 999_999 })).toBe('rarity 6.0');
    expect(scoreInWords({ kind: 'exception-type', score: 8.52e7 })).toBe('rarity 7.9');
    expect(scoreInWords({ kind: 'anomaly', score: 0 })).toBe('rarity 0.0');
    expect(scoreInWords({ kind: 'bottleneck', score: 2.345 })).toBe('+2.3 h at load');
  });
});
