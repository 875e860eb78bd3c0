/** Order statistics on typed arrays, for checks that must not be fooled by the outliers they look for. */
import { medianInPlace } from '../analysis/index.ts';

export { medianInPlace, selectInPlace } from '../analysis/index.ts';

/** Median absolute deviation of `values` around `median`; `scratch` (if given) must be at least as long. */
export function medianAbsoluteDeviation(values: Float64Array, median: number, scratch?: Float64Array): number {
  const deviations = scratch ? scratch.subarray(0, values.length) : new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) deviations[i] = Math.abs(values[i] - median);
  return medianInPlace(deviations);
}

/** Mean absolute deviation around `center`: the fallback scale when more than half the values tie. */
export function meanAbsoluteDeviation(values: Float64Array, center: number): number {
  if (values.length === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += Math.abs(values[i] - center);
  return sum / values.length;
}

/** q-quantile (0..1) of an ascending array by linear interpolation between closest ranks. */
export function quantileSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * An ascending sample of at most `limit` finite values taken at an even stride, so quantiles of
 * a million timestamps cost a sort of `limit` numbers rather than of all of them.
 */
export function sortedSample(values: Float64Array, limit = 100_000): Float64Array {
  const stride = Math.max(1, Math.ceil(values.length / limit));
  const out = new Float64Array(Math.ceil(values.length / stride));
  let k = 0;
  for (let i = 0; i < values.length; i += stride) if (Number.isFinite(values[i])) out[k++] = values[i];
  const sample = out.subarray(0, k);
  sample.sort();
  return sample;
}
