/**
 * models/runtime: scoring ONNX bytes with onnxruntime-node (CPU). The only folder that imports
 * onnxruntime-node.
 * - `OnnxScorer.open(bytes, { threads?, batchRows? })` → scorer; `scorer.score(features, nRows)`
 *   → `{ output, raw }` (Float32Array each, one value per row); `scorer.width`; `scorer.close()`.
 * Scores equal models/ensemble `predict` within float32 summation (tested to 1e-5 relative).
 */
export { OnnxScorer } from './onnx-scorer.ts';
export type { OnnxScorerOptions, OnnxScores } from './onnx-scorer.ts';
