import { describe, expect, it } from 'vitest';
import { controlCharts } from './control-charts.ts';
import { controlChartConstants } from './constants.ts';
import { labelsFor, PISTON_RINGS, PISTON_RINGS_VARYING, readSharedCsv } from './spc-examples.fixture.ts';
import type { ControlChart } from './types.ts';

const line = (value: number | number[], i = 0): number => (Array.isArray(value) ? value[i] : value);
const signalled = (chart: ControlChart, rule = 1): number[] =>
  chart.signals.filter((s) => s.rule === rule).map((s) => s.index);

describe('I-MR chart', () => {
  it('reproduces NIST e-Handbook 6.3.2.2 (x̄ 50.81, MR̄ 1.8778, MR UCL 6.1347)', () => {
    const x = readSharedCsv('nist_imr_6322.csv').map((r) => r.x);
    const { charts } = controlCharts(
      { kind: 'variables', subgroups: x.map((v) => [v]), labels: labelsFor(x.length) },
      { chart: 'imr' },
    );
    const [i, mr] = charts;
    expect(i.name).toBe('I');
    expect(mr.name).toBe('MR');
    expect(line(i.center)).toBeCloseTo(50.81, 10);
    expect(line(mr.center)).toBeCloseTo(1.8778, 4);
    // NIST's MR UCL 6.1347 is 3.267·MR̄ (D4 rounded); the exact D4(2) = 3.2665 gives 6.1338.
    expect(line(mr.ucl)).toBeCloseTo(controlChartConstants(2).D4 * 1.8778, 3);
    expect(Math.abs(line(mr.ucl) - 6.1347)).toBeLessThan(0.001);
    expect(line(mr.lcl)).toBe(0);
    // NIST prints UCL 55.8041 and LCL 45.8159 from the rounded d2 = 1.128: x̄ ± 3·MR̄/1.128. With the
    // exact d2 = 1.1283792 the limits move by 0.0017; check both.
    expect(line(i.ucl)).toBeCloseTo(50.81 + (3 * 1.8778) / 1.1283792, 3);
    expect(Math.abs(line(i.ucl) - 55.8041)).toBeLessThan(0.002);
    expect(Math.abs(line(i.lcl) - 45.8159)).toBeLessThan(0.002);
    expect(mr.points[0]).toBeNull();
    expect(mr.points[1]).toBeCloseTo(2.0, 10);
    expect(i.signals).toEqual([]);
  });
});

describe('Xbar-R chart', () => {
  const subgroups = PISTON_RINGS.slice(0, 25);
  it('reproduces Montgomery Example 6.1 (piston rings: x̿ 74.001, R̄ 0.023, limits 73.988 / 74.014, R UCL 0.049)', () => {
    const { charts } = controlCharts({ kind: 'variables', subgroups, labels: labelsFor(25) }, { chart: 'xbar-r' });
    const [xbar, r] = charts;
    expect(line(xbar.center)).toBeCloseTo(74.001, 3);
    expect(line(r.center)).toBeCloseTo(0.023, 3);
    expect(Math.abs(line(xbar.ucl) - 74.014)).toBeLessThan(0.001); // the book rounds x̿ to 74.001 first
    expect(Math.abs(line(xbar.lcl) - 73.988)).toBeLessThan(0.001); // the book rounds x̿ to 74.001 first
    expect(line(r.ucl)).toBeCloseTo(0.049, 3);
    expect(line(r.lcl)).toBe(0);
    // Hand check of the formulas: x̿ ± A2·R̄ with R̄ = 0.02324 (ΣR = 0.581 over 25 samples).
    const rBar = 0.581 / 25;
    expect(line(r.center)).toBeCloseTo(rBar, 12);
    expect(line(xbar.ucl) - line(xbar.center)).toBeCloseTo(controlChartConstants(5).A2 * rBar, 12);
    expect(xbar.signals).toEqual([]);
    expect(r.signals).toEqual([]);
  });
  it('flags samples 37, 38 and 39 of phase II against the trial limits (Montgomery Figure 6.5)', () => {
    const { charts } = controlCharts(
      { kind: 'variables', subgroups: PISTON_RINGS, labels: labelsFor(40) },
      { chart: 'xbar-r', baseline: 25 },
    );
    expect(signalled(charts[0])).toEqual([36, 37, 38]);
    expect(Math.abs(line(charts[0].ucl) - 74.014)).toBeLessThan(0.001);
  });
});

describe('Xbar-R chart with varying subgroup sizes', () => {
  it('weights each Rᵢ/d2(nᵢ) by d2²/d3² (unbiased, as Minitab) and gives limits per subgroup', () => {
    const subgroups = [[1, 3], [2, 4, 7], [5, 5, 6], [2, 9], [4]];
    const { charts, notes } = controlCharts(
      { kind: 'variables', subgroups, labels: labelsFor(5) },
      { chart: 'xbar-r' },
    );
    const [xbar, r] = charts;
    // By hand with the constants of the reference table (n = 2: d2 1.1283792, d3 0.8525025; n = 3: 1.6925688, 0.8883680).
    const table = readSharedCsv('control_chart_constants_n2_25.csv');
    const k = (n: number) => table.find((row) => row.n === n)!;
    const f = (n: number) => k(n).d2 ** 2 / k(n).d3 ** 2;
    const parts = [
      [2, 2],
      [3, 5],
      [3, 1],
      [2, 7],
    ];
    const sigma = parts.reduce((a, [n, R]) => a + (f(n) * R) / k(n).d2, 0) / parts.reduce((a, [n]) => a + f(n), 0);
    const mu = 48 / 11;
    expect(xbar.estimates[0].sigma).toBeCloseTo(sigma, 6);
    expect(line(xbar.center)).toBeCloseTo(mu, 12);
    expect(line(xbar.ucl, 1)).toBeCloseTo(mu + (3 * sigma) / Math.sqrt(3), 6);
    expect(line(xbar.ucl, 4)).toBeCloseTo(mu + 3 * sigma, 6);
    expect(line(r.center, 0)).toBeCloseTo(k(2).d2 * sigma, 6);
    expect(line(r.ucl, 1)).toBeCloseTo((k(3).d2 + 3 * k(3).d3) * sigma, 6);
    // A subgroup of one value has no range: blank point and lines (null in JSON), and a note says so.
    expect(r.points[4]).toBeNull();
    expect(JSON.parse(JSON.stringify(r)).center[4]).toBeNull();
    expect(notes.join(' ')).toMatch(/one value have no range/);
  });
});

describe('Xbar-S chart', () => {
  it('reproduces Montgomery Example 6.3 (s̄ 0.0094, Xbar limits 73.988 / 74.014, S UCL 0.0196)', () => {
    const { charts } = controlCharts(
      { kind: 'variables', subgroups: PISTON_RINGS.slice(0, 25), labels: labelsFor(25) },
      { chart: 'xbar-s' },
    );
    const [xbar, s] = charts;
    expect(s.name).toBe('S');
    expect(line(s.center)).toBeCloseTo(0.0094, 4);
    expect(Math.abs(line(xbar.ucl) - 74.014)).toBeLessThan(0.001); // the book rounds x̿ to 74.001 first
    expect(Math.abs(line(xbar.lcl) - 73.988)).toBeLessThan(0.001); // the book rounds x̿ to 74.001 first
    expect(line(s.ucl)).toBeCloseTo(0.0196, 4);
    expect(line(s.lcl)).toBe(0);
    // x̿ ± A3·s̄ and B4·s̄ exactly.
    const { A3, B4 } = controlChartConstants(5);
    expect(line(xbar.ucl) - line(xbar.center)).toBeCloseTo(A3 * line(s.center), 12);
    expect(line(s.ucl)).toBeCloseTo(B4 * line(s.center), 12);
  });
  it('with varying sizes uses the pooled s̄ and limits per subgroup (Montgomery Example 6.4, Table 6.4)', () => {
    const subgroups = PISTON_RINGS_VARYING.map((r) => r.values);
    const { charts } = controlCharts(
      { kind: 'variables', subgroups, labels: labelsFor(subgroups.length) },
      { chart: 'xbar-s' },
    );
    const [xbar, s] = charts;
    // The points are the x̄ᵢ and sᵢ the book prints.
    PISTON_RINGS_VARYING.forEach((row, i) => {
      expect(xbar.points[i] as number).toBeCloseTo(row.mean, 3);
      expect(Math.abs((s.points[i] as number) - row.s)).toBeLessThan(0.00006);
    });
    // s̄ = √(Σ(nᵢ−1)sᵢ²/Σ(nᵢ−1)) from the printed sᵢ (Montgomery Eq. 6.31) and x̿ = Σnᵢx̄ᵢ/Σnᵢ (Eq. 6.30).
    const df = PISTON_RINGS_VARYING.reduce((a, r) => a + r.values.length - 1, 0);
    const ss = PISTON_RINGS_VARYING.reduce((a, r) => a + (r.values.length - 1) * r.s * r.s, 0);
    const sBar = Math.sqrt(ss / df);
    expect(line(s.center)).toBeCloseTo(sBar, 4);
    const all = subgroups.flat();
    expect(line(xbar.center)).toBeCloseTo(all.reduce((a, v) => a + v, 0) / all.length, 10);
    // Per-subgroup limits: x̿ ± A3(nᵢ)·s̄ and B3(nᵢ)s̄ … B4(nᵢ)s̄ with the constants of the table.
    const table = readSharedCsv('control_chart_constants_n2_25.csv');
    subgroups.forEach((g, i) => {
      const row = table.find((r) => r.n === g.length)!;
      const exact = line(s.center, i);
      expect(line(xbar.ucl, i) - line(xbar.center, i)).toBeCloseTo(row.A3 * exact, 6);
      expect(line(s.ucl, i)).toBeCloseTo(row.B4 * exact, 6);
      expect(line(s.lcl, i)).toBeCloseTo(row.B3 * exact, 6);
    });
    expect(Array.isArray(xbar.ucl)).toBe(true);
  });
});

describe('variables charts with known parameters', () => {
  it('use a given target and σ instead of the estimates', () => {
    const { charts } = controlCharts(
      { kind: 'variables', subgroups: PISTON_RINGS.slice(0, 5), labels: labelsFor(5) },
      { chart: 'xbar-r', target: 74, sigma: 0.01 },
    );
    expect(line(charts[0].center)).toBe(74);
    expect(line(charts[0].ucl)).toBeCloseTo(74 + (3 * 0.01) / Math.sqrt(5), 12);
    expect(line(charts[1].center)).toBeCloseTo(controlChartConstants(5).d2 * 0.01, 12);
  });
});
