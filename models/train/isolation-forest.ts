import { InputError, throwIfCancelled } from '../../main/engine/errors.ts';
import type { Tree, TreeEnsemble } from '../ensemble/tree-ensemble.ts';
import { float32Below, sampleWithoutReplacement, seededRandom } from './random.ts';

const EULER_GAMMA = 0.5772156649;

/**
 * c(n) of Liu, Ting & Zhou (2008), "Isolation Forest", eq. 1: the average path length of an
 * unsuccessful search in a binary search tree of n points, 2H(n−1) − 2(n−1)/n with
 * H(i) ≈ ln(i) + γ; c(2) = 1 and c(n) = 0 for n ≤ 1.
 */
export function averagePathLength(n: number): number {
  if (n <= 1) return 0;
  if (n === 2) return 1;
  return 2 * (Math.log(n - 1) + EULER_GAMMA) - (2 * (n - 1)) / n;
}

export interface IsolationForestOptions {
  featureNames: string[];
  /** T, trees in the forest (default 100). */
  trees?: number;
  /** ψ, rows drawn without replacement for each tree (default 256). */
  sampleSize?: number;
  seed?: number;
  onProgress?: (progress: { tree: number; trees: number }) => void;
  signal?: AbortSignal;
}

/**
 * Isolation forest (Liu et al. 2008), exported as ONE tree-ensemble regressor: each tree is an
 * iTree on ψ rows with height limit ⌈log2 ψ⌉, a split on a random non-constant feature at a
 * uniform p in (min, max) stored as the `<=` threshold "largest float32 below p" (so it routes
 * as the paper's `x < p`); a leaf holds (depth + c(n_leaf)) / (T·c(ψ)). The raw sum is then
 * E[h(x)] / c(ψ) and the transform exp2neg gives the paper's score s = 2^(−E[h(x)]/c(ψ)):
 * near 1 anomalous, below 0.5 normal. A missing value goes to the side that held more of the
 * node's training rows (missing is not itself taken as a sign of isolation).
 */
export function trainIsolationForest(
  features: Float32Array,
  nRows: number,
  options: IsolationForestOptions,
): TreeEnsemble {
  const width = options.featureNames.length;
  const treeCount = options.trees ?? 100;
  const sampleSize = options.sampleSize ?? 256;
  if (!Number.isInteger(sampleSize) || sampleSize < 2)
    throw new InputError(`The sample size ψ must be a whole number of at least 2, not ${sampleSize}.`);
  const psi = Math.min(sampleSize, nRows);
  if (width === 0) throw new InputError('An isolation forest needs at least one feature.');
  if (!Number.isInteger(nRows) || nRows < 2)
    throw new InputError(`An isolation forest needs at least 2 rows, it has ${nRows}.`);
  if (features.length !== nRows * width)
    throw new InputError(`The features have ${features.length} values, not ${nRows} rows × ${width} features.`);
  if (!Number.isInteger(treeCount) || treeCount < 1)
    throw new InputError(`The number of trees must be a positive integer, not ${treeCount}.`);
  const random = seededRandom(options.seed ?? 1);
  const heightLimit = Math.ceil(Math.log2(psi));
  const scale = treeCount * averagePathLength(psi);
  const trees: Tree[] = [];
  for (let t = 0; t < treeCount; t++) {
    throwIfCancelled(options.signal);
    const sample = sampleWithoutReplacement(nRows, psi, random);
    trees.push(isolationTree(features, width, Array.from(sample), heightLimit, scale, random));
    options.onProgress?.({ tree: t + 1, trees: treeCount });
  }
  return { formatVersion: 1, featureNames: [...options.featureNames], baseScore: 0, trees, transform: 'exp2neg' };
}

function isolationTree(
  features: Float32Array,
  width: number,
  rows: number[],
  heightLimit: number,
  scale: number,
  random: () => number,
): Tree {
  const tree: Tree = { feature: [], threshold: [], left: [], right: [], missingGoesLeft: [], value: [], cover: [] };
  const min = new Float64Array(width);
  const max = new Float64Array(width);
  const grow = (rows: number[], depth: number): number => {
    const i = tree.feature.length;
    tree.feature.push(-1);
    tree.threshold.push(0);
    tree.left.push(-1);
    tree.right.push(-1);
    tree.missingGoesLeft.push(false);
    tree.value.push((depth + averagePathLength(rows.length)) / scale);
    tree.cover.push(rows.length);
    if (depth >= heightLimit || rows.length <= 1) return i;
    // Features that still vary among the node's rows (missing values ignored).
    min.fill(Infinity);
    max.fill(-Infinity);
    for (const r of rows) {
      for (let f = 0; f < width; f++) {
        const x = features[r * width + f];
        if (x < min[f]) min[f] = x;
        if (x > max[f]) max[f] = x;
      }
    }
    const varying: number[] = [];
    for (let f = 0; f < width; f++) if (min[f] < max[f]) varying.push(f);
    if (varying.length === 0) return i;
    const f = varying[Math.floor(random() * varying.length)];
    const p = min[f] + random() * (max[f] - min[f]);
    const threshold = float32Below(p > min[f] ? p : max[f]);
    const left: number[] = [];
    const right: number[] = [];
    const missing: number[] = [];
    for (const r of rows) {
      const x = features[r * width + f];
      if (x !== x) missing.push(r);
      else if (x <= threshold) left.push(r);
      else right.push(r);
    }
    const missingGoesLeft = left.length >= right.length;
    (missingGoesLeft ? left : right).push(...missing);
    tree.feature[i] = f;
    tree.threshold[i] = threshold;
    tree.missingGoesLeft[i] = missingGoesLeft;
    tree.value[i] = 0;
    tree.left[i] = grow(left, depth + 1);
    tree.right[i] = grow(right, depth + 1);
    return i;
  };
  grow(rows, 0);
  return tree;
}
