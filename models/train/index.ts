/**
 * models/train: tree trainers over row-major Float32Array feature matrices (n × F, NaN = missing),
 * each producing the canonical TreeEnsemble (models/ensemble) that ONNX export and TreeSHAP read.
 * - `trainGradientBoosting(train, options)` → `{ ensemble, bestRound, trainLoss, validationLoss }`:
 *   histogram GBDT, losses 'l2' | 'pseudo-huber' (huberDelta) | 'log-loss' (→ transform logistic);
 *   options: rounds, learningRate, maxLeaves, maxDepth, minDataInLeaf, minHessianInLeaf, lambda,
 *   minGainToSplit, maxBins, binningSampleRows (bin edges from ≤ 200k sampled rows), subsample
 *   (share of rows per tree, seeded by `seed`), goss ({ topShare, otherShare }: LightGBM's
 *   gradient-based one-side sampling, e.g. 0.2 + 0.1 = 30% of the rows per tree, nearly the
 *   accuracy of all: the lever for millions of prefix rows),
 *   validation + earlyStoppingRounds (Infinity: never), onProgress, signal (AbortSignal).
 *   Covers are training rows per node.
 * - `trainIsolationForest(features, nRows, { featureNames, trees = 100, sampleSize = 256, seed,
 *   onProgress, signal })` → TreeEnsemble (transform exp2neg; output = the paper's anomaly score
 *   2^(−E[h]/c(ψ)), raw = normalised mean path length; covers = subsample rows per node).
 *   `averagePathLength(n)` is c(n).
 * - `binFeatures`, `quantileUpperBounds`: the ≤ 255 quantile bins (+ missing bin) it trains on.
 */
export { trainGradientBoosting } from './gradient-boosting.ts';
export type {
  GradientBoostingOptions,
  GradientBoostingResult,
  LabelledRows,
  TrainingProgress,
} from './gradient-boosting.ts';
export type { LossName } from './losses.ts';
export { binFeatures, quantileUpperBounds, MISSING_BIN } from './binning.ts';
export type { FeatureBins } from './binning.ts';
export { averagePathLength, trainIsolationForest } from './isolation-forest.ts';
export type { IsolationForestOptions } from './isolation-forest.ts';
