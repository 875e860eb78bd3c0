import { describe, expect, it } from 'vitest';
import { sparklineLevel, sparklineRange } from './sparkline-scale.ts';

describe('sparkline range', () => {
  it('keeps an outlier from flattening the ordinary periods', () => {
    // 19 weeks at 10…28 h and one at 100,000 h: positions of the 5th and 95th percentile by hand,
    // h = 19·0.05 = 0.95 → 10 + 0.95·1 = 10.95; h = 19·0.95 = 18.05 → 28 + 0.05·(100000 − 28) = 5026.6.
    const values = [...Array.from({ length: 19 }, (_, i) => 10 + i), 100_000];
    const range = sparklineRange(values);
    expect(range.low).toBeCloseTo(10.95, 9);
    expect(range.high).toBeCloseTo(28 + 0.05 * (100_000 - 28), 6);
    expect(range.clipped).toBe(true);
    expect(sparklineLevel(100_000, range)).toBe(1);
    expect(sparklineLevel(10, range)).toBe(0);
  });
  it('uses min–max when the middle is flat, and a band around a single value', () => {
    const flat = sparklineRange([5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 9]);
    expect(flat).toEqual({ low: 5, high: 9, clipped: false });
    expect(sparklineRange([3])).toEqual({ low: 2.5, high: 3.5, clipped: false });
    expect(sparklineLevel(3, sparklineRange([3]))).toBe(0.5);
  });
});
