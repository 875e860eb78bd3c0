import { describe, expect, it } from 'vitest';
import { andersonDarling, normalityPValue, normalityTest } from './normality.ts';
import { normalCdf } from './special-functions.ts';

function random(seed: number) {
  let s = seed;
  const uniform = () => (s = (s * 16807) % 2147483647) / 2147483647;
  return { uniform, normal: () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform()) };
}

/**
 * A² from its definition, n·∫(Fₙ(u) − u)²/(u(1 − u)) du over the probability-integral transform:
 * between order statistics Fₙ = i/n is constant and the integral has the closed form
 * −u + c²·ln u − (1 − c)²·ln(1 − u). A second method for the computing formula.
 */
function adByIntegral(values: number[], cdf: (x: number) => number): number {
  const u = values.map(cdf).sort((a, b) => a - b);
  const n = u.length;
  const primitive = (c: number, x: number) =>
    -x + (c > 0 ? c * c * Math.log(x) : 0) - (c < 1 ? (1 - c) * (1 - c) * Math.log(1 - x) : 0);
  let total = 0;
  const edges = [0, ...u, 1];
  for (let i = 0; i <= n; i++) {
    const c = i / n;
    const a = edges[i];
    const b = edges[i + 1];
    const at = (x: number) => (x === 0 ? (c === 0 ? 0 : NaN) : x === 1 ? (c === 1 ? -1 : NaN) : primitive(c, x));
    total += (b === 1 && c === 1 ? -1 : at(b)) - (a === 0 && c === 0 ? 0 : at(a));
  }
  return n * total;
}

describe('Anderson–Darling', () => {
  it('agrees with the integral definition of A²', () => {
    const rng = random(3);
    const x = Array.from({ length: 25 }, () => 5 + 2 * rng.normal());
    const cdf = (v: number) => normalCdf((v - 5) / 2);
    expect(andersonDarling(x, cdf)).toBeCloseTo(adByIntegral(x, cdf), 9);
  });
  it('has p-values that reject 5% of normal samples at α = 0.05 (simulation, 4000 samples of 20)', () => {
    const rng = random(42);
    let rejected = 0;
    const trials = 4000;
    for (let t = 0; t < trials; t++) {
      const x = Array.from({ length: 20 }, () => rng.normal());
      if (normalityTest(x).pValue < 0.05) rejected++;
    }
    // Binomial(4000, 0.05): σ = 13.8 rejections; ±4σ.
    expect(Math.abs(rejected - 200)).toBeLessThan(56);
  });
  it('rejects clearly skewed data (exponential, n = 100)', () => {
    const rng = random(5);
    const x = Array.from({ length: 100 }, () => -Math.log(rng.uniform()));
    expect(normalityTest(x).pValue).toBeLessThan(0.001);
  });
  it('matches the upper-tail points of D’Agostino & Stephens (1986) Table 4.7 (A*² 0.631, 0.752, 0.873, 1.035 at p 0.10, 0.05, 0.025, 0.01)', () => {
    expect(normalityPValue(0.631)).toBeCloseTo(0.1, 2);
    expect(normalityPValue(0.752)).toBeCloseTo(0.05, 2);
    expect(normalityPValue(0.873)).toBeCloseTo(0.025, 2);
    expect(normalityPValue(1.035)).toBeCloseTo(0.01, 3);
  });
  it('never rises as A*² grows: a huge statistic (the trial’s 1442) is p = 0, not 1', () => {
    expect(normalityPValue(1442)).toBe(0);
    let previous = 1;
    for (let a = 0; a <= 2000; a += a < 20 ? 0.01 : 1) {
      const p = normalityPValue(a);
      expect(p).toBeLessThanOrEqual(previous + 1e-12);
      previous = p;
    }
  });
  it('gives p ≈ 0 for data with a far outlier (500 values near 200 h, three near 900,000 h)', () => {
    const rng = random(9);
    const x = Array.from({ length: 500 }, () => 200 + 30 * rng.normal());
    x.push(900_000, 905_000, 910_000);
    const test = normalityTest(x);
    expect(test.adAdjusted).toBeGreaterThan(100);
    expect(test.pValue).toBe(0);
  });
});
