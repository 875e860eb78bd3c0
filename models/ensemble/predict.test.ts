import { describe, expect, it } from 'vitest';
import { InputError } from '../../main/engine/errors.ts';
import { predict } from './predict.ts';
import { randomEnsemble, randomRows } from './random-ensemble.fixture.ts';
import type { Tree, TreeEnsemble } from './tree-ensemble.ts';

// One split on feature 0 at 0.5 (NaN right), its left child splits on feature 1 at 2 (NaN left).
//        0: f0 <= 0.5
//      1: f1 <= 2        4: leaf 10
//   2: leaf 1   3: leaf 3
const handTree: Tree = {
  feature: [0, 1, -1, -1, -1],
  threshold: [0.5, 2, 0, 0, 0],
  left: [1, 2, -1, -1, -1],
  right: [4, 3, -1, -1, -1],
  missingGoesLeft: [false, true, false, false, false],
  value: [0, 0, 1, 3, 10],
  cover: [6, 4, 3, 1, 2],
};

const hand = (transform: TreeEnsemble['transform']): TreeEnsemble => ({
  formatVersion: 1,
  featureNames: ['a', 'b'],
  baseScore: 0.25,
  trees: [handTree, handTree],
  transform,
});

/** Second method: the tree as nested nodes, walked recursively. */
interface Nested {
  leaf?: number;
  feature?: number;
  threshold?: number;
  nanLeft?: boolean;
  left?: Nested;
  right?: Nested;
}
function nest(tree: Tree, i = 0): Nested {
  if (tree.feature[i] < 0) return { leaf: tree.value[i] };
  return {
    feature: tree.feature[i],
    threshold: tree.threshold[i],
    nanLeft: tree.missingGoesLeft[i],
    left: nest(tree, tree.left[i]),
    right: nest(tree, tree.right[i]),
  };
}
function walk(node: Nested, row: number[]): number {
  if (node.leaf !== undefined) return node.leaf;
  const x = row[node.feature!];
  const goLeft = Number.isNaN(x) ? node.nanLeft! : Math.fround(x) <= node.threshold!;
  return walk(goLeft ? node.left! : node.right!, row);
}

describe('predict', () => {
  it('routes hand rows to the leaves worked out by hand, for each transform', () => {
    // rows: (0.5, 2) → leaf 1; (0.2, 3) → 3; (0.9, NaN) → 10; (NaN, NaN) → right → 10; (0, NaN) → left, left → 1
    const rows = new Float32Array([0.5, 2, 0.2, 3, 0.9, NaN, NaN, NaN, 0, NaN]);
    const expectedRaw = [0.25 + 2, 0.25 + 6, 0.25 + 20, 0.25 + 20, 0.25 + 2];
    const id = predict(hand('identity'), rows, 5);
    expect(Array.from(id.raw)).toEqual(expectedRaw);
    expect(Array.from(id.output)).toEqual(expectedRaw);
    const logistic = predict(hand('logistic'), rows, 5);
    expect(logistic.output[0]).toBeCloseTo(1 / (1 + Math.exp(-2.25)), 15);
    const exp2 = predict(hand('exp2neg'), rows, 5);
    expect(exp2.output[1]).toBeCloseTo(2 ** -6.25, 15);
  });

  it('compares in float32: a value equal to the threshold goes left, the next float32 up goes right', () => {
    const t = Math.fround(0.1);
    const tree: Tree = { ...handTree, threshold: [t, 2, 0, 0, 0] };
    const model: TreeEnsemble = { ...hand('identity'), trees: [tree] };
    const next = new Float32Array(new Int32Array([new Int32Array(new Float32Array([t]).buffer)[0] + 1]).buffer)[0];
    const rows = new Float32Array([0.1, 0, next, 0]);
    expect(Array.from(predict(model, rows, 2).raw)).toEqual([1.25, 10.25]);
  });

  it('agrees with a recursive walk of nested trees on random ensembles with missing values', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const model = randomEnsemble(seed, { width: 5, trees: 8, maxDepth: 5 });
      const rows = randomRows(seed + 100, 200, 5, 0.2);
      const { raw } = predict(model, rows, 200);
      const nested = model.trees.map((tree) => nest(tree));
      for (let r = 0; r < 200; r++) {
        const row = Array.from(rows.subarray(r * 5, r * 5 + 5));
        const expected = nested.reduce((sum, node) => sum + walk(node, row), model.baseScore);
        expect(raw[r]).toBeCloseTo(expected, 12);
      }
    }
  });

  it('refuses a feature matrix of the wrong size', () => {
    expect(() => predict(hand('identity'), new Float32Array(5), 3)).toThrow(InputError);
  });
});
