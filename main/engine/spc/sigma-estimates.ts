import { c4, controlChartConstants } from './constants.ts';
import { mean, range, standardDeviation } from './chart-assembly.ts';

/**
 * Estimates of the within-subgroup (short-term) σ of one observation, the σ control limits are
 * built from. Each is unbiased for normal data, as Minitab's defaults are.
 */

/** Moving ranges |xᵢ − xᵢ₋₁| whose both ends are among the fitted points (consecutive indices). */
export function fittedMovingRanges(values: readonly number[], fit: readonly number[]): number[] {
  const ranges: number[] = [];
  for (let j = 1; j < fit.length; j++) {
    if (fit[j] === fit[j - 1] + 1) ranges.push(Math.abs(values[fit[j]] - values[fit[j - 1]]));
  }
  return ranges;
}

/** σ = MR̄/d2(2) from the moving ranges of consecutive fitted points. NaN when there are none. */
export function sigmaFromMovingRanges(
  values: readonly number[],
  fit: readonly number[],
): { sigma: number; mrBar: number; count: number } {
  const ranges = fittedMovingRanges(values, fit);
  const mrBar = ranges.length ? mean(ranges) : NaN;
  return { sigma: mrBar / controlChartConstants(2).d2, mrBar, count: ranges.length };
}

/**
 * σ from subgroup ranges, weighting each Rᵢ/d2(nᵢ) by fᵢ = d2(nᵢ)²/d3(nᵢ)² (Minitab's unbiased
 * R̄ method, which reduces to R̄/d2 when all subgroups have the same size). Subgroups of one
 * value carry no range and are skipped.
 */
export function sigmaFromRanges(subgroups: readonly (readonly number[])[], fit: readonly number[]): number {
  let weighted = 0;
  let weights = 0;
  for (const i of fit) {
    const n = subgroups[i].length;
    if (n < 2) continue;
    const { d2, d3 } = controlChartConstants(n);
    const f = (d2 * d2) / (d3 * d3);
    weighted += (f * range(subgroups[i])) / d2;
    weights += f;
  }
  return weights > 0 ? weighted / weights : NaN;
}

/** Pooled standard deviation √(Σ(nᵢ−1)sᵢ²/Σ(nᵢ−1)) and its degrees of freedom. */
export function pooledStandardDeviation(
  subgroups: readonly (readonly number[])[],
  fit: readonly number[],
): { sp: number; df: number } {
  let ss = 0;
  let df = 0;
  for (const i of fit) {
    const n = subgroups[i].length;
    if (n < 2) continue;
    const s = standardDeviation(subgroups[i]);
    ss += (n - 1) * s * s;
    df += n - 1;
  }
  return { sp: df > 0 ? Math.sqrt(ss / df) : NaN, df };
}

/** σ = s_p / c4(d + 1), Minitab's default for subgroups (unbiased pooled standard deviation). */
export function sigmaFromPooled(subgroups: readonly (readonly number[])[], fit: readonly number[]): number {
  const { sp, df } = pooledStandardDeviation(subgroups, fit);
  return df > 0 ? sp / c4(df + 1) : NaN;
}

/** Short-term σ of one observation: moving ranges for individuals, pooled s for subgroups. */
export function shortTermSigma(subgroups: readonly (readonly number[])[], fit: readonly number[]): number {
  const individuals = fit.every((i) => subgroups[i].length === 1);
  if (individuals)
    return sigmaFromMovingRanges(
      subgroups.map((g) => g[0]),
      fit,
    ).sigma;
  return sigmaFromPooled(subgroups, fit);
}

/** Grand mean of the fitted observations (subgroup means weighted by size). */
export function grandMean(subgroups: readonly (readonly number[])[], fit: readonly number[]): number {
  let sum = 0;
  let count = 0;
  for (const i of fit) {
    for (const v of subgroups[i]) sum += v;
    count += subgroups[i].length;
  }
  return sum / count;
}
