import { describe, expect, it } from 'vitest';
import { InputError } from '../../main/engine/errors.ts';
import { binFeatures, binOf, MISSING_BIN, quantileUpperBounds } from './binning.ts';

describe('quantile bins', () => {
  it('gives each distinct value its own bin when there are few', () => {
    const upper = quantileUpperBounds(new Float32Array([3, 1, 2, 2, NaN, 1, 3]), 255);
    expect(Array.from(upper)).toEqual([1, 2, 3]);
  });

  it('cuts 1,000 distinct values into 10 bins of 100, each closed by its largest value', () => {
    const values = Float32Array.from({ length: 1000 }, (_, i) => 999 - i);
    const upper = quantileUpperBounds(values, 10);
    expect(Array.from(upper)).toEqual([99, 199, 299, 399, 499, 599, 699, 799, 899, 999]);
  });

  it('never splits a run of equal values across two bins', () => {
    // 900 zeros and 100 distinct values: the zeros are one bin, then ~bins of the rest.
    const values = new Float32Array(1000);
    for (let i = 0; i < 100; i++) values[900 + i] = i + 1;
    const upper = quantileUpperBounds(values, 20);
    expect(upper[0]).toBe(0);
    expect(upper.length).toBeLessThanOrEqual(20);
    expect(upper[upper.length - 1]).toBe(100);
  });

  it('puts x in the first bin whose upper bound is ≥ x, so x <= upper[b] ⇔ bin(x) ≤ b', () => {
    const upper = new Float32Array([1, 2.5, 4]);
    const xs = [-5, 1, 1.5, 2.5, 3, 4, 9];
    expect(xs.map((x) => binOf(upper, x))).toEqual([0, 0, 1, 1, 2, 2, 2]);
    for (const x of xs) for (let b = 0; b < 2; b++) expect(x <= upper[b]).toBe(binOf(upper, x) <= b);
    expect(binOf(upper, NaN)).toBe(MISSING_BIN);
  });

  it('bins a matrix row-major with a missing bin, and refuses raw epoch milliseconds', () => {
    const bins = binFeatures(new Float32Array([1, 10, NaN, 20, 3, 10]), 3, ['a', 'b']);
    // rows (1, 10), (NaN, 20), (3, 10): a → bins 0, missing, 1; b → 0, 1, 0.
    expect(Array.from(bins.codes)).toEqual([0, 0, MISSING_BIN, 1, 1, 0]);
    expect(() => binFeatures(new Float32Array([Date.UTC(2026, 0, 1)]), 1, ['start time'])).toThrow(InputError);
    expect(() => binFeatures(new Float32Array([Date.UTC(2026, 0, 1)]), 1, ['start time'])).toThrow(
      /epoch milliseconds/,
    );
  });
});
