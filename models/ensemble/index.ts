/**
 * models/ensemble: the canonical tree-ensemble form and what reads it in-process.
 * - `TreeEnsemble`, `Tree`, `OutputTransform`: the form (routing rules in tree-ensemble.ts).
 * - `predict(ensemble, features, nRows)` → `{ raw, output }` (Float64Array each): in-process
 *   scorer, same routing as onnxruntime; `leafIndex`, `applyTransform` for single rows.
 * - `ensembleToJson` / `ensembleFromJson` / `validateEnsemble`: the canonical JSON copy stored
 *   beside the ONNX bytes, checked on the way in (InputError naming tree and node).
 */
export type { OutputTransform, Tree, TreeEnsemble } from './tree-ensemble.ts';
export { applyTransform, leafIndex, predict } from './predict.ts';
export type { EnsembleScores } from './predict.ts';
export { ensembleFromJson, ensembleToJson, validateEnsemble } from './serialise.ts';
