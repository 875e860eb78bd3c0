/**
 * models/train: tree trainers over row-major Float32Array feature matrices (n × F, NaN = missing),
 * each producing the canonical TreeEnsemble (models/ensemble) that ONNX export and TreeSHAP read.
 * - `trainGradientBoosting(train, options)` → `{ ensemble, bestRound, trainLoss, validationLoss }`:
 *   histogram GBDT, losses 'l2' | 'pseudo-huber' (huberDelta) | 'log-loss' (→ transform logistic);
 *   options: rounds, learningRate, maxLeaves, maxDepth, minDataInLeaf, minHessianInLeaf, lambda,
 *   minGainToSplit, maxBins, validation + earlyStoppingRounds, onProgress, signal (AbortSignal).
 *   Covers are training rows per node.
 * - `binFeatures`, `quantileUpperBounds`: the ≤ 255 quantile bins (+ missing bin) it trains on.
 */
export { trainGradientBoosting } from './gradient-boosting.ts';
export type { GradientBoostingOptions, GradientBoostingResult, LabelledRows, TrainingProgress } from './gradient-boosting.ts';
export type { LossName } from './losses.ts';
export { binFeatures, quantileUpperBounds, MISSING_BIN } from './binning.ts';
export type { FeatureBins } from './binning.ts';
