import type { Tree } from '../ensemble/tree-ensemble.ts';
import { MISSING_BIN, type FeatureBins } from './binning.ts';
import {
  bestSplit,
  buildHistogram,
  newHistogram,
  subtractHistogram,
  type Histogram,
  type SplitCandidate,
  type SplitRules,
} from './histogram.ts';

export interface GrowOptions extends SplitRules {
  /** Most leaves per tree (leaf-wise growth splits the best leaf until this many). */
  maxLeaves: number;
  /** Deepest split level (root = depth 0 splits into depth 1); 0 means no limit. */
  maxDepth: number;
  /** Shrinkage: each leaf value is multiplied by it. */
  learningRate: number;
}

/** Where the training rows of one leaf are in `rows`, and what the leaf adds to their score. */
export interface GrownLeaf {
  start: number;
  end: number;
  value: number;
}

interface LeafState {
  start: number;
  end: number;
  grad: number;
  hess: number;
  count: number;
  depth: number;
  hist: Histogram | null;
  split: SplitCandidate | null;
  node: GrowthNode;
}

/** A node while the tree grows: a leaf (feature -1) until it is split. */
interface GrowthNode {
  feature: number;
  threshold: number;
  missingGoesLeft: boolean;
  left: GrowthNode | null;
  right: GrowthNode | null;
  value: number;
  cover: number;
}

/** Reuses histogram buffers across leaves and trees (each is F × 256 × 3 doubles). */
export class HistogramPool {
  private free: Histogram[] = [];
  constructor(private readonly width: number) {}
  take(): Histogram {
    return this.free.pop() ?? newHistogram(this.width);
  }
  give(hist: Histogram | null): void {
    if (hist) this.free.push(hist);
  }
}

/**
 * One tree grown leaf-wise (LightGBM): always split the leaf whose best split gains most, build
 * the histogram of the smaller child only and get the larger one by subtraction from the parent.
 * The tree learns from `rows[0..count)` (all training rows, or a subsample); on return each
 * leaf's rows are contiguous there.
 */
export function growTree(
  bins: FeatureBins,
  grad: Float64Array,
  hess: Float64Array,
  rows: Int32Array,
  count: number,
  scratch: Int32Array,
  pool: HistogramPool,
  options: GrowOptions,
): { tree: Tree; leaves: GrownLeaf[] } {
  const n = count;
  const width = bins.upper.length;
  const binCounts = bins.upper.map((u) => u.length);
  const { lambda, learningRate } = options;
  const canSplit = (depth: number) => options.maxDepth <= 0 || depth < options.maxDepth;

  const makeLeaf = (
    start: number,
    end: number,
    g: number,
    h: number,
    depth: number,
    hist: Histogram | null,
  ): LeafState => {
    const node: GrowthNode = {
      feature: -1,
      threshold: 0,
      missingGoesLeft: false,
      left: null,
      right: null,
      value: 0,
      cover: end - start,
    };
    const state: LeafState = { start, end, grad: g, hess: h, count: end - start, depth, hist, split: null, node };
    if (hist && canSplit(depth)) state.split = bestSplit(hist, binCounts, g, h, end - start, options);
    if (!state.split) {
      pool.give(state.hist);
      state.hist = null;
    }
    return state;
  };

  let totalGrad = 0;
  let totalHess = 0;
  for (let k = 0; k < n; k++) {
    totalGrad += grad[rows[k]];
    totalHess += hess[rows[k]];
  }
  let rootHist: Histogram | null = null;
  if (canSplit(0) && options.maxLeaves > 1) {
    rootHist = pool.take();
    buildHistogram(rootHist, bins.codes, width, rows, 0, n, grad, hess);
  }
  const root = makeLeaf(0, n, totalGrad, totalHess, 0, rootHist);
  const leaves: LeafState[] = [root];

  while (leaves.length < options.maxLeaves) {
    let pick = -1;
    for (let l = 0; l < leaves.length; l++) {
      const split = leaves[l].split;
      if (split && (pick < 0 || split.gain > leaves[pick].split!.gain)) pick = l;
    }
    if (pick < 0) break;
    const parent = leaves[pick];
    const split = parent.split!;
    const middle = partition(bins, rows, scratch, parent.start, parent.end, split);
    const childDepth = parent.depth + 1;
    const leftCount = middle - parent.start;
    const rightCount = parent.end - middle;
    let leftHist: Histogram | null = null;
    let rightHist: Histogram | null = null;
    if (canSplit(childDepth)) {
      // Build the smaller child; the parent's buffer becomes the larger child's by subtraction.
      const small = pool.take();
      const leftIsSmall = leftCount <= rightCount;
      buildHistogram(
        small,
        bins.codes,
        width,
        rows,
        leftIsSmall ? parent.start : middle,
        leftIsSmall ? middle : parent.end,
        grad,
        hess,
      );
      subtractHistogram(parent.hist!, small, parent.hist!);
      [leftHist, rightHist] = leftIsSmall ? [small, parent.hist] : [parent.hist, small];
    } else {
      pool.give(parent.hist);
    }
    parent.hist = null;
    const left = makeLeaf(parent.start, middle, split.leftGrad, split.leftHess, childDepth, leftHist);
    const right = makeLeaf(
      middle,
      parent.end,
      parent.grad - split.leftGrad,
      parent.hess - split.leftHess,
      childDepth,
      rightHist,
    );
    const node = parent.node;
    node.feature = split.feature;
    node.threshold = bins.upper[split.feature][split.bin];
    node.missingGoesLeft = split.missingGoesLeft;
    node.left = left.node;
    node.right = right.node;
    leaves.splice(pick, 1, left, right);
  }

  const grown: GrownLeaf[] = [];
  for (const leaf of leaves) {
    pool.give(leaf.hist);
    const value = (-leaf.grad / (leaf.hess + lambda)) * learningRate;
    leaf.node.value = value;
    grown.push({ start: leaf.start, end: leaf.end, value });
  }
  return { tree: toPreOrder(root.node), leaves: grown };
}

/** Stable partition of rows[start..end) by the split; returns where the right side begins. */
function partition(
  bins: FeatureBins,
  rows: Int32Array,
  scratch: Int32Array,
  start: number,
  end: number,
  split: SplitCandidate,
): number {
  const width = bins.upper.length;
  const { codes } = bins;
  const f = split.feature;
  let write = start;
  let spilled = 0;
  for (let k = start; k < end; k++) {
    const i = rows[k];
    const code = codes[i * width + f];
    const goLeft = code === MISSING_BIN ? split.missingGoesLeft : code <= split.bin;
    if (goLeft) rows[write++] = i;
    else scratch[spilled++] = i;
  }
  rows.set(scratch.subarray(0, spilled), write);
  return write;
}

function toPreOrder(root: GrowthNode): Tree {
  const tree: Tree = { feature: [], threshold: [], left: [], right: [], missingGoesLeft: [], value: [], cover: [] };
  const emit = (node: GrowthNode): number => {
    const i = tree.feature.length;
    tree.feature.push(node.feature);
    tree.threshold.push(node.threshold);
    tree.left.push(-1);
    tree.right.push(-1);
    tree.missingGoesLeft.push(node.missingGoesLeft);
    tree.value.push(node.value);
    tree.cover.push(node.cover);
    if (node.left && node.right) {
      tree.left[i] = emit(node.left);
      tree.right[i] = emit(node.right);
    }
    return i;
  };
  emit(root);
  return tree;
}
