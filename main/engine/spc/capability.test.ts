import { describe, expect, it } from 'vitest';
import { capability } from './capability.ts';
import { boxCoxLambda, boxCoxTransform, fitLognormal, fitWeibull } from './distribution-fits.ts';
import { normalCdf, normalQuantile } from './special-functions.ts';
import { PISTON_RINGS } from './spc-examples.fixture.ts';

const D2_2 = 1.1283791670955126;

function random(seed: number) {
  let s = seed;
  const uniform = () => (s = (s * 16807) % 2147483647) / 2147483647;
  return { uniform, normal: () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform()) };
}

describe('capability indices', () => {
  it('reproduces Montgomery Example 6.1: piston rings, specs 74 ± 0.05, σ̂ = R̄/d2, Cp = 1.68', () => {
    const result = capability(
      PISTON_RINGS.slice(0, 25),
      { lsl: 73.95, usl: 74.05 },
      { within: 'rbar', distribution: 'normal' },
    );
    const sigma = 0.581 / 25 / 2.3259289;
    expect(result.sigmaWithin).toBeCloseTo(sigma, 7);
    expect(result.indices.cp!).toBeCloseTo(0.1 / (6 * sigma), 6);
    // The book rounds σ̂ to 0.0099 before dividing: 0.1/0.0594 = 1.68.
    expect(Math.abs(result.indices.cp! - 1.68)).toBeLessThan(0.02);
  });
  it('works one-sided (a lower spec) by hand: mean 264, s 32, LSL 200', () => {
    const result = capability([232, 264, 296], { lsl: 200 }, { distribution: 'normal' });
    expect(result.normal.cp).toBeNull();
    expect(result.normal.ppl).toBeCloseTo(64 / 96, 12);
    expect(result.normal.ppk).toBeCloseTo(64 / 96, 12);
    // Within σ = MR̄/d2 = 32/d2(2).
    expect(result.normal.cpk).toBeCloseTo(64 / (3 * (32 / D2_2)), 12);
    // Expected below LSL: Φ(−2) = 0.0227501 → 22 750 ppm.
    expect(result.expectedPpmOverall.below).toBeCloseTo(22750.13, 1);
    expect(result.observedPpm.total).toBe(0);
  });
  it('counts observed ppm on both sides', () => {
    const result = capability([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { lsl: 1.5, usl: 9 }, { distribution: 'normal' });
    expect(result.observedPpm).toEqual({ below: 100000, above: 100000, total: 200000 });
  });
  it('refuses specs that make no sense', () => {
    expect(() => capability([1, 2, 3], {})).toThrow(/at least one spec limit/);
    expect(() => capability([1, 2, 3], { lsl: 5, usl: 4 })).toThrow(/must be below the USL/);
  });
});

describe('non-normal durations', () => {
  const rng = random(2024);
  // Lognormal cycle times: median e^3 ≈ 20 h, σ_log 0.5.
  const durations = Array.from({ length: 300 }, () => Math.exp(3 + 0.5 * rng.normal()));
  it('finds them not normal and picks a model that fits, saying why', () => {
    const result = capability(durations, { usl: 60 });
    expect(result.normality.pValue).toBeLessThan(0.05);
    expect(['lognormal', 'box-cox']).toContain(result.chosen);
    expect(result.reason).toMatch(/not normal/);
    expect(result.reason).toMatch(/fits best/);
    expect(result.fits[0].distribution).toBe(result.chosen);
  });
  it('computes the lognormal Ppu by the percentile method: (USL − median)/(X₀.₉₉₈₆₅ − median)', () => {
    const result = capability(durations, { usl: 60 }, { distribution: 'lognormal' });
    const fit = fitLognormal(durations);
    const { location: m, scale: s } = fit.parameters;
    const median = Math.exp(m);
    expect(result.indices.ppu!).toBeCloseTo(
      (60 - median) / (Math.exp(m + s * normalQuantile(normalCdf(3))) - median),
      10,
    );
    expect(result.expectedPpm.above).toBeCloseTo((1 - normalCdf((Math.log(60) - m) / s)) * 1e6, 6);
  });
  it('estimates λ of Box-Cox by maximum likelihood (matches a fine grid search; near 0 for lognormal data)', () => {
    const lambda = boxCoxLambda(durations);
    const sumLog = durations.reduce((a, x) => a + Math.log(x), 0);
    const ll = (l: number) => {
      const y = durations.map((x) => boxCoxTransform(x, l));
      const mu = y.reduce((a, v) => a + v, 0) / y.length;
      return (-y.length / 2) * Math.log(y.reduce((a, v) => a + (v - mu) ** 2, 0) / y.length) + (l - 1) * sumLog;
    };
    let grid = -2;
    for (let l = -2; l <= 2; l += 0.001) if (ll(l) > ll(grid)) grid = l;
    expect(Math.abs(lambda - grid)).toBeLessThan(0.002);
    expect(Math.abs(lambda)).toBeLessThan(0.25);
  });
  it('fits a Weibull by maximum likelihood: recovers shape 1.5 and scale 10 from 5000 draws', () => {
    const r = random(9);
    const draws = Array.from({ length: 5000 }, () => 10 * (-Math.log(r.uniform())) ** (1 / 1.5));
    const fit = fitWeibull(draws);
    expect(fit.parameters.shape).toBeGreaterThan(1.45);
    expect(fit.parameters.shape).toBeLessThan(1.55);
    expect(fit.parameters.scale).toBeGreaterThan(9.7);
    expect(fit.parameters.scale).toBeLessThan(10.3);
    // The fitted shape is a maximum of the likelihood: nudging it either way lowers it.
    const loglik = (b: number, e: number) =>
      draws.reduce((a, x) => a + Math.log(b / e) + (b - 1) * Math.log(x / e) - (x / e) ** b, 0);
    const { shape, scale } = fit.parameters;
    expect(loglik(shape, scale)).toBeGreaterThan(loglik(shape * 1.01, scale));
    expect(loglik(shape, scale)).toBeGreaterThan(loglik(shape * 0.99, scale));
    // A correct model is not rejected at 1%.
    expect(fit.pBound).not.toBe('<');
  });
  it('keeps the normal model for normal data, and gives histogram bins and a fitted curve', () => {
    const r = random(77);
    const x = Array.from({ length: 200 }, () => 50 + 5 * r.normal());
    const result = capability(x, { lsl: 30, usl: 75 });
    expect(result.chosen).toBe('normal');
    expect(result.histogram.bins.reduce((a, b) => a + b.count, 0)).toBe(200);
    expect(result.histogram.bins[0].start).toBeLessThanOrEqual(30);
    expect(result.histogram.bins.at(-1)!.end).toBeGreaterThanOrEqual(75);
    expect(result.histogram.curve).toHaveLength(100);
    // The curve integrates to about n over the plotted range.
    const c = result.histogram.curve;
    const width = result.histogram.bins[0].end - result.histogram.bins[0].start;
    const area = c.slice(1).reduce((a, p, i) => a + ((p.y + c[i].y) / 2) * (p.x - c[i].x), 0) / width;
    expect(area).toBeGreaterThan(195);
    expect(area).toBeLessThan(201);
  });
});

describe('capability edge cases', () => {
  it('says so when all values are equal instead of dividing by zero', () => {
    const result = capability([5, 5, 5, 5], { usl: 6 });
    expect(result.indices.ppk).toBeNull();
    expect(result.reason).toMatch(/All values are equal/);
    expect(result.observedPpm.total).toBe(0);
  });
});

describe('choosing a model when none fits', () => {
  it('ranks a Weibull "p < 0.010" (a bound) below nothing: the smallest A² wins among failing fits', () => {
    // Lognormal durations (μ = 5, σ = 0.8 on the log scale) with three misdated cases near 700,000 h, as the o2c log had.
    let seed = 7;
    const uniform = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
    const x = Array.from({ length: 500 }, () => Math.exp(5 + 0.8 * normal()));
    x.push(700_000, 710_000, 720_000);
    const result = capability(x, { usl: 456 });
    const weibull = result.fits.find((f) => f.distribution === 'weibull')!;
    expect(weibull.pBound).toBe('<');
    expect(result.fits.every((f) => f.pValue < 0.05)).toBe(true);
    // Every fit fails; the chosen one has the smallest A², and the Weibull bound does not jump the queue.
    expect(result.chosen).not.toBe('weibull');
    expect(result.fits[0]!.ad).toBe(Math.min(...result.fits.map((f) => f.ad)));
  });
});
