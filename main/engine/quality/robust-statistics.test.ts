import { describe, expect, it } from 'vitest';
import { medianAbsoluteDeviation, medianInPlace, quantileSorted, selectInPlace } from './robust-statistics.ts';

describe('robust statistics', () => {
  it('finds medians of odd and even counts', () => {
    expect(medianInPlace(Float64Array.from([5, 1, 3]))).toBe(3);
    expect(medianInPlace(Float64Array.from([4, 1, 3, 2]))).toBe(2.5);
    expect(medianInPlace(Float64Array.from([7, 7, 7, 7]))).toBe(7);
    expect(medianInPlace(new Float64Array(0))).toBeNaN();
    expect(medianInPlace(Float64Array.from([9, 9, 1, 2, 3, 9]), 2, 5)).toBe(2); // range [1, 2, 3]
  });

  it('selects the k-th smallest like a sort does, on random input with ties', () => {
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let trial = 0; trial < 50; trial++) {
      const n = 1 + Math.floor(next() * 60);
      const values = Float64Array.from({ length: n }, () => Math.floor(next() * 10));
      const sorted = Float64Array.from(values).sort();
      const k = Math.floor(next() * n);
      expect(selectInPlace(Float64Array.from(values), 0, n, k)).toBe(sorted[k]);
      const expected = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
      expect(medianInPlace(Float64Array.from(values))).toBe(expected);
    }
  });

  it('computes the MAD and quantiles as by hand', () => {
    // |x - 3| for 1,2,3,4,100 is 2,1,0,1,97 → median 1.
    expect(medianAbsoluteDeviation(Float64Array.from([1, 2, 3, 4, 100]), 3)).toBe(1);
    expect(quantileSorted(Float64Array.from([10, 20, 30, 40]), 0.5)).toBe(25);
    expect(quantileSorted(Float64Array.from([10, 20, 30, 40]), 0.25)).toBe(17.5);
  });
});
