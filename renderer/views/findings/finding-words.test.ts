import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../components/format.ts';
import { keyInWords, kpiEffectLines } from './finding-words.ts';

describe('finding words', () => {
  it('names a KPI key in words without its unit', () => {
    expect(keyInWords('addedCycleTimeHours')).toBe('Added cycle time');
    expect(keyInWords('cases')).toBe('Cases');
  });

  it('reads hours as durations, shares as percent, skips missing values', () => {
    expect(kpiEffectLines({ addedCycleTimeHours: 41, usualCaseDurationHours: null, shareAtRisk: 0.125, cases: 1200, trend: 'rising' })).toEqual([
      ['Added cycle time', formatDuration(41 * 3600)],
      ['Share at risk', '12.5%'],
      ['Cases', '1,200'],
      ['Trend', 'rising'],
    ]);
  });
});
