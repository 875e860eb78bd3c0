import type { Tree, TreeEnsemble } from '../ensemble/index.ts';
import type { FeatureMatrix, FeatureSpec } from '../features/index.ts';

/**
 * The tail-probability anomaly model: each feature's tail probability p under the log's own
 * distribution becomes a one-feature tree whose leaves hold 1/p − 1, and a case's score is the
 * sum over features. A sum of inverse tail probabilities is dominated by its most extreme
 * feature, so a case extreme in one feature is not diluted by the many in which it is usual
 * (the failure of an isolation forest, measured in anomaly-measurement.test.ts). It is a tree
 * ensemble: exported to ONNX like any other, and TreeSHAP explains it exactly — for one-feature
 * trees the contribution of a feature is its leaf value minus that tree's mean.
 *
 * Tail probabilities: inside the bulk (up to the 99th percentile) the empirical share of
 * training cases beyond the value. Beyond it, the tail is extrapolated exponentially with a
 * scale taken from the bulk, s = (q99 − q50) / ln 50 (exact for an exponential tail), on a log
 * scale for skewed features: p(x) = 0.01 · exp(−(x − q99) / s). The scale comes from the bulk,
 * not from the exceedances, so a cluster of anomalies beyond q99 cannot widen its own yardstick;
 * a normal case's most extreme value then sits near p ≈ 1/n, while a value far outside the
 * bulk's spread gets a p many orders smaller.
 */

/** Share of training cases beyond the edge of the usual range. */
export const USUAL_SHARE = 0.99;
/**
 * Beyond 1/p = this many times the training cases, a leaf grows with ln(1/p) instead of 1/p:
 * n cases cannot tell a p below 1/(100 n) from a much smaller one, and the tree's mean (the SHAP
 * base) must not be dominated by the few anomalies in the training data themselves. It still
 * grows, so a feature far beyond its bulk outranks one just past it (a hard cap would tie them
 * and let the tree means decide which one "explains" a case).
 */
export const SOFT_CAP_PER_CASE = 100;

/** 1/p for −ln p = `surprise`, growing logarithmically past e^soft (continuous, increasing). */
export function inverseP(surprise: number, soft: number): number {
  return surprise <= soft ? Math.exp(surprise) : Math.exp(soft) * (1 + surprise - soft);
}
/** Cover given to a leaf no training case reached (see fitFeature). */
export const EMPTY_COVER = 1e-9;
const BULK_QUANTILES = [0.5, 0.75, 0.875, 0.9375, 0.96875, 0.98];
/** Extrapolated edges in half decades of p beyond the usual range: every one down to 1e-9, then sparser to 1e-100. */
const TAIL_STEPS = [
  1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16, 18, 20, 24, 28, 34, 40, 50, 60, 80, 100, 140, 200,
];
const STEP = Math.log(10) / 2;

/** The usual range of a feature (training): what the words of an explanation call usual. */
export interface UsualRange {
  /** Lower edge (1st percentile) for two-sided features, null for upper-tail ones. */
  low: number | null;
  /** Upper edge (99th percentile). */
  high: number;
  median: number;
}

export interface TailModel {
  ensemble: TreeEnsemble;
  /** Per feature (index as in the matrix); null where the feature had no spread in training. */
  usual: (UsualRange | null)[];
}

export function fitTailProbabilityModel(m: FeatureMatrix): TailModel {
  const trees: Tree[] = [];
  const usual: (UsualRange | null)[] = [];
  for (let f = 0; f < m.columns; f++) {
    const fitted = fitFeature(m, f, m.features[f]);
    usual.push(fitted?.usual ?? null);
    if (fitted) trees.push(fitted.tree);
  }
  return {
    ensemble: {
      formatVersion: 1,
      featureNames: m.features.map((s) => s.name),
      baseScore: 0,
      trees,
      transform: 'identity',
    },
    usual,
  };
}

interface Scale {
  to: (x: number) => number;
  from: (y: number) => number;
}

function scaleOf(spec: FeatureSpec, sorted: Float64Array): Scale {
  if (!spec.skewed || sorted[0] < 0) return { to: (x) => x, from: (y) => y };
  let unit = quantile(sorted, 0.5);
  if (!(unit > 0)) unit = 1;
  return { to: (x) => Math.log1p(Math.max(0, x) / unit), from: (y) => Math.expm1(y) * unit };
}

function quantile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))];
}

/**
 * Where the extrapolated tail starts and its scale: at the 99th percentile with the bulk's scale;
 * when half or more of the cases share the value up to there (a count that is mostly 0), at the
 * 99.9th; when even that has no spread, nowhere (p stays empirical, smoothed).
 */
interface TailAnchor {
  share: number;
  edge: number;
  scale: number;
}

function tailAnchor(sorted: Float64Array, scale: Scale, side: 1 | -1): TailAnchor | null {
  const med = scale.to(quantile(sorted, 0.5));
  for (const share of [1 - USUAL_SHARE, (1 - USUAL_SHARE) / 10]) {
    const edge = quantile(sorted, side === 1 ? 1 - share : share);
    const s = (side * (scale.to(edge) - med)) / Math.log(0.5 / share);
    if (s > 0) return { share, edge, scale: s };
  }
  return null;
}

function fitFeature(m: FeatureMatrix, f: number, spec: FeatureSpec): { tree: Tree; usual: UsualRange } | null {
  const finite: number[] = [];
  for (let r = 0; r < m.rows; r++) {
    const x = m.values[r * m.columns + f];
    if (x === x) finite.push(x);
  }
  if (finite.length < 2) return null;
  const sorted = Float64Array.from(finite).sort();
  const n = sorted.length;
  if (sorted[0] === sorted[n - 1]) return null;
  const scale = scaleOf(spec, sorted);
  const both = spec.tail === 'both';
  const median = quantile(sorted, 0.5);
  const high = quantile(sorted, USUAL_SHARE);
  const low = both ? quantile(sorted, 1 - USUAL_SHARE) : null;
  const up = tailAnchor(sorted, scale, 1);
  const down = both ? tailAnchor(sorted, scale, -1) : null;
  // Counts take whole values: edges at integers, and a leaf's p is read at the smallest whole value in it.
  const whole = spec.unit === 'count';

  const edges = new Set<number>();
  const add = (x: number) => {
    // Far extrapolated edges of a log-scaled feature can pass float32's range: no edge there.
    const edge = Math.fround(whole ? Math.floor(x) : x);
    if (Number.isFinite(edge)) edges.add(edge);
  };
  for (const q of BULK_QUANTILES) add(quantile(sorted, q));
  add(high);
  if (up) {
    add(up.edge);
    for (const j of TAIL_STEPS) add(scale.from(scale.to(up.edge) + up.scale * STEP * j));
  } else for (const x of distinctAbove(sorted, high)) add(x);
  if (both && low !== null) {
    for (const q of BULK_QUANTILES) add(quantile(sorted, 1 - q));
    add(low);
    if (down) {
      add(down.edge);
      for (const j of TAIL_STEPS) add(scale.from(scale.to(down.edge) - down.scale * STEP * j));
    } else for (const x of distinctBelow(sorted, low)) add(x);
  }
  const thresholds = [...edges].sort((a, b) => a - b);
  if (thresholds.length === 0) return null;

  // −ln of the tail probability beyond an edge t (upper) or up to it (lower): empirical in the
  // bulk, extrapolated past the anchor (in logs, so nothing underflows), smoothed-empirical where
  // there is no anchor.
  const upperSurprise = (edge: number): number => {
    if (edge < Math.fround(median)) return 0;
    const t = whole ? Math.floor(edge) + 1 : edge;
    if (!up)
      return -Math.log(t >= high ? (n - upperBound(sorted, edge) + 1) / (n + 1) : (n - upperBound(sorted, edge)) / n);
    if (t < up.edge) return -Math.log((n - upperBound(sorted, edge)) / n);
    return -Math.log(up.share) + (scale.to(t) - scale.to(up.edge)) / up.scale;
  };
  const lowerSurprise = (edge: number): number => {
    if (low === null || edge > Math.fround(median)) return 0;
    if (!down) return -Math.log(edge <= low ? (upperBound(sorted, edge) + 1) / (n + 1) : upperBound(sorted, edge) / n);
    if (edge > down.edge) return -Math.log(upperBound(sorted, edge) / n);
    return -Math.log(down.share) + (scale.to(down.edge) - scale.to(edge)) / down.scale;
  };
  // Leaf j holds (t[j-1], t[j]]; its least extreme point decides p (the conservative choice).
  const leafCount = thresholds.length + 1;
  const soft = Math.log(SOFT_CAP_PER_CASE * m.rows);
  const leafValue: number[] = [];
  const leafCover = new Array<number>(leafCount).fill(0);
  let centre = 0;
  let centreP = -1;
  for (let j = 0; j < leafCount; j++) {
    const above = j === 0 ? 0 : upperSurprise(thresholds[j - 1]);
    const below = j === leafCount - 1 ? 0 : lowerSurprise(thresholds[j]);
    // Two-sided: p = 2 · min(p_up, p_down), at most 1.
    const surprise = both ? Math.max(0, Math.max(above, below) - Math.LN2) : above;
    leafValue.push(inverseP(surprise, soft) - 1);
    const p = Math.exp(-surprise);
    if (p > centreP) {
      centreP = p;
      centre = j;
    }
  }
  for (let k = 0; k < n; k++) leafCover[lowerBound(thresholds, sorted[k])]++;
  // Missing values (the feature does not apply) go to the centre leaf: nothing unusual.
  leafCover[centre] += m.rows - n;
  // Leaves beyond the training range hold no training case, but TreeSHAP needs every node's
  // cover above 0 for its cover ratios; a token cover moves a tree's mean by a negligible EMPTY_COVER × leaf value.
  for (let j = 0; j < leafCount; j++) if (leafCover[j] === 0) leafCover[j] = EMPTY_COVER;
  return { tree: balancedTree(f, thresholds, leafValue, leafCover, centre), usual: { low, high, median } };
}

/** Leaf index of x: the first threshold ≥ x (x ≤ t goes left). */
function lowerBound(thresholds: number[], x: number): number {
  let lo = 0;
  let hi = thresholds.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x <= thresholds[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Number of sorted values ≤ t. */
function upperBound(sorted: Float64Array, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Up to 32 distinct values above t, ascending: empirical edges where the bulk has no spread to extrapolate. */
function distinctAbove(sorted: Float64Array, t: number): number[] {
  const out: number[] = [];
  for (let k = upperBound(sorted, t); k < sorted.length && out.length < 32; k++)
    if (out[out.length - 1] !== sorted[k]) out.push(sorted[k]);
  return out;
}

/** Up to 32 distinct values below t, descending. */
function distinctBelow(sorted: Float64Array, t: number): number[] {
  const out: number[] = [];
  for (let k = sorted.length - 1; k >= 0 && out.length < 32; k--)
    if (sorted[k] < t && out[out.length - 1] !== sorted[k]) out.push(sorted[k]);
  return out;
}

/**
 * A balanced tree over sorted thresholds, nodes in pre-order; missing values are sent toward the
 * `centre` leaf at every split so they reach it.
 */
function balancedTree(
  feature: number,
  thresholds: number[],
  leafValue: number[],
  leafCover: number[],
  centre: number,
): Tree {
  const tree: Tree = { feature: [], threshold: [], left: [], right: [], missingGoesLeft: [], value: [], cover: [] };
  const build = (lo: number, hi: number): number => {
    const node = tree.feature.length;
    if (lo === hi) {
      tree.feature.push(-1);
      tree.threshold.push(0);
      tree.left.push(-1);
      tree.right.push(-1);
      tree.missingGoesLeft.push(false);
      tree.value.push(leafValue[lo]);
      tree.cover.push(leafCover[lo]);
      return node;
    }
    const mid = (lo + hi) >> 1;
    tree.feature.push(feature);
    tree.threshold.push(thresholds[mid]);
    tree.left.push(-1);
    tree.right.push(-1);
    tree.missingGoesLeft.push(centre <= mid);
    tree.value.push(0);
    let cover = 0;
    for (let j = lo; j <= hi; j++) cover += leafCover[j];
    tree.cover.push(cover);
    tree.left[node] = build(lo, mid);
    tree.right[node] = build(mid + 1, hi);
    return node;
  };
  build(0, thresholds.length);
  return tree;
}
