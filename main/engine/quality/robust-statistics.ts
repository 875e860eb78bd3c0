/** Order statistics on typed arrays, for checks that must not be fooled by the outliers they look for. */

/** Median of `values[from..to)`; sorts that range of `values` in place. NaN for an empty range. */
export function medianInPlace(values: Float64Array, from = 0, to = values.length): number {
  const n = to - from;
  if (n <= 0) return NaN;
  const slice = values.subarray(from, to);
  slice.sort();
  return n % 2 === 1 ? slice[(n - 1) >> 1] : (slice[n / 2 - 1] + slice[n / 2]) / 2;
}

/** Median absolute deviation of `sorted` around `median`, without changing `sorted`. */
export function medianAbsoluteDeviation(sorted: Float64Array, median: number): number {
  const deviations = new Float64Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) deviations[i] = Math.abs(sorted[i] - median);
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
