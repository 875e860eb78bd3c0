import { describe, expect, it } from 'vitest';
import { controlCharts } from './control-charts.ts';
import type { ChartInput, ControlChart } from './types.ts';

const D2 = 1.1283791670955126;
const beyond = (chart: ControlChart) => chart.signals.filter((s) => s.rule === 1).length;

/** Seeded generator (Park–Miller) and a Box–Muller normal, so the simulated cases are fixed. */
function random(seed: number) {
  let s = seed;
  const uniform = () => (s = (s * 16807) % 2147483647) / 2147483647;
  const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  return { uniform, normal };
}

/** Binomial(n, p) by its normal approximation (n·p ≥ 200 here), rounded and clamped. */
function binomial(rng: ReturnType<typeof random>, n: number, p: number): number {
  return Math.min(n, Math.max(0, Math.round(n * p + Math.sqrt(n * p * (1 - p)) * rng.normal())));
}

describe('Laney P′ and U′', () => {
  // Formulas as Minitab documents them (Methods and formulas for Laney P′ Chart): zᵢ = (pᵢ − p̄)/σ_pᵢ,
  // σ_z = MR̄(z)/1.128, limits p̄ ± 3·σ_pᵢ·σ_z clipped to [0, 1].
  it('widens the limits by σ_z = MR̄(z)/d2, worked by hand on three subgroups', () => {
    // n = 100, counts 10, 20, 30 → p̄ 0.2, σ_p 0.04, z = −2.5, 0, 2.5, MR̄ = 2.5, σ_z = 2.5/d2.
    const input: ChartInput = {
      kind: 'attributes',
      counts: [10, 20, 30],
      sizes: [100, 100, 100],
      labels: ['a', 'b', 'c'],
    };
    const { charts, notes } = controlCharts(input, { chart: 'laney-p' });
    const sigmaZ = 2.5 / D2;
    expect(charts[0].estimates[0].sigmaZ).toBeCloseTo(sigmaZ, 12);
    expect(charts[0].ucl).toBeCloseTo(0.2 + 3 * 0.04 * sigmaZ, 12);
    expect(charts[0].lcl).toBe(0);
    expect(notes.join(' ')).toMatch(/σ_z = 2\.216/);
    // U′ on the same numbers as defects per unit: ū 0.2, σ_u = √(0.2/100), the same z and σ_z.
    const [u] = controlCharts(input, { chart: 'laney-u' }).charts;
    const zStep = 0.1 / Math.sqrt(0.002); // |z| moves by this much between neighbours
    expect(u.ucl).toBeCloseTo(0.2 + 3 * Math.sqrt(0.002) * (zStep / D2), 12);
  });
  it('is the plain P chart when the data are binomial (σ_z near 1)', () => {
    const rng = random(7);
    const sizes = Array.from({ length: 60 }, () => 2000 + Math.floor(rng.uniform() * 3000));
    const counts = sizes.map((n) => binomial(rng, n, 0.1));
    const labels = sizes.map((_, i) => String(i));
    const [laney] = controlCharts({ kind: 'attributes', counts, sizes, labels }, { chart: 'laney-p' }).charts;
    expect(laney.estimates[0].sigmaZ!).toBeGreaterThan(0.8);
    expect(laney.estimates[0].sigmaZ!).toBeLessThan(1.2);
  });
  it('keeps week-to-week variation of large subgroups in control where the P chart flags most weeks', () => {
    // Event-log weeks: thousands of cases, the defect rate itself wanders ±10% (relative) week to week.
    const rng = random(11);
    const sizes = Array.from({ length: 52 }, () => 4000 + Math.floor(rng.uniform() * 2000));
    const counts = sizes.map((n) => binomial(rng, n, 0.08 * (1 + 0.1 * rng.normal())));
    const input: ChartInput = { kind: 'attributes', counts, sizes, labels: sizes.map((_, i) => `w${i}`) };
    const [p] = controlCharts(input, { chart: 'p' }).charts;
    const [laney] = controlCharts(input, { chart: 'laney-p' }).charts;
    expect(beyond(p)).toBeGreaterThan(10);
    expect(beyond(laney)).toBeLessThanOrEqual(1);
    expect(laney.estimates[0].sigmaZ!).toBeGreaterThan(1.5);
  });
});
