import { describe, expect, it } from 'vitest';
import { logFromTraces } from '../../main/engine/analysis/logs.fixture.ts';
import { caseAttributes, fitProcessStatistics, type FeatureSpec } from '../features/index.ts';
import { caseContext, describeCondition, fmtHours, fmtNumber, sayValue } from './conditions-in-words.ts';

/*
 * A hand-made log: 30 cases a → b by r1 or r2 at 09:00 UTC on Monday 2024-01-01 (and later days);
 * case odd: a → b done by "temp" at 02:00 on Sunday 2024-01-07, then c (a step nobody else takes).
 */
const traces: Record<string, { activity: string; at: number; resource?: string }[]> = {};
for (let k = 0; k < 30; k++) {
  traces[`c${k}`] = [
    { activity: 'a', at: k * 1440 + 9 * 60, resource: 'r1' },
    { activity: 'b', at: k * 1440 + 9 * 60 + 30, resource: k % 2 ? 'r1' : 'r2' },
  ];
}
traces.odd = [
  { activity: 'a', at: 6 * 1440 + 60, resource: 'r1' },
  { activity: 'b', at: 6 * 1440 + 120, resource: 'temp' },
  { activity: 'c', at: 6 * 1440 + 180, resource: 'r1' },
];
const log = logFromTraces(traces);
const stats = fitProcessStatistics(log);
const odd = log.caseIds.indexOf('odd');
const context = caseContext(log, odd, stats, caseAttributes(log));
const spec = (name: string, unit: FeatureSpec['unit'], activity?: string): FeatureSpec => ({
  name,
  unit,
  tail: 'upper',
  skewed: false,
  ...(activity ? { activity } : {}),
});

describe('conditions in words', () => {
  it('formats hours, counts and amounts as people read them', () => {
    expect(fmtHours(0.25)).toBe('0.3 h');
    expect(fmtHours(41.4)).toBe('41 h');
    expect(fmtHours(72)).toBe('72 h (3.0 days)');
    expect(fmtNumber(36414848)).toBe('36,414,848');
    expect(fmtNumber(4997.68)).toBe('4,998');
    expect(sayValue(spec('repetitions of a', 'count'), 4)).toBe('4');
    expect(sayValue(spec('waiting time before b', 'hours'), NaN)).toBe('missing');
  });

  it('says a value against its usual range', () => {
    expect(
      describeCondition(
        spec('waiting time before b', 'hours', 'b'),
        41,
        { low: null, high: 9, median: 3 },
        null,
        stats,
      ),
    ).toBe('waiting time before b = 41 h, usual ≤ 9 h');
    expect(
      describeCondition(
        { ...spec('amount', 'value'), tail: 'both' },
        1_500_000,
        { low: 361, high: 24350, median: 3000 },
        null,
        stats,
      ),
    ).toBe('amount = 1,500,000, usual 361–24,350');
  });

  it('names the unusual resource with when it worked and how often it did that step in training', () => {
    expect(describeCondition(spec('unusual resource at b', 'surprise', 'b'), 3.2, null, context, stats)).toBe(
      'b done by temp on Sunday 02:00–03:00, at night at a weekend (1 of 31 b events in training)',
    );
  });

  it('names the rarest transition of the case', () => {
    // b → c happened once (this case) out of 31 cases that left b.
    expect(describeCondition(spec('largest transition surprise', 'surprise'), 3.4, null, context, stats)).toBe(
      'b → c: 1 of 31 cases after b went there in training',
    );
  });
});
