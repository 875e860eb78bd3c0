import { describe, expect, it } from 'vitest';
import { outlierDurations } from './outlier-durations.ts';
import { buildLog, type TestRow } from './test-log.ts';

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
  const log = buildLog([...pairCases('ab', 'A', 'B', ab, 0), ...pairCases('cd', 'C', 'D', cd, 100_000), ...pairCases('ef', 'E', 'F', ef, 200_000)]);

  it('flags durations beyond |z| 3.5 per activity pair', () => {
    // A→B: scale 1.253314 · 32.8 min = 41.1 min, z(500) = 11.9, z(11) = 0.02.
    // C→D: z(100) = 0.6745 · 89 / 5 = 12.0, z(1) = -1.35.
    const check = outlierDurations(log);
    expect(check.count).toBe(2);
    expect(check.examples.map((e) => e.caseId)).toEqual(['ab14', 'cd20']);
    expect(check.breakdown!.map((b) => b.label)).toEqual(['A → B', 'C → D']);
    expect(check.severity).toBe('info');
  });

  it('follows the editable threshold', () => {
    // C→D: |z(1)| = 0.6745·10/5 = 1.35 exceeds 1.3; |z(2)| = |z(20)| = 1.21 does not; plus A→B 500.
    expect(outlierDurations(log, { threshold: 1.3 }).count).toBe(3);
  });
});
