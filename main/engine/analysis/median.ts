/** Order statistics on typed arrays, shared by the analyses and the data-quality checks. */

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
