import type { OutputTransform, Tree, TreeEnsemble } from './tree-ensemble.ts';
import { seededRandom } from '../train/random.ts';

/** Seeded uniform [0, 1) (mulberry32), the trainers' own: test data that is the same on every run. */
export { seededRandom };

/**
 * A random tree in canonical pre-order: splits on random features at float32 thresholds in
 * [0, 1), random missing directions, leaf values in [-1, 1), leaf covers in [1, 10] and each
 * split's cover the sum of its children's (as training produces).
 */
export function randomTree(random: () => number, width: number, maxDepth: number): Tree {
  const tree: Tree = { feature: [], threshold: [], left: [], right: [], missingGoesLeft: [], value: [], cover: [] };
  const grow = (depth: number): number => {
    const i = tree.feature.length;
    const split = depth < maxDepth && (depth === 0 || random() < 0.75);
    tree.feature.push(split ? Math.floor(random() * width) : -1);
    tree.threshold.push(split ? Math.fround(random()) : 0);
    tree.left.push(-1);
    tree.right.push(-1);
    tree.missingGoesLeft.push(split ? random() < 0.5 : false);
    tree.value.push(split ? 0 : random() * 2 - 1);
    tree.cover.push(split ? 0 : 1 + Math.floor(random() * 10));
    if (split) {
      tree.left[i] = grow(depth + 1);
      tree.right[i] = grow(depth + 1);
      tree.cover[i] = tree.cover[tree.left[i]] + tree.cover[tree.right[i]];
    }
    return i;
  };
  grow(0);
  return tree;
}

export function randomEnsemble(
  seed: number,
  options: { width?: number; trees?: number; maxDepth?: number; transform?: OutputTransform } = {},
): TreeEnsemble {
  const { width = 4, trees = 5, maxDepth = 4, transform = 'identity' } = options;
  const random = seededRandom(seed);
  return {
    formatVersion: 1,
    featureNames: Array.from({ length: width }, (_, f) => `feature ${f}`),
    baseScore: random() - 0.5,
    trees: Array.from({ length: trees }, () => randomTree(random, width, maxDepth)),
    transform,
  };
}

/** Rows of uniform [0, 1) float32 values with a share of NaN (missing) cells. */
export function randomRows(seed: number, nRows: number, width: number, missingShare = 0.1): Float32Array {
  const random = seededRandom(seed);
  const rows = new Float32Array(nRows * width);
  for (let i = 0; i < rows.length; i++) rows[i] = random() < missingShare ? NaN : random();
  return rows;
}
