import { describe, expect, it } from 'vitest';
import { chiSquareSurvival, erfc, logGamma, normalCdf, normalQuantile, normalSurvival } from './special-functions.ts';

describe('special functions', () => {
  it('matches published normal-table values (Abramowitz & Stegun, Table 26.1)', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 14);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 14);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 15);
    expect(normalSurvival(6) / 9.865876450377e-10).toBeCloseTo(1, 10);
    expect(erfc(0.5)).toBeCloseTo(0.4795001221869535, 15);
    expect(erfc(3.5) / 7.430983723414e-7).toBeCloseTo(1, 10);
  });
  it('is continuous where the series hands over to the continued fraction', () => {
    expect(Math.abs(erfc(3 - 1e-12) - erfc(3 + 1e-12))).toBeLessThan(1e-15);
  });
  it('inverts the cdf in both tails', () => {
    for (const p of [1e-12, 0.00135, 0.025, 0.3, 0.5, 0.7, 0.975, 0.99865]) {
      expect(normalCdf(normalQuantile(p)) / p).toBeCloseTo(1, 10);
    }
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
  });
  it('log-gamma agrees with factorials and Γ(1/2) = √π', () => {
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(logGamma(101)).toBeCloseTo(363.73937555556347, 10);
  });
  it('chi-square tail matches published critical values', () => {
    // 95% critical values: χ²(1) = 3.841459, χ²(10) = 18.307038, χ²(29) = 42.556968.
    expect(chiSquareSurvival(3.841459, 1)).toBeCloseTo(0.05, 6);
    expect(chiSquareSurvival(18.307038, 10)).toBeCloseTo(0.05, 6);
    expect(chiSquareSurvival(42.556968, 29)).toBeCloseTo(0.05, 6);
    // Exact for 2 degrees of freedom: e^(−x/2).
    expect(chiSquareSurvival(7, 2)).toBeCloseTo(Math.exp(-3.5), 14);
  });
});
