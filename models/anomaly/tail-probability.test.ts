import { describe, expect, it } from 'vitest';
import { predict } from '../ensemble/index.ts';
import type { FeatureMatrix, FeatureSpec } from '../features/index.ts';
import { fitTailProbabilityModel, inverseP } from './tail-probability.ts';

/** One feature, values 1..100 for training; other rows scored after. */
function matrix(spec: FeatureSpec, values: number[]): FeatureMatrix {
  return {
    rows: values.length,
    columns: 1,
    values: Float32Array.from(values),
    features: [spec],
    cases: Int32Array.from(values.keys()),
  };
}
const upper: FeatureSpec = { name: 'x', unit: 'value', tail: 'upper', skewed: false };
const oneToHundred = Array.from({ length: 100 }, (_, i) => i + 1);
const score = (model: ReturnType<typeof fitTailProbabilityModel>, x: number) =>
  predict(model.ensemble, Float32Array.of(x), 1).raw[0];

describe('fitTailProbabilityModel, worked by hand on 1..100', () => {
  // Median = 50 (the 50th value), 99th percentile = 99, bulk scale s = (99 − 50) / ln 50.
  const model = fitTailProbabilityModel(matrix(upper, oneToHundred));

  it('scores values inside the bulk by the empirical share beyond them: 1/p − 1', () => {
    expect(score(model, 30)).toBe(0); // at or below the median: p = 1
    expect(score(model, 75)).toBe(1); // leaf (50, 75]: 50 of 100 above 50
    expect(score(model, 90)).toBeCloseTo(100 / 13 - 1, 4); // leaf (87, 94]: 13 of 100 above 87
  });

  it('extrapolates beyond the 99th percentile exponentially, p falling 10× every two steps of s·ln10/2', () => {
    expect(score(model, 100)).toBeCloseTo(99, 3); // first leaf past 99: p = 0.01
    const step = ((99 - 50) / Math.log(50)) * (Math.log(10) / 2);
    // 99 + 2.5 steps lies in the leaf starting at 2 steps: p = 0.01 · 10^-1.
    expect(score(model, 99 + 2.5 * step)).toBeCloseTo(999, 1);
    // Far out (the last edge, 200 half-decades past 99), 1/p grows with ln(1/p) past 100 × the
    // training cases: C · (1 + ln(1/p) − ln C) with C = 10,000 and ln(1/p) = ln 100 + 200 · ln(10)/2.
    const lnInv = Math.log(100) + 200 * (Math.log(10) / 2);
    expect(score(model, 1e6)).toBeCloseTo(1e4 * (1 + lnInv - Math.log(1e4)) - 1, 0);
    expect(score(model, 1e6)).toBeGreaterThan(score(model, 99 + 30 * step));
  });

  it('sends a missing value to the leaf of nothing unusual', () => {
    expect(score(model, NaN)).toBe(0);
  });

  it('reports the usual range', () => {
    expect(model.usual[0]).toEqual({ low: null, high: 99, median: 50 });
  });

  it('scores both tails of a two-sided feature (p doubled)', () => {
    const both = fitTailProbabilityModel(matrix({ ...upper, tail: 'both' }, oneToHundred));
    expect(score(both, 50)).toBe(0);
    expect(score(both, 1)).toBeCloseTo(1 / 0.02 - 1, 6); // 1 of 100 at or below 1, doubled
    expect(score(both, 100)).toBeCloseTo(1 / 0.02 - 1, 6);
  });

  it('keeps a cluster beyond the bulk from widening its own yardstick', () => {
    // 990 usual values in 0..9 and ten at 100: the ten sit far beyond the bulk's scale.
    const values = [...Array.from({ length: 990 }, (_, i) => i % 10), ...Array.from({ length: 10 }, () => 100)];
    const m = fitTailProbabilityModel(matrix(upper, values));
    expect(score(m, 100)).toBeGreaterThan(100 * 1000);
    expect(score(m, 9)).toBeLessThan(100);
  });

  it('reads counts at whole values, on a log scale for skewed features, and skips features without spread', () => {
    const counts = fitTailProbabilityModel(
      matrix({ ...upper, unit: 'count' }, [...Array.from({ length: 99 }, (_, i) => i % 2), 5]),
    );
    // Median 0, q99 1: s = 1 / ln 50; 3 is 2 units out: p = 0.01 · e^(−2 ln 50) exactly (whole-value edges).
    // ln(1/p) = ln 100 + 2 ln 50 is past the soft cap ln(100 · 100): C · (1 + ln(1/p) − ln C).
    expect(score(counts, 3)).toBeCloseTo(inverseP(Math.log(100) + 2 * Math.log(50), Math.log(1e4)) - 1, 3);
    expect(inverseP(Math.log(100) + 2 * Math.log(50), Math.log(1e4))).toBeCloseTo(
      1e4 * (1 + Math.log(100) + 2 * Math.log(50) - Math.log(1e4)),
      6,
    );
    const flat = fitTailProbabilityModel(
      matrix(
        upper,
        Array.from({ length: 50 }, () => 7),
      ),
    );
    expect(flat.ensemble.trees).toHaveLength(0);
    expect(flat.usual[0]).toBeNull();
  });
});
