import { describe, expect, it } from 'vitest';
import { precisionAtK, topK } from './precision-at-k.ts';

describe('precisionAtK', () => {
  const scores = [0.1, 0.9, 0.5, 0.9, 0.2, 0.7];
  const truth = new Set([1, 2, 4]);

  it('counts the true anomalies among the k highest scores (by hand)', () => {
    // Order: rows 1 and 3 (0.9, tie kept in row order), 5 (0.7), 2 (0.5), 4 (0.2), 0 (0.1).
    expect(topK(scores, 4)).toEqual([1, 3, 5, 2]);
    expect(precisionAtK(scores, (r) => truth.has(r), 3)).toBeCloseTo(1 / 3, 12);
    expect(precisionAtK(scores, (r) => truth.has(r), 4)).toBeCloseTo(2 / 4, 12);
    expect(precisionAtK(scores, () => false, 0)).toBeNaN();
  });
});
