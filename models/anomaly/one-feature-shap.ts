import { leafIndex, type Tree, type TreeEnsemble } from '../ensemble/index.ts';

/**
 * Exact SHAP values for an ensemble in which every tree splits on a single feature (the
 * tail-probability model). For such an additive model the Shapley value of feature f is
 * Σ over its trees of (leaf value reached − the tree's cover-weighted mean leaf value), which is
 * what TreeSHAP (Lundberg et al. 2018, Algorithm 2) computes on these trees, in O(depth) per tree.
 * The base value is the sum of the trees' means plus the base score; additivity holds exactly.
 */
export interface TreeMeans {
  /** Feature each tree splits on (-1 for a single-leaf tree). */
  feature: Int32Array;
  mean: Float64Array;
  baseValue: number;
}

export function treeMeans(ensemble: TreeEnsemble): TreeMeans {
  const feature = new Int32Array(ensemble.trees.length);
  const mean = new Float64Array(ensemble.trees.length);
  let baseValue = ensemble.baseScore;
  ensemble.trees.forEach((tree, t) => {
    feature[t] = singleFeatureOf(tree);
    mean[t] = meanLeafValue(tree);
    baseValue += mean[t];
  });
  return { feature, mean, baseValue };
}

/** Contributions of every feature for one row (row-major `features` at `offset`). */
export function oneFeatureShap(
  ensemble: TreeEnsemble,
  means: TreeMeans,
  features: Float32Array,
  offset: number,
): Float64Array {
  const phi = new Float64Array(ensemble.featureNames.length);
  ensemble.trees.forEach((tree, t) => {
    if (means.feature[t] < 0) return;
    phi[means.feature[t]] += tree.value[leafIndex(tree, features, offset)] - means.mean[t];
  });
  return phi;
}

function singleFeatureOf(tree: Tree): number {
  let f = -1;
  for (const g of tree.feature) {
    if (g < 0) continue;
    if (f >= 0 && g !== f)
      throw new Error('oneFeatureShap needs trees that each split on one feature; use TreeSHAP for this ensemble.');
    f = g;
  }
  return f;
}

/** Σ cover·value over leaves / root cover: the tree's expected output on the training data. */
function meanLeafValue(tree: Tree): number {
  let sum = 0;
  for (let i = 0; i < tree.feature.length; i++) if (tree.feature[i] < 0) sum += tree.cover[i] * tree.value[i];
  return tree.cover[0] > 0 ? sum / tree.cover[0] : 0;
}
