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
 * The path of unique features from the root to a leaf, one element per feature:
 * the share of coalitions without it that reach here (zero), whether x reaches here (one), and
 * the permutation weights (pweight) of subsets by size.
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
    const size = maxDepth + 1;
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
 * One tree arranged for explaining many rows. Path-dependent TreeSHAP's contribution of a leaf
 * depends only on the leaf's unique path features, their cover fractions ("zero", fixed per
 * leaf; a feature split twice on the way has the product) and which of them x satisfies ("one",
 * 0 or 1; ANDed over its splits). The permutation weights do not depend on the order of the path,
 * so for each leaf and each satisfaction pattern the k contributions are computed once (extend
 * the path k times, unwind each feature) and reused for every row with that pattern: equal to
 * the recursion of Algorithm 2, with the leaf work done per distinct pattern instead of per row.
 */
class ExplainedTree {
  readonly leafValue: number[] = [];
  /** Unique path features of leaf ℓ at [slotStart[ℓ], slotStart[ℓ + 1]). */
  readonly slotStart: number[] = [0];
  readonly slotFeature: number[] = [];
  readonly slotZero: number[] = [];
  /** Split nodes on the path of leaf ℓ at [stepStart[ℓ], stepStart[ℓ + 1]): node, slot, side. */
  readonly stepStart: number[] = [0];
  readonly stepNode: number[] = [];
  readonly stepSlot: number[] = [];
  readonly stepLeft: boolean[] = [];
  /** Per leaf: where its cached contributions start (−1: too many patterns to cache). */
  readonly cacheAt: number[] = [];
  cacheSize = 0;
  flagSize = 0;
  readonly flagAt: number[] = [];
  readonly leafNode: number[] = [];
  /**
   * Per split node, the slot of its feature on the path from the root (order of first use). Every
   * leaf below numbers its features the same way, so a row's satisfaction pattern can be carried
   * down the tree node by node instead of being rebuilt for each leaf.
   */
  readonly nodeSlot: Int32Array;

  constructor(
    readonly tree: Tree,
    /** Leaves with more unique path features are computed per row, not cached (2^k patterns). */
    private readonly maxCachedSlots: number,
  ) {
    const { feature, left, right } = tree;
    this.nodeSlot = new Int32Array(feature.length);
    const steps: { node: number; goesLeft: boolean }[] = [];
    const slots: number[] = []; // feature of each slot on the current path
    const visit = (node: number): void => {
      if (feature[node] < 0) {
        this.addLeaf(node, steps);
        return;
      }
      let slot = slots.indexOf(feature[node]);
      const added = slot < 0;
      if (added) slot = slots.push(feature[node]) - 1;
      this.nodeSlot[node] = slot;
      steps.push({ node, goesLeft: true });
      visit(left[node]);
      steps[steps.length - 1].goesLeft = false;
      visit(right[node]);
      steps.pop();
      if (added) slots.pop();
    };
    visit(0);
  }

  private addLeaf(leaf: number, steps: { node: number; goesLeft: boolean }[]): void {
    const { feature, left, right, cover } = this.tree;
    const slotOf = new Map<number, number>();
    const first = this.slotFeature.length;
    for (const { node, goesLeft } of steps) {
      const f = feature[node];
      let slot = slotOf.get(f);
      if (slot === undefined) {
        slot = slotOf.size;
        slotOf.set(f, slot);
        this.slotFeature.push(f);
        this.slotZero.push(1);
      }
      const child = goesLeft ? left[node] : right[node];
      this.slotZero[first + slot] *= cover[child] / (cover[left[node]] + cover[right[node]]);
      this.stepNode.push(node);
      this.stepSlot.push(slot);
      this.stepLeft.push(goesLeft);
    }
    this.leafValue.push(this.tree.value[leaf]);
    this.leafNode.push(leaf);
    this.slotStart.push(this.slotFeature.length);
    this.stepStart.push(this.stepNode.length);
    const k = slotOf.size;
    if (k <= this.maxCachedSlots) {
      this.cacheAt.push(this.cacheSize);
      this.flagAt.push(this.flagSize);
      this.cacheSize += (1 << k) * k;
      this.flagSize += 1 << k;
    } else {
      this.cacheAt.push(-1);
      this.flagAt.push(-1);
    }
  }
}

/**
 * The most unique path features whose 2^k patterns are cached: at most 10 (a leaf's cache is then
 * ≤ 10,240 values), and no more patterns than about 4 per row explained (a single row gains
 * nothing from a cache, and must not pay for allocating one).
 */
function maxCachedSlots(nRows: number): number {
  return Math.min(10, Math.max(0, Math.floor(Math.log2(4 * nRows))));
}

/** The k contributions of one leaf for one satisfaction pattern, written to out[at..at + k). */
function leafContributions(
  explained: ExplainedTree,
  leaf: number,
  pattern: number | boolean[],
  path: PathBuffer,
  out: Float64Array,
  at: number,
): void {
  const start = explained.slotStart[leaf];
  const k = explained.slotStart[leaf + 1] - start;
  path.extend(0, 0, 1, 1, -1);
  for (let i = 0; i < k; i++) {
    const one = typeof pattern === 'number' ? (pattern >> i) & 1 : pattern[i] ? 1 : 0;
    const zero = explained.slotZero[start + i];
    if (one === 0 && zero === 0) {
      // A leaf no training row reached (cover 0) that x does not reach either: no coalition
      // reaches it, so it adds nothing (the weights would divide 0 by 0).
      out.fill(0, at, at + k);
      return;
    }
    path.extend(0, i + 1, zero, one, explained.slotFeature[start + i]);
  }
  const value = explained.leafValue[leaf];
  for (let i = 1; i <= k; i++) out[at + i - 1] = path.unwoundSum(0, k, i) * (path.one[i] - path.zero[i]) * value;
}

/** Buffers reused from tree to tree. */
interface Scratch {
  goesLeft: Uint8Array;
  pattern: Int32Array;
  cache: Float64Array;
  done: Uint8Array;
  direct: Float64Array;
}

/** Adds one tree's contributions for every row. */
function explainTree(
  explained: ExplainedTree,
  features: Float32Array,
  nRows: number,
  width: number,
  contributions: Float64Array,
  path: PathBuffer,
  scratch: Scratch,
): void {
  const { tree } = explained;
  const { feature, threshold, missingGoesLeft, left, right } = tree;
  const { goesLeft, pattern, cache, done, direct } = scratch;
  const { nodeSlot, leafNode, slotStart, slotFeature, cacheAt, flagAt } = explained;
  done.fill(0, 0, explained.flagSize);
  const leaves = explained.leafValue.length;
  for (let r = 0, offset = 0; r < nRows; r++, offset += width) {
    // Pre-order: a parent comes before its children, so its pattern is ready for them.
    pattern[0] = -1;
    for (let node = 0; node < feature.length; node++) {
      const f = feature[node];
      if (f < 0) continue;
      const v = features[offset + f];
      const wentLeft = v !== v ? missingGoesLeft[node] : v <= threshold[node];
      goesLeft[node] = wentLeft ? 1 : 0;
      const slot = nodeSlot[node];
      const unsatisfied = pattern[node] & ~(slot < 31 ? 1 << slot : 0);
      pattern[left[node]] = wentLeft ? pattern[node] : unsatisfied;
      pattern[right[node]] = wentLeft ? unsatisfied : pattern[node];
    }
    for (let leaf = 0; leaf < leaves; leaf++) {
      const slots = slotStart[leaf];
      const k = slotStart[leaf + 1] - slots;
      let values = direct;
      let at = 0;
      if (cacheAt[leaf] >= 0) {
        const bits = pattern[leafNode[leaf]] & ((1 << k) - 1);
        values = cache;
        at = cacheAt[leaf] + bits * k;
        const flag = flagAt[leaf] + bits;
        if (!done[flag]) {
          leafContributions(explained, leaf, bits, path, cache, at);
          done[flag] = 1;
        }
      } else {
        // Not cached (long path, or few rows): computed for this row alone.
        const bits = k <= 30 ? pattern[leafNode[leaf]] & ((1 << k) - 1) : longPattern(explained, leaf, goesLeft);
        leafContributions(explained, leaf, bits, path, direct, 0);
      }
      for (let i = 0; i < k; i++) contributions[offset + slotFeature[slots + i]] += values[at + i];
    }
  }
}

/** The satisfaction pattern of a leaf with more than 30 path features (too many for a bit mask), as a list. */
function longPattern(explained: ExplainedTree, leaf: number, goesLeft: Uint8Array): boolean[] {
  const k = explained.slotStart[leaf + 1] - explained.slotStart[leaf];
  const satisfied = new Array<boolean>(k).fill(true);
  for (let s = explained.stepStart[leaf]; s < explained.stepStart[leaf + 1]; s++) {
    if ((goesLeft[explained.stepNode[s]] === 1) !== explained.stepLeft[s]) satisfied[explained.stepSlot[s]] = false;
  }
  return satisfied;
}

/**
 * SHAP values of `nRows` rows (row-major float32, F = featureNames.length) for the raw score of
 * the ensemble. Cost O(trees · (rows · nodes · depth + distinct leaf patterns · depth²)).
 */
export function treeShap(ensemble: TreeEnsemble, features: Float32Array, nRows: number): ShapValues {
  const width = ensemble.featureNames.length;
  if (!Number.isInteger(nRows) || nRows < 0 || features.length !== nRows * width) {
    throw new InputError(
      `The feature matrix has ${features.length} values, but ${nRows} rows × ${width} features need ${nRows * width}.`,
    );
  }
  ensemble.trees.forEach(checkCovers);
  let baseValue = ensemble.baseScore;
  let maxDepth = 0;
  for (const tree of ensemble.trees) {
    baseValue += expectedTreeValue(tree);
    maxDepth = Math.max(maxDepth, depthOf(tree));
  }
  const path = new PathBuffer(maxDepth);
  const contributions = new Float64Array(nRows * width);
  let scratch: Scratch = {
    goesLeft: new Uint8Array(0),
    pattern: new Int32Array(0),
    cache: new Float64Array(0),
    done: new Uint8Array(0),
    direct: new Float64Array(maxDepth + 1),
  };
  // Tree by tree, all rows at once: one tree's pattern cache serves every row, then is reused.
  for (const tree of ensemble.trees) {
    if (tree.feature[0] < 0) continue;
    const explained = new ExplainedTree(tree, maxCachedSlots(nRows));
    if (
      scratch.cache.length < explained.cacheSize ||
      scratch.done.length < explained.flagSize ||
      scratch.goesLeft.length < tree.feature.length
    ) {
      scratch = {
        goesLeft: new Uint8Array(Math.max(tree.feature.length, scratch.goesLeft.length)),
        pattern: new Int32Array(Math.max(tree.feature.length, scratch.pattern.length)),
        cache: new Float64Array(Math.max(explained.cacheSize, scratch.cache.length)),
        done: new Uint8Array(Math.max(explained.flagSize, scratch.done.length)),
        direct: scratch.direct,
      };
    }
    explainTree(explained, features, nRows, width, contributions, path, scratch);
  }
  return { contributions, baseValue, nRows, width };
}
