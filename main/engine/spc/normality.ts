import { mean, standardDeviation } from './chart-assembly.ts';
import { normalCdf, normalSurvival } from './special-functions.ts';

/**
 * Anderson–Darling goodness of fit. A² = −n − (1/n)·Σ(2i − 1)[ln F(x₍ᵢ₎) + ln(1 − F(x₍ₙ₊₁₋ᵢ₎))]
 * over the sorted data, for any fitted cdf (given as F and 1 − F so the tails keep their digits).
 */
export function andersonDarling(
  values: readonly number[],
  cdf: (x: number) => number,
  survival: (x: number) => number = (x) => 1 - cdf(x),
): number {
  const x = [...values].sort((a, b) => a - b);
  const n = x.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const lower = Math.max(cdf(x[i]), 1e-300);
    const upper = Math.max(survival(x[n - 1 - i]), 1e-300);
    sum += (2 * i + 1) * (Math.log(lower) + Math.log(upper));
  }
  return -n - sum / n;
}

export interface NormalityTest {
  /** A² with the mean and standard deviation estimated from the data. */
  ad: number;
  /** A*² = A²(1 + 0.75/n + 2.25/n²), the small-sample correction the p-value uses. */
  adAdjusted: number;
  pValue: number;
  mean: number;
  standardDeviation: number;
}

/**
 * p-value of A*² for normality with both parameters estimated: D'Agostino & Stephens,
 * Goodness-of-Fit Techniques (1986), Table 4.9 (as Minitab and R's nortest use).
 */
export function normalityPValue(adAdjusted: number): number {
  const a = adAdjusted;
  // The fitted curve for a ≥ 0.6 is a parabola in the exponent with its turning point at
  // a = 5.709 / (2·0.0186) ≈ 153.5: beyond it the formula climbs back to 1 (A² = 1442 gave p = 1).
  // By a = 13 it is already below 1e-30, so larger statistics are p = 0 to any printed digit.
  if (a >= 13) return 0;
  let p: number;
  if (a >= 0.6) p = Math.exp(1.2937 - 5.709 * a + 0.0186 * a * a);
  else if (a >= 0.34) p = Math.exp(0.9177 - 4.279 * a - 1.38 * a * a);
  else if (a >= 0.2) p = 1 - Math.exp(-8.318 + 42.796 * a - 59.938 * a * a);
  else p = 1 - Math.exp(-13.436 + 101.14 * a - 223.73 * a * a);
  return Math.min(1, Math.max(0, p));
}

/** Anderson–Darling test of normality (needs 3 or more values that are not all equal). */
export function normalityTest(values: readonly number[]): NormalityTest {
  const n = values.length;
  const mu = mean(values);
  const sd = standardDeviation(values);
  if (n < 3 || !(sd > 0)) return { ad: NaN, adAdjusted: NaN, pValue: NaN, mean: mu, standardDeviation: sd };
  const ad = andersonDarling(
    values,
    (x) => normalCdf((x - mu) / sd),
    (x) => normalSurvival((x - mu) / sd),
  );
  const adAdjusted = ad * (1 + 0.75 / n + 2.25 / (n * n));
  return { ad, adAdjusted, pValue: normalityPValue(adAdjusted), mean: mu, standardDeviation: sd };
}

/**
 * Goodness of fit of a Weibull with both parameters estimated: A*² = A²(1 + 0.2/√n) against the
 * upper-tail points of D'Agostino & Stephens Table 4.17 (0.474, 0.637, 0.757, 0.877, 1.038 at
 * p = 0.25, 0.10, 0.05, 0.025, 0.01), interpolated in log p. Beyond the table the p-value is a bound,
 * as Minitab prints "> 0.250" or "< 0.010".
 */
export function weibullPValue(ad: number, n: number): { pValue: number; bound: '>' | '<' | null } {
  const a = ad * (1 + 0.2 / Math.sqrt(n));
  const points: [number, number][] = [
    [0.474, 0.25],
    [0.637, 0.1],
    [0.757, 0.05],
    [0.877, 0.025],
    [1.038, 0.01],
  ];
  if (a <= points[0][0]) return { pValue: 0.25, bound: '>' };
  if (a >= points[4][0]) return { pValue: 0.01, bound: '<' };
  for (let j = 1; j < points.length; j++) {
    const [a1, p1] = points[j];
    const [a0, p0] = points[j - 1];
    if (a <= a1)
      return { pValue: Math.exp(Math.log(p0) + ((a - a0) / (a1 - a0)) * (Math.log(p1) - Math.log(p0))), bound: null };
  }
  return { pValue: 0.01, bound: '<' };
}
