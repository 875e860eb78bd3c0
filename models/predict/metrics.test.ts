import { describe, expect, it } from 'vitest';
import { Random } from '../../bench/generator/random.ts';
import {
  areaUnderRoc,
  brierScore,
  maeByPrefixLength,
  meanAbsoluteError,
  populationStabilityIndex,
  precisionRecall,
} from './metrics.ts';

/** The definition itself: count every positive–negative pair, ties one half. O(n²). */
function pairwiseAuc(scores: number[], labels: number[]): number {
  let wins = 0;
  let pairs = 0;
  for (let i = 0; i < scores.length; i++) {
    if (!labels[i]) continue;
    for (let j = 0; j < scores.length; j++) {
      if (labels[j]) continue;
      pairs++;
      wins += scores[i] > scores[j] ? 1 : scores[i] === scores[j] ? 0.5 : 0;
    }
  }
  return wins / pairs;
}

describe('evaluation measures', () => {
  it('AUC equals the brute-force pairwise count, with and without ties', () => {
    const random = new Random(7);
    for (let trial = 0; trial < 20; trial++) {
      const n = 5 + random.int(200);
      // Coarse scores (few distinct values) make ties common.
      const scores = Array.from({ length: n }, () => (trial % 2 ? random.int(5) / 4 : random.next()));
      const labels = scores.map((s) => (random.next() < 0.3 + 0.4 * s ? 1 : 0));
      if (!labels.includes(0) || !labels.includes(1)) continue;
      expect(areaUnderRoc(scores, labels)).toBeCloseTo(pairwiseAuc(scores, labels), 12);
    }
  });

  it('AUC by hand: perfect, reversed, all tied, one class', () => {
    expect(areaUnderRoc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(areaUnderRoc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
    expect(areaUnderRoc([0.5, 0.5, 0.5], [0, 1, 1])).toBe(0.5);
    // Pairs (pos 0.3 vs neg 0.1, 0.4): 1 + 0 → 1/2; pos 0.6: 1 + 1 → total 3 of 4.
    expect(areaUnderRoc([0.1, 0.3, 0.4, 0.6], [0, 1, 0, 1])).toBe(0.75);
    expect(areaUnderRoc([0.1, 0.2], [1, 1])).toBeNaN();
  });

  it('Brier, MAE, precision and recall by hand', () => {
    expect(brierScore([0.9, 0.2, 0.5], [1, 0, 1])).toBeCloseTo((0.01 + 0.04 + 0.25) / 3, 15);
    expect(meanAbsoluteError([1, 5, 2], [2, 2, 2])).toBe(4 / 3);
    expect(precisionRecall([0.9, 0.6, 0.4, 0.1], [1, 0, 1, 0])).toEqual({
      precision: 0.5,
      recall: 0.5,
      flagged: 2,
      positives: 2,
    });
    expect(maeByPrefixLength([1, 2, 3, 10], [0, 0, 0, 0], Int32Array.from([2, 1, 2, 1]))).toEqual([
      { length: 1, rows: 2, mae: 6 },
      { length: 2, rows: 2, mae: 2 },
    ]);
  });

  it('PSI is 0 for the same sample and matches the formula by hand for a shifted one', () => {
    const base = Array.from({ length: 100 }, (_, i) => i);
    expect(populationStabilityIndex(base, base)).toBeCloseTo(0, 12);
    // Two bins at the training median 50: training 50/50; recent 90/10.
    const psi = populationStabilityIndex(base, [...Array(90).fill(1), ...Array(10).fill(99)], 2);
    expect(psi).toBeCloseTo((0.9 - 0.5) * Math.log(0.9 / 0.5) + (0.1 - 0.5) * Math.log(0.1 / 0.5), 3);
  });
});
