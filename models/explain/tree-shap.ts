/**
 * Exact TreeSHAP (Lundberg, Erion & Lee 2018, "Consistent individualized feature attribution for
 * tree ensembles", Algorithm 2; reference implementation shap `cext/tree_shap.h`), path-dependent:
 * a feature outside the coalition follows both branches weighted by the training covers. Routing is
 * the ensemble's own (float32, `x <= threshold` left, NaN per `missingGoesLeft`), so the explanation
 * is of exactly the number the scorer and ONNX produce: base value + Σ contributions = raw score.
 */
import { InputError } from '../../main/engine/errors.ts';
import type { Tree, TreeEnsemble } from '../ensemble/tree-ensemble.ts';

export interface ShapValues {
  /** Row-major n × F: the contribution of each feature to each row's raw score. */
  contributions: Float64Array;
  /** Expected raw score under the covers (the same for every row): baseScore + Σ E[tree]. */
  baseValue: number;
  nRows: number;
  width: number;
}

/**
 * The path of unique features from the root to the current node, one element per feature:
 * the share of coalitions without it that reach here (zero), whether x reaches here (one), and
 * the permutation weights (pweight) of subsets by size. Stored flat, one segment per depth.
 */
class PathBuffer {
  readonly feature: Int32Array;
  readonly zero: Float64Array;
  readonly one: Float64Array;
  readonly weight: Float64Array;
  /** Ratio tables by (path depth d, position i), stride `stride`: they replace the divisions. */
  private readonly stride: number;
  private readonly up: Float64Array; // (i + 1) / (d + 1)
  private readonly down: Float64Array; // (d − i) / (d + 1)
  private readonly upInverse: Float64Array; // (d + 1) / (i + 1)
  private readonly downInverse: Float64Array; // (d + 1) / (d − i)

  constructor(maxDepth: number) {
    const size = ((maxDepth + 2) * (maxDepth + 3)) / 2;
    this.feature = new Int32Array(size);
    this.zero = new Float64Array(size);
    this.one = new Float64Array(size);
    this.weight = new Float64Array(size);
    const stride = (this.stride = maxDepth + 2);
    this.up = new Float64Array(stride * stride);
    this.down = new Float64Array(stride * stride);
    this.upInverse = new Float64Array(stride * stride);
    this.downInverse = new Float64Array(stride * stride);
    for (let d = 0; d < stride; d++) {
      for (let i = 0; i <= d; i++) {
        this.up[d * stride + i] = (i + 1) / (d + 1);
        this.down[d * stride + i] = (d - i) / (d + 1);
        this.upInverse[d * stride + i] = (d + 1) / (i + 1);
        this.downInverse[d * stride + i] = d > i ? (d + 1) / (d - i) : 0;
      }
    }
  }

  /** Copies a path to the next segment (plain loops: paths are short, copyWithin costs more). */
  copy(from: number, to: number, count: number): void {
    const { feature, zero, one, weight } = this;
    for (let k = 0; k < count; k++) {
      feature[to + k] = feature[from + k];
      zero[to + k] = zero[from + k];
      one[to + k] = one[from + k];
      weight[to + k] = weight[from + k];
    }
  }

  /** Adds a feature with fractions (zero, one) at position `depth` of the path at `at`. */
  extend(at: number, depth: number, zero: number, one: number, feature: number): void {
    const w = this.weight;
    const row = depth * this.stride;
    this.feature[at + depth] = feature;
    this.zero[at + depth] = zero;
    this.one[at + depth] = one;
    w[at + depth] = depth === 0 ? 1 : 0;
    for (let i = depth - 1; i >= 0; i--) {
      w[at + i + 1] += one * w[at + i] * this.up[row + i];
      w[at + i] = zero * w[at + i] * this.down[row + i];
    }
  }

  /** Removes element `index` from the path of length depth + 1 (undoes its extension). */
  unwind(at: number, depth: number, index: number): void {
    const w = this.weight;
    const row = depth * this.stride;
    const one = this.one[at + index];
    const zero = this.zero[at + index];
    let next = w[at + depth];
    if (one !== 0) {
      const inverseOne = 1 / one;
      for (let i = depth - 1; i >= 0; i--) {
        const kept = w[at + i];
        w[at + i] = next * this.upInverse[row + i] * inverseOne;
        next = kept - w[at + i] * zero * this.down[row + i];
      }
    } else {
      const inverseZero = 1 / zero;
      for (let i = depth - 1; i >= 0; i--) w[at + i] = w[at + i] * inverseZero * this.downInverse[row + i];
    }
    for (let i = index; i < depth; i++) {
      this.feature[at + i] = this.feature[at + i + 1];
      this.zero[at + i] = this.zero[at + i + 1];
      this.one[at + i] = this.one[at + i + 1];
    }
  }

  /** Σ of the permutation weights the path would have without element `index`. */
  unwoundSum(at: number, depth: number, index: number): number {
    const w = this.weight;
    const row = depth * this.stride;
    const one = this.one[at + index];
    const zero = this.zero[at + index];
    let total = 0;
    if (one !== 0) {
      const inverseOne = 1 / one;
      let next = w[at + depth];
      for (let i = depth - 1; i >= 0; i--) {
        const part = next * this.upInverse[row + i] * inverseOne;
        total += part;
        next = w[at + i] - part * zero * this.down[row + i];
      }
    } else {
      const inverseZero = 1 / zero;
      for (let i = depth - 1; i >= 0; i--) total += w[at + i] * inverseZero * this.downInverse[row + i];
    }
    return total;
  }
}

/** Depth of a tree (edges on its longest root-to-leaf path). */
function depthOf(tree: Tree, node = 0): number {
  return tree.feature[node] < 0 ? 0 : 1 + Math.max(depthOf(tree, tree.left[node]), depthOf(tree, tree.right[node]));
}

/** E[tree output] when x is unknown: leaf values averaged by the covers of the branches. */
export function expectedTreeValue(tree: Tree, node = 0): number {
  if (tree.feature[node] < 0) return tree.value[node];
  const l = tree.left[node];
  const r = tree.right[node];
  const total = tree.cover[l] + tree.cover[r];
  return (tree.cover[l] * expectedTreeValue(tree, l) + tree.cover[r] * expectedTreeValue(tree, r)) / total;
}

function checkCovers(tree: Tree, t: number): void {
  for (let i = 0; i < tree.feature.length; i++) {
    if (tree.feature[i] >= 0 && !(tree.cover[tree.left[i]] + tree.cover[tree.right[i]] > 0)) {
      throw new InputError(`Tree ${t} node ${i} has no training cover below it, so it cannot be explained.`, {
        hint: 'The model was stored without covers; retrain it.',
      });
    }
  }
}

/**
 * Adds one tree's contributions for one row into `phi`. A class rather than a closure per call:
 * this runs once per row and tree, and the recursion reads the same arrays every time.
 */
class TreeWalker {
  private tree!: Tree;
  private x!: Float32Array;
  private offset = 0;
  private phi!: Float64Array;
  private phiAt = 0;
  constructor(private readonly path: PathBuffer) {}

  explain(tree: Tree, x: Float32Array, offset: number, phi: Float64Array, phiAt: number): void {
    this.tree = tree;
    this.x = x;
    this.offset = offset;
    this.phi = phi;
    this.phiAt = phiAt;
    this.recurse(0, 0, 0, 1, 1, -1);
  }

  private recurse(node: number, depth: number, parentAt: number, parentZero: number, parentOne: number, parentFeature: number): void {
    const path = this.path;
    const tree = this.tree;
    const at = parentAt + depth + 1;
    path.copy(parentAt, at, depth + 1);
    path.extend(at, depth, parentZero, parentOne, parentFeature);
    const f = tree.feature[node];
    if (f < 0) {
      const value = tree.value[node];
      for (let i = 1; i <= depth; i++) {
        const w = path.unwoundSum(at, depth, i);
        this.phi[this.phiAt + path.feature[at + i]] += w * (path.one[at + i] - path.zero[at + i]) * value;
      }
      return;
    }
    const v = this.x[this.offset + f];
    const left = tree.left[node];
    const right = tree.right[node];
    const goLeft = v !== v ? tree.missingGoesLeft[node] : v <= tree.threshold[node];
    const hot = goLeft ? left : right;
    const cold = goLeft ? right : left;
    // Fractions over the children's covers (equal to the node's cover when they sum to it).
    const total = tree.cover[left] + tree.cover[right];
    let incomingZero = 1;
    let incomingOne = 1;
    // A feature already on the path: undo its earlier split and redo it here.
    let index = 0;
    while (index <= depth && path.feature[at + index] !== f) index++;
    if (index <= depth) {
      incomingZero = path.zero[at + index];
      incomingOne = path.one[at + index];
      path.unwind(at, depth, index);
      depth -= 1;
    }
    this.recurse(hot, depth + 1, at, (tree.cover[hot] / total) * incomingZero, incomingOne, f);
    this.recurse(cold, depth + 1, at, (tree.cover[cold] / total) * incomingZero, 0, f);
  }
}

/**
 * SHAP values of `nRows` rows (row-major float32, F = featureNames.length) for the raw score of
 * the ensemble. Cost O(rows · trees · leaves · depth²).
 */
export function treeShap(ensemble: TreeEnsemble, features: Float32Array, nRows: number): ShapValues {
  const width = ensemble.featureNames.length;
  if (!Number.isInteger(nRows) || nRows < 0 || features.length !== nRows * width) {
    throw new InputError(`The feature matrix has ${features.length} values, but ${nRows} rows × ${width} features need ${nRows * width}.`);
  }
  ensemble.trees.forEach(checkCovers);
  let baseValue = ensemble.baseScore;
  let maxDepth = 0;
  for (const tree of ensemble.trees) {
    baseValue += expectedTreeValue(tree);
    maxDepth = Math.max(maxDepth, depthOf(tree));
  }
  const walker = new TreeWalker(new PathBuffer(maxDepth));
  const contributions = new Float64Array(nRows * width);
  for (let r = 0; r < nRows; r++) {
    for (const tree of ensemble.trees) {
      if (tree.feature[0] >= 0) walker.explain(tree, features, r * width, contributions, r * width);
    }
  }
  return { contributions, baseValue, nRows, width };
}
