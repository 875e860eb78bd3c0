import { describe, expect, it } from 'vitest';
import { outlierDurations } from './outlier-durations.ts';
import { buildLog, type TestRow } from './log.fixture.ts';

function pairCases(prefix: string, from: string, to: string, minutes: number[], start: number): TestRow[] {
  return minutes.flatMap((d, i): TestRow[] => [
    [`${prefix}${i}`, from, start + i * 1000],
    [`${prefix}${i}`, to, start + i * 1000 + d],
  ]);
}

describe('outlierDurations', () => {
  const ab = [...Array(12).fill(10), 11, 9, 500]; // MAD 0: mean absolute deviation 492/15 stands in
  const cd = [...Array.from({ length: 20 }, (_, i) => i + 1), 100]; // median 11, MAD 5
  const ef = [1, 1, 1000]; // fewer than 10: skipped
  const log = buildLog([
    ...pairCases('ab', 'A', 'B', ab, 0),
    ...pairCases('cd', 'C', 'D', cd, 100_000),
    ...pairCases('ef', 'E', 'F', ef, 200_000),
  ]);

  it('flags long waits beyond z 3.5 on the log scale', () => {
    // On ln(1 + seconds): A→B values 6.3986 (×12, 600 s), 6.4938, 6.2953, 10.3090 (30000 s);
    // MAD is 0, so the scale is 1.253314 × mean |deviation| (4.1089 / 15) = 0.34332 and
    // z(500 min) = 3.9104 / 0.34332 = 11.4. C→D: median ln(661) = 6.4938, MAD 0.4511 (the 11th
    // of the 21 sorted |deviations|), z(100 min) = 0.6745 × 2.2059 / 0.4511 = 3.30: not beyond 3.5.
    const check = outlierDurations(log);
    expect(check.count).toBe(1);
    expect(check.examples.map((e) => e.caseId)).toEqual(['ab14']);
    // 500 min = 8.33 h; the median 600 s = 10 min.
    expect(check.examples[0].detail).toBe('"A" → "B" took 8.3 h (median 10 min, z = 11.4)');
    expect(check.severity).toBe('info');
    expect(outlierDurations(log, { threshold: 3.2 }).examples.map((e) => e.caseId)).toEqual(['ab14', 'cd20']);
  });

  it('flags short waits too when asked: C→D 1 min has z = 0.6745 × -2.3829 / 0.4511 = -3.56', () => {
    expect(outlierDurations(log, { sides: 'both' }).examples.map((e) => e.caseId)).toEqual(['ab14', 'cd0']);
  });

  it('scores linear durations when asked', () => {
    // A→B: MAD 0, scale 1.253314 × 492/15 min = 41.1 min, z(500) = 11.9, z(11) = 0.02.
    // C→D: median 11, MAD 5, z(100) = 0.6745 × 89 / 5 = 12.0, z(1) = -1.35.
    const check = outlierDurations(log, { scale: 'linear' });
    expect(check.examples.map((e) => e.caseId)).toEqual(['ab14', 'cd20']);
    expect(check.breakdown!.map((b) => b.label)).toEqual(['A → B', 'C → D']);
    // |z(1)| = 0.6745·10/5 = 1.35 exceeds 1.3; |z(2)| = |z(20)| = 1.21 does not.
    expect(outlierDurations(log, { scale: 'linear', sides: 'both', threshold: 1.3 }).count).toBe(3);
  });
});
