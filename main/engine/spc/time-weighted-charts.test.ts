import { describe, expect, it } from 'vitest';
import { controlCharts } from './control-charts.ts';
import { labelsFor, MONTGOMERY_9_1, MONTGOMERY_9_2_UPPER, readSharedCsv } from './spc-examples.fixture.ts';

const individuals = (x: number[]) => ({
  kind: 'variables' as const,
  subgroups: x.map((v) => [v]),
  labels: labelsFor(x.length),
});
const line = (value: number | number[], i = 0): number => (Array.isArray(value) ? value[i] : value);

describe('tabular CUSUM', () => {
  it('reproduces NIST e-Handbook 6.3.2.3 (target 325, k .3175, h 4.1959: out of control from group 14)', () => {
    const rows = readSharedCsv('nist_cusum_6323.csv');
    // NIST's k and h are in the data's units for σ = 0.635 (k = σ/2); ours are in σ units.
    const sigma = 0.635;
    const [cusum] = controlCharts(individuals(rows.map((r) => r.x)), {
      chart: 'cusum',
      target: 325,
      sigma,
      k: 0.3175 / sigma,
      h: 4.1959 / sigma,
    }).charts;
    expect(cusum.name).toBe('CUSUM');
    rows.forEach((r, i) => {
      expect(Math.abs((cusum.points[i] as number) - r.shi_nist)).toBeLessThan(0.006);
      expect(Math.abs(cusum.lower![i] - r.slo_nist)).toBeLessThan(0.006);
    });
    expect(line(cusum.ucl)).toBeCloseTo(4.1959, 10);
    expect(line(cusum.lcl)).toBeCloseTo(-4.1959, 10);
    expect(cusum.signals.map((s) => s.index)).toEqual([13, 14, 15, 16, 17, 18, 19]);
  });
  it('reproduces Montgomery Table 9.2 (μ0 10, σ 1, k 0.5, h 5: C⁺ crosses H at sample 29)', () => {
    const [cusum] = controlCharts(individuals(MONTGOMERY_9_1), {
      chart: 'cusum',
      target: 10,
      sigma: 1,
      k: 0.5,
      h: 5,
    }).charts;
    MONTGOMERY_9_2_UPPER.forEach((c, i) => expect(Math.abs((cusum.points[i] as number) - c)).toBeLessThan(0.006));
    expect(cusum.signals[0].index).toBe(28);
    expect(cusum.signals[0].rule).toBe(1);
    expect(cusum.lower!.every((v) => v < 5)).toBe(true);
  });
  it('estimates target and σ from the baseline when they are not given (mean, MR̄/d2)', () => {
    const x = MONTGOMERY_9_1.slice(0, 20);
    const [cusum] = controlCharts(individuals(MONTGOMERY_9_1), { chart: 'cusum', baseline: 20 }).charts;
    const mean = x.reduce((a, v) => a + v, 0) / 20;
    let mr = 0;
    for (let i = 1; i < 20; i++) mr += Math.abs(x[i] - x[i - 1]);
    expect(cusum.estimates[0].center).toBeCloseTo(mean, 12);
    expect(cusum.estimates[0].sigma).toBeCloseTo(mr / 19 / 1.1283791670955126, 9);
    expect(line(cusum.ucl)).toBeCloseTo(4 * cusum.estimates[0].sigma, 12);
  });
});

describe('EWMA', () => {
  it('reproduces NIST e-Handbook 6.3.2.4 (λ .3, target 50, s 2.0539: EWMA values and limits 47.4115 / 52.5884, in control)', () => {
    const rows = readSharedCsv('nist_ewma_6324.csv');
    const [ewma] = controlCharts(individuals(rows.map((r) => r.x)), {
      chart: 'ewma',
      lambda: 0.3,
      target: 50,
      sigma: 2.0539,
      L: 3,
    }).charts;
    rows.forEach((r, i) => expect(Math.abs((ewma.points[i] as number) - r.ewma_nist_rounded)).toBeLessThan(0.006));
    // NIST gives the asymptotic limits; the exact ones converge to them: (1 − λ)^40 ≈ 6e-7.
    expect(line(ewma.ucl, 19)).toBeCloseTo(52.5884, 3);
    expect(line(ewma.lcl, 19)).toBeCloseTo(47.4115, 3);
    // Exact limits start narrower: at i = 1 the EWMA's σ is λσ.
    expect(line(ewma.ucl, 0)).toBeCloseTo(50 + 3 * 0.3 * 2.0539, 12);
    expect(ewma.signals).toEqual([]);
  });
  it('reproduces Montgomery Example 9.2 (λ 0.1, L 2.7: z1 9.945, z2 9.7495, limits 10.27 / 10.36, first signal at sample 29)', () => {
    const [ewma] = controlCharts(individuals(MONTGOMERY_9_1), {
      chart: 'ewma',
      lambda: 0.1,
      L: 2.7,
      target: 10,
      sigma: 1,
    }).charts;
    expect(ewma.points[0]).toBeCloseTo(9.945, 12);
    expect(ewma.points[1]).toBeCloseTo(9.7495, 12);
    expect(line(ewma.ucl, 0)).toBeCloseTo(10.27, 2);
    expect(line(ewma.ucl, 1)).toBeCloseTo(10.36, 2);
    // Var(z_i) = σ²·λ/(2 − λ)·(1 − (1 − λ)^2i), the textbook closed form for equal n.
    for (const i of [0, 4, 29])
      expect(line(ewma.ucl, i)).toBeCloseTo(10 + 2.7 * Math.sqrt((0.1 / 1.9) * (1 - 0.9 ** (2 * (i + 1)))), 12);
    expect(ewma.signals[0].index).toBe(28);
    expect(ewma.points[28] as number).toBeGreaterThan(10.62);
    expect(ewma.rules).toEqual([1]);
  });
  it('keeps exact limits for varying subgroup sizes: Var(zᵢ) = λ²σ²/nᵢ + (1 − λ)²Var(zᵢ₋₁)', () => {
    const subgroups = [[10, 12], [11], [9, 10, 11, 12]];
    const [ewma] = controlCharts(
      { kind: 'variables', subgroups, labels: labelsFor(3) },
      { chart: 'ewma', lambda: 0.5, target: 10, sigma: 2 },
    ).charts;
    const v1 = (0.25 * 4) / 2;
    const v2 = (0.25 * 4) / 1 + 0.25 * v1;
    const v3 = (0.25 * 4) / 4 + 0.25 * v2;
    expect(ewma.zoneSigma).toEqual([Math.sqrt(v1), Math.sqrt(v2), Math.sqrt(v3)].map((v) => expect.closeTo(v, 12)));
    expect(ewma.points).toEqual([10.5, 10.75, expect.closeTo(10.625, 12)]);
  });
  it('refuses a λ outside (0, 1]', () => {
    expect(() => controlCharts(individuals([1, 2, 3]), { chart: 'ewma', lambda: 1.5, sigma: 1 })).toThrow(/0 < λ ≤ 1/);
  });
});
