import { describe, expect, it } from 'vitest';
import { controlCharts } from './control-charts.ts';
import {
  CIRCUIT_BOARDS,
  labelsFor,
  ORANGE_JUICE,
  PC_NONCONFORMITIES,
  PEACHES,
  readSharedCsv,
} from './spc-examples.fixture.ts';
import type { ControlChart } from './types.ts';

const line = (value: number | number[], i = 0): number => (Array.isArray(value) ? value[i] : value);
const beyond = (chart: ControlChart): number[] => chart.signals.filter((s) => s.rule === 1).map((s) => s.index);
const sizes = (m: number, n: number): number[] => new Array<number>(m).fill(n);

describe('P chart', () => {
  const juice = (m: number) => ({
    kind: 'attributes' as const,
    counts: ORANGE_JUICE.slice(0, m),
    sizes: sizes(m, 50),
    labels: labelsFor(m),
  });
  it('reproduces the orange-juice example (NIST 6.3.3.2, Montgomery Example 7.1): p̄ .2313, UCL .4102, LCL .0524', () => {
    const [p] = controlCharts(juice(30), { chart: 'p' }).charts;
    expect(p.name).toBe('P');
    expect(line(p.center)).toBeCloseTo(0.2313, 4);
    expect(line(p.ucl)).toBeCloseTo(0.4102, 4);
    expect(line(p.lcl)).toBeCloseTo(0.0524, 4);
    // Samples 15 and 23 are above the UCL (Montgomery).
    expect(beyond(p)).toEqual([14, 22]);
  });
  it('revises the limits without samples 15 and 23 (p̄ .2150, UCL .3893, LCL .0407) and marks them excluded', () => {
    const [p] = controlCharts(juice(30), { chart: 'p', exclude: [14, 22] }).charts;
    expect(line(p.center)).toBeCloseTo(0.215, 4);
    expect(line(p.ucl)).toBeCloseTo(0.3893, 4);
    expect(line(p.lcl)).toBeCloseTo(0.0407, 4);
    expect(p.excluded).toEqual([14, 22]);
    // Against the revised limits sample 21 (0.40) is above the UCL too, as Montgomery notes.
    expect(beyond(p)).toEqual([14, 20, 22]);
  });
  it('gives the phase after the machine adjustment its own limits (Montgomery: p̄ .1108, UCL .2440, LCL 0)', () => {
    const [p] = controlCharts(juice(54), { chart: 'p', exclude: [14, 22], phases: [30] }).charts;
    expect(line(p.center, 0)).toBeCloseTo(0.215, 4);
    expect(line(p.center, 30)).toBeCloseTo(0.1108, 4);
    expect(line(p.ucl, 53)).toBeCloseTo(0.244, 4);
    expect(line(p.lcl, 53)).toBe(0);
    expect(p.phase.slice(28, 32)).toEqual([0, 0, 1, 1]);
    expect(p.estimates.map((e) => e.phase)).toEqual([0, 1]);
  });
  it('has limits per subgroup when n varies (Pyzdek Table 9.6: p̄ = 1544/8000 = 0.193)', () => {
    const [p] = controlCharts(
      {
        kind: 'attributes',
        counts: PEACHES.map((r) => r.bruised),
        sizes: PEACHES.map((r) => r.n),
        labels: labelsFor(PEACHES.length),
      },
      { chart: 'p' },
    ).charts;
    expect(line(p.center)).toBeCloseTo(0.193, 10);
    // p̄ ± 3√(p̄(1 − p̄)/n) by hand: n = 250 → 0.193 ± 0.07487, n = 500 → 0.193 ± 0.05294.
    expect(line(p.ucl, 0)).toBeCloseTo(0.193 + 3 * Math.sqrt((0.193 * 0.807) / 250), 12);
    expect(line(p.ucl, 0)).toBeCloseTo(0.2679, 4);
    expect(line(p.lcl, 10)).toBeCloseTo(0.1401, 4);
    expect(line(p.ucl, 10)).toBeCloseTo(0.2459, 4);
    expect(p.n[10]).toBe(500);
    expect(beyond(p)).toEqual([]);
  });
});

describe('NP chart', () => {
  it('plots counts with center n·p̄ (orange juice: 50 × .2313 = 11.57, UCL 20.51)', () => {
    const [np] = controlCharts(
      { kind: 'attributes', counts: ORANGE_JUICE.slice(0, 30), sizes: sizes(30, 50), labels: labelsFor(30) },
      { chart: 'np' },
    ).charts;
    expect(np.name).toBe('NP');
    expect(line(np.center)).toBeCloseTo(347 / 30, 10);
    expect(line(np.ucl)).toBeCloseTo(347 / 30 + 3 * Math.sqrt(50 * (347 / 1500) * (1 - 347 / 1500)), 10);
    expect(line(np.ucl)).toBeCloseTo(20.51, 2);
    expect(beyond(np)).toEqual([14, 22]);
  });
});

describe('C chart', () => {
  it('reproduces NIST 6.3.3.1 (wafer defects: c̄ 16, UCL 28, LCL 4; wafer 24 above the UCL)', () => {
    const rows = readSharedCsv('nist_cchart_6331_wafer_defects.csv');
    const [c] = controlCharts(
      {
        kind: 'attributes',
        counts: rows.map((r) => r.defects),
        sizes: sizes(rows.length, 1),
        labels: labelsFor(rows.length),
      },
      { chart: 'c' },
    ).charts;
    expect(line(c.center)).toBe(16);
    expect(line(c.ucl)).toBe(28);
    expect(line(c.lcl)).toBe(4);
    // Wafer 3 sits exactly on the UCL (28): on the line is not beyond it.
    expect(beyond(c)).toEqual([23]);
  });
  it('reproduces Montgomery Example 7.3 (circuit boards: c̄ 19.85, UCL 33.22, LCL 6.48; samples 6 and 20 out)', () => {
    const input = {
      kind: 'attributes' as const,
      counts: CIRCUIT_BOARDS.slice(0, 26),
      sizes: sizes(26, 100),
      labels: labelsFor(26),
    };
    const [c] = controlCharts(input, { chart: 'c' }).charts;
    // The book rounds c̄ to 19.85 before adding 3√c̄, so its limits can differ in the second decimal.
    expect(line(c.center)).toBeCloseTo(516 / 26, 12);
    expect(Math.abs(line(c.center) - 19.85)).toBeLessThan(0.01);
    expect(Math.abs(line(c.ucl) - 33.22)).toBeLessThan(0.01);
    expect(Math.abs(line(c.lcl) - 6.48)).toBeLessThan(0.01);
    expect(beyond(c)).toEqual([5, 19]);
    // Revised without them: c̄ 19.67, UCL 32.97, LCL 6.36.
    const [revised] = controlCharts(input, { chart: 'c', exclude: [5, 19] }).charts;
    expect(Math.abs(line(revised.center) - 19.67)).toBeLessThan(0.01);
    expect(Math.abs(line(revised.ucl) - 32.97)).toBeLessThan(0.01);
    expect(Math.abs(line(revised.lcl) - 6.36)).toBeLessThan(0.01);
  });
});

describe('U chart', () => {
  it('reproduces Montgomery Example 7.6 (PC nonconformities per unit: ū 1.93, UCL 3.79, LCL 0.07)', () => {
    const m = PC_NONCONFORMITIES.length;
    const [u] = controlCharts(
      { kind: 'attributes', counts: PC_NONCONFORMITIES, sizes: sizes(m, 5), labels: labelsFor(m) },
      { chart: 'u' },
    ).charts;
    expect(u.name).toBe('U');
    expect(line(u.center)).toBeCloseTo(1.93, 10);
    expect(line(u.ucl)).toBeCloseTo(3.79, 2);
    expect(line(u.lcl)).toBeCloseTo(0.07, 2);
    expect(beyond(u)).toEqual([]);
  });
  it('has limits ū ± 3√(ū/nᵢ) per subgroup when the units vary', () => {
    // Hand-made: 4 subgroups, 2 + 3 + 12 + 3 = 20 defects in 10 + 10 + 20 + 10 = 50 units → ū = 0.4.
    const [u] = controlCharts(
      { kind: 'attributes', counts: [2, 3, 12, 3], sizes: [10, 10, 20, 10], labels: labelsFor(4) },
      { chart: 'u' },
    ).charts;
    expect(u.points).toEqual([0.2, 0.3, 0.6, 0.3]);
    expect(line(u.center)).toBeCloseTo(0.4, 12);
    expect(line(u.ucl, 0)).toBeCloseTo(0.4 + 3 * Math.sqrt(0.04), 12);
    expect(line(u.ucl, 2)).toBeCloseTo(0.4 + 3 * Math.sqrt(0.02), 12);
    expect(line(u.lcl, 2)).toBe(0);
  });
});

describe('attribute input errors', () => {
  it('refuses more defectives than units, with the way out', () => {
    expect(() =>
      controlCharts({ kind: 'attributes', counts: [3, 60], sizes: [50, 50], labels: ['a', 'b'] }, { chart: 'p' }),
    ).toThrow(/more than all of them/);
  });
  it('refuses a P chart of measurements', () => {
    expect(() =>
      controlCharts({ kind: 'variables', subgroups: [[1], [2]], labels: ['a', 'b'] }, { chart: 'p' }),
    ).toThrow(/counts and subgroup sizes/);
  });
});
