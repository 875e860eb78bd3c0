import { describe, expect, it } from 'vitest';
import { seededRandom } from '../ensemble/random-ensemble.fixture.ts';
import type { Tree } from '../ensemble/tree-ensemble.ts';
import { binFeatures } from './binning.ts';
import { exactGreedyTree, type ExactNode } from './exact-greedy.fixture.ts';
import { growTree, HistogramPool } from './grow-tree.ts';

/** Small data: values on a grid of 12 levels (so bins are exact), 15% missing, random g and h. */
function smallProblem(seed: number, n: number, width: number) {
  const random = seededRandom(seed);
  const features = new Float32Array(n * width);
  for (let i = 0; i < features.length; i++) features[i] = random() < 0.15 ? NaN : Math.floor(random() * 12) / 4;
  const grad = Float64Array.from({ length: n }, () => random() * 2 - 1);
  const hess = Float64Array.from({ length: n }, () => 0.2 + random());
  return { features, grad, hess };
}

function compare(tree: Tree, i: number, exact: ExactNode): void {
  expect(tree.feature[i]).toBe(exact.feature);
  if (exact.feature < 0) {
    expect(tree.value[i]).toBeCloseTo(exact.value, 12);
    return;
  }
  expect(tree.threshold[i]).toBe(exact.threshold);
  expect(tree.missingGoesLeft[i]).toBe(exact.missingGoesLeft);
  compare(tree, tree.left[i], exact.left!);
  compare(tree, tree.right[i], exact.right!);
}

describe('growTree (histograms with sibling subtraction) against exact greedy splitting', () => {
  it.each([1, 2, 3, 4, 5, 6])('grows the same tree as a brute-force exact greedy builder (seed %i)', (seed) => {
    const n = 80;
    const width = 4;
    const { features, grad, hess } = smallProblem(seed, n, width);
    const rules = { lambda: 0.5, minDataInLeaf: 3, minHessianInLeaf: 0.1, maxDepth: 4, learningRate: 0.3 };
    const bins = binFeatures(features, n, ['a', 'b', 'c', 'd']);
    const rows = Int32Array.from({ length: n }, (_, i) => i);
    const { tree, leaves } = growTree(bins, grad, hess, rows, n, new Int32Array(n), new HistogramPool(width), {
      ...rules,
      maxLeaves: 1000,
      minGainToSplit: 0,
    });
    const exact = exactGreedyTree(
      features,
      width,
      grad,
      hess,
      Array.from({ length: n }, (_, i) => i),
      rules,
    );
    compare(tree, 0, exact);
    // Covers: rows per node; a split's cover is the sum of its children's.
    expect(tree.cover[0]).toBe(n);
    for (let i = 0; i < tree.feature.length; i++) {
      if (tree.feature[i] >= 0) expect(tree.cover[tree.left[i]] + tree.cover[tree.right[i]]).toBe(tree.cover[i]);
    }
    expect(leaves.reduce((s, l) => s + l.end - l.start, 0)).toBe(n);
  });

  it('stops at maxLeaves, splitting the best leaves first', () => {
    const n = 200;
    const { features, grad, hess } = smallProblem(9, n, 3);
    const bins = binFeatures(features, n, ['a', 'b', 'c']);
    const options = {
      lambda: 1,
      minDataInLeaf: 5,
      minHessianInLeaf: 0,
      maxDepth: 0,
      learningRate: 1,
      minGainToSplit: 0,
    };
    const rows = () => Int32Array.from({ length: n }, (_, i) => i);
    const two = growTree(bins, grad, hess, rows(), n, new Int32Array(n), new HistogramPool(3), {
      ...options,
      maxLeaves: 2,
    });
    expect(two.leaves.length).toBe(2);
    const exact = exactGreedyTree(
      features,
      3,
      grad,
      hess,
      Array.from({ length: n }, (_, i) => i),
      { ...options, maxDepth: 1 },
    );
    compare(two.tree, 0, exact);
    const five = growTree(bins, grad, hess, rows(), n, new Int32Array(n), new HistogramPool(3), {
      ...options,
      maxLeaves: 5,
    });
    expect(five.leaves.length).toBe(5);
  });
});
