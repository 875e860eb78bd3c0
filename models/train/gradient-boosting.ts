import { InputError, throwIfCancelled } from '../../main/engine/errors.ts';
import { leafIndex } from '../ensemble/predict.ts';
import type { Tree, TreeEnsemble } from '../ensemble/tree-ensemble.ts';
import { BINNING_SAMPLE_ROWS, binFeatures, MAX_VALUE_BINS } from './binning.ts';
import { seededRandom } from './random.ts';
import { growTree, HistogramPool } from './grow-tree.ts';
import { l2Loss, logLoss, pseudoHuberLoss, type Loss, type LossName } from './losses.ts';

/** Rows to learn from: a row-major n × F float32 matrix and one label per row. */
export interface LabelledRows {
  features: Float32Array;
  labels: ArrayLike<number>;
  nRows: number;
}

export interface TrainingProgress {
  /** Trees built so far. */
  round: number;
  rounds: number;
  trainLoss: number;
  validationLoss?: number;
}

export interface GradientBoostingOptions {
  featureNames: string[];
  loss: LossName;
  /** δ of the pseudo-Huber loss, in label units (default 1). */
  huberDelta?: number;
  /** Most trees (default 200). */
  rounds?: number;
  learningRate?: number;
  maxLeaves?: number;
  /** 0 = no depth limit (default 8). */
  maxDepth?: number;
  minDataInLeaf?: number;
  minHessianInLeaf?: number;
  /** L2 regularisation λ of leaf values (default 1). */
  lambda?: number;
  minGainToSplit?: number;
  maxBins?: number;
  /** Rows whose values set the bin edges (default 200,000; a seeded sample above that). */
  binningSampleRows?: number;
  /**
   * Share of the training rows each tree learns from, drawn afresh per tree (stochastic gradient
   * boosting, Friedman 2002; default 1 = all). Below 1 the histogram work shrinks with it: the
   * lever for millions of prefix rows.
   */
  subsample?: number;
  /**
   * Gradient-based one-side sampling (LightGBM's GOSS, Ke et al. 2017): each tree learns from the
   * rows with the largest |gradient| (`topShare` of all rows) plus a random `otherShare` of all
   * rows drawn from the rest, whose gradients and hessians are scaled by (1 − top)/other so the
   * sums stay unbiased. Keeps most of the accuracy of all rows at top + other of the work
   * (e.g. { topShare: 0.2, otherShare: 0.1 }: 30%). Not together with `subsample`.
   */
  goss?: { topShare: number; otherShare: number };
  /** Seed of the row subsamples (default 1). */
  seed?: number;
  /** Rows held out to stop early (e.g. the later cases of a temporal split). */
  validation?: LabelledRows;
  /** Stop when the validation loss has not improved for this many rounds (default 20; Infinity: never). */
  earlyStoppingRounds?: number;
  onProgress?: (progress: TrainingProgress) => void;
  signal?: AbortSignal;
}

export interface GradientBoostingResult {
  ensemble: TreeEnsemble;
  /** Trees kept: with validation, up to the round of the lowest validation loss. */
  bestRound: number;
  /** Mean training loss after each round (index 0: before any tree). */
  trainLoss: number[];
  validationLoss: number[];
}

function lossOf(options: GradientBoostingOptions): Loss {
  switch (options.loss) {
    case 'l2':
      return l2Loss;
    case 'pseudo-huber': {
      const delta = options.huberDelta ?? 1;
      if (!(delta > 0)) throw new InputError(`The pseudo-Huber δ must be positive, not ${delta}.`);
      return pseudoHuberLoss(delta);
    }
    case 'log-loss':
      return logLoss;
    default:
      throw new InputError(`Unknown loss "${String(options.loss)}"; expected l2, pseudo-huber or log-loss.`);
  }
}

/**
 * GOSS: writes the chosen rows (in row order) to `rows` and returns how many; scales the gradient
 * and hessian of the sampled small-gradient rows. The |gradient| cut for the top share is read
 * from a sample of up to 20,000 rows (a sort of all n each round would cost more than it saves).
 */
function gossSample(
  grad: Float64Array,
  hess: Float64Array,
  rows: Int32Array,
  topShare: number,
  otherShare: number,
  random: () => number,
): number {
  const n = grad.length;
  const probe = Math.min(n, 20_000);
  const sample = new Float64Array(probe);
  for (let k = 0; k < probe; k++) sample[k] = Math.abs(grad[probe === n ? k : Math.floor(random() * n)]);
  sample.sort();
  const cut = sample[Math.min(probe - 1, Math.floor((1 - topShare) * probe))];
  const keepOther = otherShare / (1 - topShare);
  const amplify = (1 - topShare) / otherShare;
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (Math.abs(grad[i]) >= cut) {
      rows[count++] = i;
    } else if (random() < keepOther) {
      rows[count++] = i;
      grad[i] *= amplify;
      hess[i] *= amplify;
    }
  }
  return count;
}

/** rows = 0..n−1; returns n. */
function fillAll(rows: Int32Array, n: number): number {
  for (let i = 0; i < n; i++) rows[i] = i;
  return n;
}

/** A numeric training setting, checked: at least `min`, a whole number where `integer`. */
function setting(name: string, value: number, min: number, integer: boolean): number {
  if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    throw new InputError(
      `The training setting ${name} must be ${integer ? 'a whole number' : 'a number'} of at least ${min}, not ${value}.`,
    );
  }
  return value;
}

function checkRows(rows: LabelledRows, width: number, what: string, loss: Loss): void {
  if (!Number.isInteger(rows.nRows) || rows.nRows < 2)
    throw new InputError(`The ${what} set needs at least 2 rows, it has ${rows.nRows}.`);
  if (rows.features.length !== rows.nRows * width) {
    throw new InputError(
      `The ${what} features have ${rows.features.length} values, not ${rows.nRows} rows × ${width} features.`,
    );
  }
  if (rows.labels.length !== rows.nRows)
    throw new InputError(`The ${what} set has ${rows.labels.length} labels for ${rows.nRows} rows.`);
  for (let i = 0; i < rows.nRows; i++) {
    const y = rows.labels[i];
    if (!Number.isFinite(y))
      throw new InputError(`The ${what} label of row ${i + 1} is ${y}; every row needs a finite label.`);
    if (loss.name === 'log-loss' && y !== 0 && y !== 1) {
      throw new InputError(
        `The ${what} label of row ${i + 1} is ${y}; a probability model learns from labels 0 and 1.`,
      );
    }
  }
}

/**
 * Histogram gradient-boosted trees (LightGBM-style): features binned once into ≤ 255 quantile
 * bins plus a missing bin, trees grown leaf-wise on gradient/hessian histograms with sibling
 * subtraction, leaf values −G/(H + λ) × learning rate, missing direction learned per split.
 * Log-loss models output probabilities (transform logistic); the others the raw score.
 */
export function trainGradientBoosting(train: LabelledRows, options: GradientBoostingOptions): GradientBoostingResult {
  const loss = lossOf(options);
  const width = options.featureNames.length;
  if (width === 0) throw new InputError('A model needs at least one feature.');
  checkRows(train, width, 'training', loss);
  const validation = options.validation;
  if (validation) checkRows(validation, width, 'validation', loss);
  const rounds = setting('rounds', options.rounds ?? 200, 1, true);
  const learningRate = options.learningRate ?? 0.1;
  if (!(learningRate > 0 && learningRate <= 1))
    throw new InputError(`The learning rate must be in (0, 1], not ${learningRate}.`);
  const grow = {
    maxLeaves: setting('maxLeaves', options.maxLeaves ?? 31, 2, true),
    maxDepth: setting('maxDepth', options.maxDepth ?? 8, 0, true),
    learningRate,
    lambda: setting('lambda', options.lambda ?? 1, 0, false),
    minDataInLeaf: setting('minDataInLeaf', options.minDataInLeaf ?? 20, 1, true),
    minHessianInLeaf: setting('minHessianInLeaf', options.minHessianInLeaf ?? 1e-3, 0, false),
    minGainToSplit: setting('minGainToSplit', options.minGainToSplit ?? 0, 0, false),
  };
  // Infinity: never stop early (the best validation round is still the one kept).
  const patience =
    options.earlyStoppingRounds === Infinity
      ? Infinity
      : setting('earlyStoppingRounds', options.earlyStoppingRounds ?? 20, 1, true);

  const n = train.nRows;
  const subsample = options.subsample ?? 1;
  if (!(subsample > 0 && subsample <= 1))
    throw new InputError(`The training setting subsample must be in (0, 1], not ${subsample}.`);
  const goss = options.goss;
  if (goss) {
    const { topShare, otherShare } = goss;
    if (!(topShare > 0 && otherShare > 0 && topShare + otherShare <= 1)) {
      throw new InputError(
        `GOSS needs topShare > 0, otherShare > 0 and their sum ≤ 1, not ${topShare} and ${otherShare}.`,
      );
    }
    if (subsample < 1) throw new InputError('Use either subsample or goss, not both.');
  }
  const random = seededRandom(options.seed ?? 1);
  const binningRows = setting('binningSampleRows', options.binningSampleRows ?? BINNING_SAMPLE_ROWS, 2, true);
  const bins = binFeatures(train.features, n, options.featureNames, options.maxBins ?? MAX_VALUE_BINS, binningRows);
  const baseScore = loss.initialScore(train.labels);
  const scores = new Float64Array(n).fill(baseScore);
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  const rows = new Int32Array(n);
  const scratch = new Int32Array(n);
  const pool = new HistogramPool(width);
  const validScores = validation ? new Float64Array(validation.nRows).fill(baseScore) : null;

  const trees: Tree[] = [];
  const trainLoss = [loss.mean(scores, train.labels)];
  const validationLoss = validation ? [loss.mean(validScores!, validation.labels)] : [];
  let bestRound = 0;
  for (let round = 1; round <= rounds; round++) {
    throwIfCancelled(options.signal);
    loss.gradients(scores, train.labels, grad, hess);
    let count = n;
    if (goss) {
      count = gossSample(grad, hess, rows, goss.topShare, goss.otherShare, random);
      if (count < 2) count = fillAll(rows, n);
    } else if (subsample < 1) {
      // Bernoulli draw in row order (row-wise histograms read memory forward); at least 2 rows.
      count = 0;
      for (let i = 0; i < n; i++) if (random() < subsample) rows[count++] = i;
      if (count < 2) count = fillAll(rows, n);
    } else {
      fillAll(rows, n);
    }
    const { tree, leaves } = growTree(bins, grad, hess, rows, count, scratch, pool, grow);
    if (tree.feature.length === 1 && Math.abs(tree.value[0]) < 1e-12) break; // nothing left to learn
    trees.push(tree);
    if (count === n) {
      for (const leaf of leaves) for (let k = leaf.start; k < leaf.end; k++) scores[rows[k]] += leaf.value;
    } else {
      // Rows outside the subsample reach their leaf by the tree's own routing.
      for (let i = 0, offset = 0; i < n; i++, offset += width)
        scores[i] += tree.value[leafIndex(tree, train.features, offset)];
    }
    trainLoss.push(loss.mean(scores, train.labels));
    let validLoss: number | undefined;
    if (validation && validScores) {
      for (let r = 0, offset = 0; r < validation.nRows; r++, offset += width) {
        validScores[r] += tree.value[leafIndex(tree, validation.features, offset)];
      }
      validLoss = loss.mean(validScores, validation.labels);
      validationLoss.push(validLoss);
      if (validLoss < validationLoss[bestRound]) bestRound = round;
    } else {
      bestRound = round;
    }
    options.onProgress?.({ round, rounds, trainLoss: trainLoss[round], validationLoss: validLoss });
    if (validation && round - bestRound >= patience) break;
  }
  trees.length = bestRound;
  return {
    ensemble: {
      formatVersion: 1,
      featureNames: [...options.featureNames],
      baseScore,
      trees,
      transform: loss.name === 'log-loss' ? 'logistic' : 'identity',
    },
    bestRound,
    trainLoss,
    validationLoss,
  };
}
