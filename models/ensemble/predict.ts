import { InputError } from '../../main/engine/errors.ts';
import type { OutputTransform, Tree, TreeEnsemble } from './tree-ensemble.ts';

/** Scores of `nRows` rows: the raw sum and the model's output after its transform. */
export interface EnsembleScores {
  /** `baseScore + Σ tree outputs` per row (the space TreeSHAP explains). */
  raw: Float64Array;
  /** `transform(raw)` per row: the prediction a user sees (probability, anomaly score, …). */
  output: Float64Array;
}

/**
 * Index of the leaf that a row reaches in one tree. `row` is read from `features` at `offset`
 * (row-major, F values per row). Routing is onnxruntime's: float32 values and thresholds,
 * `x <= threshold` goes left, NaN follows `missingGoesLeft`.
 */
export function leafIndex(tree: Tree, features: Float32Array, offset: number): number {
  const { feature, threshold, left, right, missingGoesLeft } = tree;
  let node = 0;
  while (feature[node] >= 0) {
    const x = features[offset + feature[node]];
    if (x !== x) node = missingGoesLeft[node] ? left[node] : right[node];
    else node = x <= threshold[node] ? left[node] : right[node];
  }
  return node;
}

/** The transform of `OutputTransform`, applied to one raw score. */
export function applyTransform(transform: OutputTransform, raw: number): number {
  switch (transform) {
    case 'identity':
      return raw;
    case 'logistic':
      return 1 / (1 + Math.exp(-raw));
    case 'exp2neg':
      return Math.pow(2, -raw);
  }
}

/**
 * In-process scorer: the same numbers as the ONNX model (up to float32 summation), without
 * onnxruntime, for tests, SHAP and small batches. `features` is row-major, `nRows` × F where F is
 * `ensemble.featureNames.length`; thresholds are float32, so the features must be too.
 */
export function predict(ensemble: TreeEnsemble, features: Float32Array, nRows: number): EnsembleScores {
  const width = ensemble.featureNames.length;
  if (!Number.isInteger(nRows) || nRows < 0 || features.length !== nRows * width) {
    throw new InputError(
      `The feature matrix has ${features.length} values, but ${nRows} rows × ${width} features need ${nRows * width}.`,
      { hint: 'Pass a row-major Float32Array with one value per feature for every row.' },
    );
  }
  const raw = new Float64Array(nRows).fill(ensemble.baseScore);
  for (const tree of ensemble.trees) {
    const value = tree.value;
    for (let r = 0, offset = 0; r < nRows; r++, offset += width) raw[r] += value[leafIndex(tree, features, offset)];
  }
  const output = new Float64Array(nRows);
  for (let r = 0; r < nRows; r++) output[r] = applyTransform(ensemble.transform, raw[r]);
  return { raw, output };
}
