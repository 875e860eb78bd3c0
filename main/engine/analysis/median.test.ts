import { describe, expect, it } from 'vitest';
import { medianInPlace } from './median.ts';

describe('medianInPlace', () => {
  it('takes the middle value or the mean of the two middle values', () => {
    expect(medianInPlace(Float64Array.from([5, 1, 3]))).toBe(3);
    expect(medianInPlace(Float64Array.from([4, 1, 3, 2]))).toBe(2.5);
    expect(medianInPlace(Float64Array.from([7]))).toBe(7);
    expect(medianInPlace(new Float64Array(0))).toBeNaN();
    expect(medianInPlace(Float64Array.from([2, 2, 2, 1, 2]))).toBe(2);
  });
  it('agrees with sorting on random arrays with ties', () => {
    let seed = 1;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let n = 1; n < 200; n += 7) {
      const values = Float64Array.from({ length: n }, () => Math.floor(random() * 20));
      const sorted = Array.from(values).sort((a, b) => a - b);
      const expected = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
      expect(medianInPlace(values)).toBe(expected);
    }
  });
});
