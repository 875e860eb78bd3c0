import { InputError } from '../errors.ts';
import { logGamma, normalCdf, normalPdf, normalSurvival } from './special-functions.ts';

/**
 * Control-chart constants for subgroups of n normal observations, computed exactly rather than
 * read from a printed table (printed three-decimal tables were built from rounded d2/d3 and are
 * off in the last digit). d2 = E[W], d3 = SD[W] for the range W of n standard normals; c4 =
 * E[s]/σ; the rest follow from the usual formulas with lower limits floored at 0.
 */
export interface ControlChartConstants {
  n: number;
  d2: number;
  d3: number;
  c4: number;
  A2: number;
  A3: number;
  B3: number;
  B4: number;
  D3: number;
  D4: number;
}

/** Grid step of the integrations. The integrands are smooth and decay like φ, so the trapezoid
 * rule in x is spectrally accurate and Simpson's rule in w errs by O(h⁴): the n = 2..25 table is
 * met to 6e-8 (its 7th decimal) at 30 ms per n. */
const STEP = 0.02;
const X_LOW = -9;

/** pᵉ for a whole e ≥ 0 by repeated squaring: several times faster than Math.pow in the inner loop. */
function powInt(p: number, e: number): number {
  let result = 1;
  let base = p;
  let k = e;
  while (k > 0) {
    if (k & 1) result *= base;
    base *= base;
    k >>= 1;
  }
  return result;
}

/** d2(n) = ∫ [1 − Φ(x)ⁿ − (1 − Φ(x))ⁿ] dx (the mean range of n standard normals). */
function meanRange(n: number): number {
  let sum = 0;
  const steps = Math.round((-2 * X_LOW) / STEP);
  for (let i = 0; i <= steps; i++) {
    const x = X_LOW + i * STEP;
    sum += 1 - normalCdf(x) ** n - normalSurvival(x) ** n;
  }
  return sum * STEP;
}

/**
 * E[W²] = ∫₀^∞ 2w·P(W > w) dw with P(W ≤ w) = n ∫ φ(x)·[Φ(x + w) − Φ(x)]ⁿ⁻¹ dx. x and w share one
 * grid, so Φ(x + w) is a table lookup and the double integral costs one power per cell.
 */
function meanSquaredRange(n: number, d2: number): number {
  const wMax = d2 + 12;
  const wSteps = 2 * Math.ceil(wMax / STEP / 2); // even, for Simpson's rule
  const xSteps = Math.round((-2 * X_LOW) / STEP);
  const size = xSteps + wSteps + 1;
  const cdf = new Float64Array(size);
  const pdf = new Float64Array(xSteps + 1);
  for (let i = 0; i < size; i++) cdf[i] = normalCdf(X_LOW + i * STEP);
  for (let i = 0; i <= xSteps; i++) pdf[i] = normalPdf(X_LOW + i * STEP);
  let outer = 0;
  for (let j = 0; j <= wSteps; j++) {
    let inner = 0;
    for (let i = 0; i <= xSteps; i++) {
      const p = cdf[i + j] - cdf[i];
      if (p > 0) inner += pdf[i] * powInt(p, n - 1);
    }
    const survival = 1 - n * inner * STEP;
    const weight = j === 0 || j === wSteps ? 1 : j % 2 === 1 ? 4 : 2;
    outer += weight * 2 * (j * STEP) * survival;
  }
  return (outer * STEP) / 3;
}

/** c4(n) = √(2/(n−1))·Γ(n/2)/Γ((n−1)/2), through log-gamma so large n does not overflow. */
export function c4(n: number): number {
  return Math.sqrt(2 / (n - 1)) * Math.exp(logGamma(n / 2) - logGamma((n - 1) / 2));
}

const cache = new Map<number, ControlChartConstants>();

/** The constants for subgroup size n (2 ≤ n ≤ 1000), computed once per n and cached. */
export function controlChartConstants(n: number): ControlChartConstants {
  if (!Number.isInteger(n) || n < 2 || n > 1000) {
    throw new InputError(`Control-chart constants need a subgroup size between 2 and 1000; got ${n}.`, {
      hint:
        n > 1000
          ? 'Ranges of so many values say little: chart large subgroups with Xbar-S.'
          : 'Use subgroups of at least 2 values, or an I-MR chart for single values.',
    });
  }
  const known = cache.get(n);
  if (known) return known;
  const d2 = meanRange(n);
  const d3 = Math.sqrt(Math.max(0, meanSquaredRange(n, d2) - d2 * d2));
  const c = c4(n);
  const sqrtN = Math.sqrt(n);
  const sSpread = (3 * Math.sqrt(1 - c * c)) / c;
  const constants: ControlChartConstants = {
    n,
    d2,
    d3,
    c4: c,
    A2: 3 / (d2 * sqrtN),
    A3: 3 / (c * sqrtN),
    B3: Math.max(0, 1 - sSpread),
    B4: 1 + sSpread,
    D3: Math.max(0, 1 - (3 * d3) / d2),
    D4: 1 + (3 * d3) / d2,
  };
  cache.set(n, constants);
  return constants;
}
