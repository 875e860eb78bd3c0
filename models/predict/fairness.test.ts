import { describe, expect, it } from 'vitest';
import { logFromTraces } from '../../main/engine/analysis/logs.fixture.ts';
import { runningCaseRows } from '../features/prefix/prefix-rows.ts';
import { probabilityBySegment, regressionBySegment, segmentRows, type SegmentRows } from './fairness.ts';

const segments = (names: string[], codes: number[]): SegmentRows => ({
  attribute: 'team',
  names,
  codes: Int32Array.from(codes),
});

describe('fairness view', () => {
  it('reads segments from a case attribute, or an event attribute at the first event', () => {
    const log = logFromTraces(
      { A: [{ activity: 'a', at: 0, attributes: { team: 'red' } }], B: ['a'], C: ['a'] },
      { A: { region: 'EU' }, C: { region: 'US' } },
    );
    const rows = runningCaseRows(log, Int32Array.from([0, 1, 2]), 0);
    expect(segmentRows(log, rows, 'region')).toEqual({
      attribute: 'region',
      names: ['EU', 'US'],
      codes: Int32Array.from([0, -1, 1]),
    });
    expect(segmentRows(log, rows, 'team').codes).toEqual(Int32Array.from([0, -1, -1]));
    expect(() => segmentRows(log, rows, 'nope')).toThrow(/no attribute "nope"/);
  });

  it('warns when a segment is mispredicted out of proportion, not when it is small', () => {
    // 40 rows each: team X errors 1, team Y errors 3, 2 rows of Z error 3 → overall MAE 166/82 ≈ 2.02;
    // Y at 3 is beyond 1.25 × 2.02 → warning; Z too, but 2 rows are too few to warn about.
    const codes = [...Array(40).fill(0), ...Array(40).fill(1), 2, 2];
    const actual = new Float64Array(codes.length);
    const predicted = Float64Array.from(codes, (c) => (c === 0 ? 1 : 3));
    const figures = regressionBySegment(segments(['X', 'Y', 'Z'], codes), predicted, actual, { minRows: 30 });
    expect(figures.map((f) => [f.segment, f.rows, f.error])).toEqual([
      ['X', 40, 1],
      ['Y', 40, 3],
      ['Z', 2, 3],
    ]);
    expect(figures[0].warning).toBeUndefined();
    expect(figures[1].warning).toMatch(/team = Y are off by/);
    expect(figures[2].warning).toBeUndefined();
  });

  it('warns when a segment is flagged beyond what its outcomes justify', () => {
    // X: 50 rows, 10 breach, 10 flagged (the right ones). Y: 50 rows, 10 breach, 30 flagged.
    const codes = [...Array(50).fill(0), ...Array(50).fill(1)];
    const labels = codes.map((_, i) => (i % 50 < 10 ? 1 : 0));
    const probabilities = codes.map((c, i) => (c === 0 ? (i % 50 < 10 ? 0.9 : 0.1) : i % 50 < 30 ? 0.9 : 0.1));
    const [x, y] = probabilityBySegment(segments(['X', 'Y'], codes), probabilities, labels);
    expect([x.flagRate, x.positiveRate, y.flagRate, y.positiveRate]).toEqual([0.2, 0.2, 0.6, 0.2]);
    expect(x.auc).toBe(1);
    // Y flags per positive (31/11) against the whole (41/21): 1.44× → out of proportion.
    expect(y.warning).toMatch(/team = Y is flagged 60% of the time while 20% actually breach/);
    // X (11/11) is 0.51× the whole: flagged less than the whole, also out of proportion.
    expect(x.warning).toMatch(/team = X is flagged 20%/);
  });
});
