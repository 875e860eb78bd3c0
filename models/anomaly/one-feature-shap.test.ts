import { describe, expect, it } from 'vitest';
import { predict } from '../ensemble/index.ts';
import type { FeatureMatrix } from '../features/index.ts';
import { oneFeatureShap, treeMeans } from './one-feature-shap.ts';
import { fitTailProbabilityModel } from './tail-probability.ts';

/** Shapley values by enumerating all subsets, with v(S) = E[f | x_S] under the trees' covers. */
function enumeratedShapley(
  ensemble: ReturnType<typeof fitTailProbabilityModel>['ensemble'],
  x: Float32Array,
): number[] {
  const F = ensemble.featureNames.length;
  const value = (set: number) => {
    let v = ensemble.baseScore;
    for (const tree of ensemble.trees) {
      // Expected leaf value given the features in `set`: walk known splits, average unknown ones by cover.
      const walk = (node: number): number => {
        const f = tree.feature[node];
        if (f < 0) return tree.value[node];
        if (set & (1 << f)) {
          const xv = x[f];
          const goLeft = xv !== xv ? tree.missingGoesLeft[node] : xv <= tree.threshold[node];
          return walk(goLeft ? tree.left[node] : tree.right[node]);
        }
        const l = tree.left[node];
        const r = tree.right[node];
        // A child no training row reached carries no weight (and no defined expectation).
        const part = (child: number) => (tree.cover[child] > 0 ? tree.cover[child] * walk(child) : 0);
        return (part(l) + part(r)) / tree.cover[node];
      };
      v += walk(0);
    }
    return v;
  };
  const fact = (n: number): number => (n <= 1 ? 1 : n * fact(n - 1));
  const phi = new Array<number>(F).fill(0);
  for (let f = 0; f < F; f++) {
    for (let set = 0; set < 1 << F; set++) {
      if (set & (1 << f)) continue;
      const size = set
        .toString(2)
        .split('')
        .filter((b) => b === '1').length;
      phi[f] += ((fact(size) * fact(F - size - 1)) / fact(F)) * (value(set | (1 << f)) - value(set));
    }
  }
  return phi;
}

describe('oneFeatureShap', () => {
  const rows = 200;
  const F = 4;
  const values = new Float32Array(rows * F);
  for (let r = 0; r < rows; r++) {
    values[r * F] = r % 17;
    values[r * F + 1] = (r * 7919) % 101;
    values[r * F + 2] = r % 5 === 0 ? NaN : (r * 31) % 13;
    values[r * F + 3] = Math.exp((r % 23) / 5);
  }
  const m: FeatureMatrix = {
    rows,
    columns: F,
    values,
    cases: Int32Array.from({ length: rows }, (_, i) => i),
    features: [
      { name: 'a', unit: 'count', tail: 'upper', skewed: false },
      { name: 'b', unit: 'value', tail: 'both', skewed: false },
      { name: 'c', unit: 'surprise', tail: 'upper', skewed: false },
      { name: 'd', unit: 'hours', tail: 'upper', skewed: true },
    ],
  };
  const { ensemble } = fitTailProbabilityModel(m);
  const means = treeMeans(ensemble);

  it('equals Shapley values by enumeration and adds up to the model output', () => {
    for (const row of [0, 13, 57, 100, 199]) {
      const x = values.slice(row * F, row * F + F);
      const phi = oneFeatureShap(ensemble, means, values, row * F);
      const exact = enumeratedShapley(ensemble, x);
      for (let f = 0; f < F; f++) expect(phi[f]).toBeCloseTo(exact[f], 6);
      const output = predict(ensemble, x, 1).raw[0];
      expect(means.baseValue + phi.reduce((s, v) => s + v, 0)).toBeCloseTo(output, 6);
    }
  });
});
