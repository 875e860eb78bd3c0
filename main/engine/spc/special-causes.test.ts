import { describe, expect, it } from 'vitest';
import { controlCharts } from './control-charts.ts';
import { resolveRules, testSpecialCauses, type TestSetting } from './special-causes.ts';

/**
 * Each test on a short hand-made series in σ units (center 0, σ 1, limits ±3) that fails exactly
 * that test and no other, with every test switched on. Values are chosen by hand: see each comment.
 */
const ALL = resolveRules('nelson');

function failures(points: number[], settings: TestSetting[] = ALL) {
  const m = points.length;
  return testSpecialCauses(
    {
      points,
      center: new Array(m).fill(0),
      zoneSigma: new Array(m).fill(1),
      lcl: new Array(m).fill(-3),
      ucl: new Array(m).fill(3),
      phase: new Array(m).fill(0),
    },
    settings,
  ).map((s) => [s.index, s.rule]);
}

describe('tests for special causes (Minitab definitions, all eight on)', () => {
  it('test 1: one point beyond 3σ', () => {
    expect(failures([0.5, -0.5, 3.5, -0.5, 0.5])).toEqual([[2, 1]]);
  });
  it('test 2: nine points in a row on one side (alternating 0.3 / 0.6 avoids trends and zones)', () => {
    expect(failures([-0.5, 0.3, 0.6, 0.3, 0.6, 0.3, 0.6, 0.3, 0.6, 0.3])).toEqual([[9, 2]]);
  });
  it('test 3: six increases in a row (seven points), crossing the center line', () => {
    expect(failures([-0.9, -0.6, -0.3, 0.1, 0.4, 0.7, 0.9, 0.5])).toEqual([[6, 3]]);
  });
  it('test 4: fourteen alternating moves in a row (fifteen points)', () => {
    // Highs at 1.5, lows alternating ±0.2: never 4 of 5 beyond 1σ, never 9 on one side, never 15 within 1σ.
    const points = [-0.2, 1.5, 0.2, 1.5, -0.2, 1.5, 0.2, 1.5, -0.2, 1.5, 0.2, 1.5, -0.2, 1.5, 0.2];
    expect(failures(points)).toEqual([[14, 4]]);
    expect(failures([...points, 1.6])).toEqual([
      [14, 4],
      [15, 4],
    ]);
  });
  it('test 5: two of three points beyond 2σ on the same side', () => {
    expect(failures([0.5, -0.5, 2.5, 0.5, 2.4, -0.5])).toEqual([[4, 5]]);
  });
  it('test 6: four of five points beyond 1σ on the same side', () => {
    expect(failures([-0.5, 1.5, 1.2, 0.5, 1.4, 1.3, -0.5])).toEqual([[5, 6]]);
  });
  it('test 7: fifteen points in a row within 1σ (alternating in pairs so no run of 9 or trend)', () => {
    const calm = [0.5, 0.6, -0.5, -0.6, 0.5, 0.6, -0.5, -0.6, 0.5, 0.6, -0.5, -0.6, 0.5, 0.6, -0.5];
    expect(failures([1.5, ...calm])).toEqual([[15, 7]]);
  });
  it('test 8: eight points in a row beyond 1σ, on both sides', () => {
    expect(failures([0, 1.5, -1.5, -1.6, 1.5, 1.6, -1.5, -1.6, 1.5, 0])).toEqual([[8, 8]]);
  });
  it('lists every test a point fails, and only the tests switched on', () => {
    // Nine points high with the last beyond 3σ: tests 1 and 2 at the same point (and zone tests).
    const points = [0.3, 0.6, 0.3, 0.6, 0.3, 0.6, 0.3, 0.6, 3.5];
    expect(failures(points, resolveRules([1, 2]))).toEqual([
      [8, 1],
      [8, 2],
    ]);
    expect(failures(points, resolveRules([2]))).toEqual([[8, 2]]);
  });
  it('restarts runs at a phase boundary', () => {
    const points = [0.3, 0.6, 0.3, 0.6, 0.3, 0.6, 0.3, 0.6, 0.3, 0.6];
    const m = points.length;
    const phase = points.map((_, i) => (i < 5 ? 0 : 1));
    const hits = testSpecialCauses(
      {
        points,
        center: new Array(m).fill(0),
        zoneSigma: new Array(m).fill(1),
        lcl: new Array(m).fill(-3),
        ucl: new Array(m).fill(3),
        phase,
      },
      resolveRules([2]),
    );
    expect(hits).toEqual([]);
  });
});

describe('presets and switches', () => {
  it('Minitab default is test 1; Western Electric is 1, 2 (8 points), 5, 6; Nelson all eight', () => {
    expect(resolveRules('minitab')).toEqual([{ test: 1, k: 3 }]);
    expect(resolveRules('western-electric')).toEqual([
      { test: 1, k: 3 },
      { test: 2, k: 8 },
      { test: 5, k: 2 },
      { test: 6, k: 4 },
    ]);
    expect(resolveRules('nelson').map((s) => s.k)).toEqual([3, 9, 6, 14, 2, 4, 15, 8]);
    expect(resolveRules([2], { 2: 7 })).toEqual([{ test: 2, k: 7 }]);
    expect(() => resolveRules([9])).toThrow(/no test for special causes number 9/);
  });
  it('applies only tests 1–4 to R, S, MR and attribute charts, only test 1 to EWMA and CUSUM', () => {
    const subgroups = [
      [1, 2],
      [2, 3],
      [3, 5],
      [2, 2.5],
      [1.5, 3],
    ];
    const labels = subgroups.map((_, i) => String(i));
    const [xbar, r] = controlCharts(
      { kind: 'variables', subgroups, labels },
      { chart: 'xbar-r', rules: 'nelson' },
    ).charts;
    expect(xbar.rules).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(r.rules).toEqual([1, 2, 3, 4]);
    const [i, mr] = controlCharts(
      { kind: 'variables', subgroups: subgroups.map((g) => [g[0]]), labels },
      { chart: 'imr', rules: 'nelson' },
    ).charts;
    expect(i.rules).toHaveLength(8);
    expect(mr.rules).toEqual([1, 2, 3, 4]);
    const [p] = controlCharts(
      { kind: 'attributes', counts: [1, 2, 3, 2, 1], sizes: [10, 10, 10, 10, 10], labels },
      { chart: 'p', rules: 'nelson' },
    ).charts;
    expect(p.rules).toEqual([1, 2, 3, 4]);
    const [ewma] = controlCharts({ kind: 'variables', subgroups, labels }, { chart: 'ewma', rules: 'nelson' }).charts;
    expect(ewma.rules).toEqual([1]);
    const [cusum] = controlCharts({ kind: 'variables', subgroups, labels }, { chart: 'cusum', rules: 'nelson' }).charts;
    expect(cusum.rules).toEqual([1]);
  });
  it('draws the limits at the K of test 1', () => {
    const [i] = controlCharts(
      { kind: 'variables', subgroups: [[1], [3], [2], [4]], labels: ['a', 'b', 'c', 'd'] },
      { chart: 'imr', testK: { 1: 2 } },
    ).charts;
    // x̄ = 2.5, MR̄ = (2 + 1 + 2)/3, σ = MR̄/d2(2).
    const sigma = 5 / 3 / 1.1283791670955126;
    expect(i.ucl).toBeCloseTo(2.5 + 2 * sigma, 9);
  });
});

describe('a series without spread', () => {
  it('has no zones, so only test 1 and the run tests can fire, and a note says why', () => {
    const { charts, notes } = controlCharts(
      {
        kind: 'variables',
        subgroups: Array.from({ length: 20 }, () => [5]),
        labels: Array.from({ length: 20 }, (_, i) => String(i)),
      },
      { chart: 'imr', rules: 'nelson' },
    );
    expect(charts[0].signals).toEqual([]);
    expect(notes.join(' ')).toMatch(/no variation \(σ = 0\)/);
  });
});
