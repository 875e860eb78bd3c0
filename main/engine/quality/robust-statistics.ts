/** Order statistics on typed arrays, for checks that must not be fooled by the outliers they look for. */

/**
 * Median of `values[from..to)`, reordering that range in place (Hoare's quickselect: linear on
 * average, where a sort would be n log n). NaN for an empty range.
 */
export function medianInPlace(values: Float64Array, from = 0, to = values.length): number {
  const n = to - from;
  if (n <= 0) return NaN;
  const upper = selectInPlace(values, from, to, from + (n >> 1));
  if (n % 2 === 1) return upper;
  // For an even count the lower middle is the largest value left of the upper one.
  let lower = -Infinity;
  for (let i = from; i < from + (n >> 1); i++) if (values[i] > lower) lower = values[i];
  return (lower + upper) / 2;
}

/**
 * Puts the k-th smallest value of `values[from..to)` at index k, smaller-or-equal values before
 * it and greater-or-equal after, and returns it.
 */
export function selectInPlace(values: Float64Array, from: number, to: number, k: number): number {
  let lo = from;
  let hi = to - 1;
  while (hi > lo) {
    // Median of three as pivot keeps sorted and reversed input linear.
    const mid = (lo + hi) >> 1;
    if (values[mid] < values[lo]) swap(values, mid, lo);
    if (values[hi] < values[lo]) swap(values, hi, lo);
    if (values[hi] < values[mid]) swap(values, hi, mid);
    const pivot = values[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        swap(values, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k];
  }
  return values[k];
}

function swap(values: Float64Array, a: number, b: number): void {
  const t = values[a];
  values[a] = values[b];
  values[b] = t;
}

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
