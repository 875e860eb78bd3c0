import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../components/format.ts';
import { keyInWords, kpiEffectLines, oneIn, rarityOf, shortScore } from './finding-words.ts';

describe('finding words', () => {
  it('names a KPI key in words without its unit', () => {
    expect(keyInWords('addedCycleTimeHours')).toBe('Added cycle time');
    expect(keyInWords('cases')).toBe('Cases');
  });

  it('reads hours as durations, shares as percent, skips missing values', () => {
    expect(
      kpiEffectLines({
        addedCycleTimeHours: 41,
        usualCaseDurationHours: null,
        shareAtRisk: 0.125,
        cases: 1200,
        trend: 'rising',
      }),
    ).toEqual([
      ['Added cycle time', formatDuration(41 * 3600)],
      ['Share at risk', '12.5%'],
      ['Cases', '1,200'],
      ['Trend', 'rising'],
    ]);
  });
});

describe('rarity of an anomaly score', () => {
  it('is log10(1 + score), read as a power of ten; bottlenecks stay in hours', () => {
    expect(rarityOf(999)).toBeCloseTo(3, 12);
    expect(oneIn(3)).toBe('1 in 1,000');
    // The trial's 8.52e+7: log10(85,200,001) = 7.930.
    expect(shortScore({ kind: 'anomaly', score: 8.52e7 })).toBe('7.9');
    expect(shortScore({ kind: 'bottleneck', score: 2.34 })).toBe('+2.3 h');
  });
});
