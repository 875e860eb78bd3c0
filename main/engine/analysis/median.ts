/**
 * Median of a Float64Array by quickselect, reordering `values` in place (callers pass scratch
 * space). The even-length median is the mean of the two middle values, as in NumPy and PM4Py.
 */
export function medianInPlace(values: Float64Array): number {
  const n = values.length;
  if (n === 0) return NaN;
  const k = (n - 1) >> 1;
  selectInPlace(values, k);
  if (n % 2 === 1) return values[k];
  // After selecting k, everything right of k is >= values[k]; the upper middle is their minimum.
  let upper = Infinity;
  for (let i = k + 1; i < n; i++) if (values[i] < upper) upper = values[i];
  return (values[k] + upper) / 2;
}

/** Puts the k-th smallest value at index k, smaller ones left of it and larger ones right. */
export function selectInPlace(a: Float64Array, k: number): void {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    // median of three pivot keeps sorted and reverse-sorted runs linear on average
    const mid = (lo + hi) >> 1;
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    const pivot = a[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}
