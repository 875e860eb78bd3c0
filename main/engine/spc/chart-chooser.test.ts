import { describe, expect, it } from 'vitest';
import { chooseChart, lag1Autocorrelation } from './chart-chooser.ts';
import { labelsFor, ORANGE_JUICE, PISTON_RINGS } from './spc-examples.fixture.ts';
import type { ChartInput } from './types.ts';

function random(seed: number) {
  let s = seed;
  const uniform = () => (s = (s * 16807) % 2147483647) / 2147483647;
  return { uniform, normal: () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform()) };
}
const individuals = (x: number[]): ChartInput => ({
  kind: 'variables',
  subgroups: x.map((v) => [v]),
  labels: labelsFor(x.length),
});
const check = (choice: ReturnType<typeof chooseChart>, name: string) => choice.checks.find((c) => c.name === name)!;

describe('chart chooser', () => {
  it('picks I-MR for single values, Xbar-R up to 8 per subgroup, Xbar-S above 8 or for varying sizes', () => {
    const rng = random(1);
    const x = Array.from({ length: 60 }, () => 10 + rng.normal());
    expect(chooseChart(individuals(x)).chart).toBe('imr');
    expect(chooseChart({ kind: 'variables', subgroups: PISTON_RINGS.slice(0, 25), labels: labelsFor(25) }).chart).toBe(
      'xbar-r',
    );
    const tens = Array.from({ length: 25 }, () => Array.from({ length: 10 }, () => rng.normal()));
    expect(chooseChart({ kind: 'variables', subgroups: tens, labels: labelsFor(25) }).chart).toBe('xbar-s');
    const varying = tens.map((g, i) => g.slice(0, 3 + (i % 4)));
    const choice = chooseChart({ kind: 'variables', subgroups: varying, labels: labelsFor(25) });
    expect(choice.chart).toBe('xbar-s');
    expect(choice.reason).toMatch(/sizes vary \(3 to 6\)/);
  });
  it('checks the number of subgroups, stability and normality of single values', () => {
    const rng = random(2);
    const skewed = Array.from({ length: 30 }, () => -Math.log(rng.uniform()));
    const choice = chooseChart(individuals(skewed));
    expect(check(choice, 'subgroups').status).toBe('warning');
    expect(check(choice, 'normality').status).toBe('warning');
    expect(check(choice, 'normality').message).toMatch(/not normal/);
    // The piston-ring trial data are stable; with phase II appended they are not (samples 37–39).
    const trial = chooseChart({ kind: 'variables', subgroups: PISTON_RINGS.slice(0, 25), labels: labelsFor(25) });
    expect(check(trial, 'stability').status).toBe('ok');
    expect(check(trial, 'normality').status).toBe('not-applicable');
    const all = chooseChart({ kind: 'variables', subgroups: PISTON_RINGS, labels: labelsFor(40) });
    expect(check(all, 'stability').status).toBe('warning');
  });
  it('warns about lag-1 autocorrelation that would make limits too narrow', () => {
    const rng = random(3);
    const x: number[] = [0];
    for (let t = 1; t < 100; t++) x.push(0.8 * x[t - 1] + rng.normal());
    expect(lag1Autocorrelation(x)).toBeGreaterThan(0.6);
    const choice = chooseChart(individuals(x));
    expect(check(choice, 'autocorrelation').status).toBe('warning');
    expect(check(choice, 'autocorrelation').message).toMatch(/too narrow/);
    // r₁ by hand on 1, 2, 3, 4: mean 2.5, Σ(xₜ−x̄)(xₜ₊₁−x̄) = 0.75 − 0.25 + 0.75 = 1.25, Σ(xₜ−x̄)² = 5.
    expect(lag1Autocorrelation([1, 2, 3, 4])).toBeCloseTo(0.25, 12);
  });
  it('keeps the P chart for binomial counts (orange juice, phase II) and says so', () => {
    const counts = ORANGE_JUICE.slice(30);
    const choice = chooseChart({
      kind: 'attributes',
      counts,
      sizes: counts.map(() => 50),
      labels: labelsFor(counts.length),
    });
    expect(choice.chart).toBe('p');
    expect(choice.dataType).toBe('defectives');
    expect(check(choice, 'overdispersion').status).toBe('ok');
    expect(choice.alternatives).toContain('np');
  });
  it('proposes Laney P′ for large overdispersed weekly subgroups and says why, with the ratio', () => {
    const rng = random(11);
    const sizes = Array.from({ length: 52 }, () => 4000 + Math.floor(rng.uniform() * 2000));
    const counts = sizes.map((n) => Math.round(n * 0.08 * (1 + 0.1 * rng.normal())));
    const choice = chooseChart({ kind: 'attributes', counts, sizes, labels: labelsFor(52) });
    expect(choice.chart).toBe('laney-p');
    const over = check(choice, 'overdispersion');
    expect(over.status).toBe('warning');
    expect(over.value!).toBeGreaterThan(1.5);
    expect(over.message).toMatch(/times as much as the binomial model allows/);
    expect(over.message).toMatch(/flag \d+ of 52 subgroups/);
    expect(choice.alternatives).toEqual(['p']);
  });
  it('takes counts above their size as defects: U for varying units, C for equal ones', () => {
    expect(
      chooseChart({ kind: 'attributes', counts: [3, 5, 2, 4], sizes: [2, 3, 2, 2], labels: labelsFor(4) }).chart,
    ).toBe('u');
    expect(
      chooseChart(
        { kind: 'attributes', counts: [3, 5, 2, 4], sizes: [1, 1, 1, 1], labels: labelsFor(4) },
        { attribute: 'defects' },
      ).chart,
    ).toBe('c');
  });
});
