/**
 * models/onnx: ONNX export of a tree ensemble, written with our own small protobuf writer.
 * - `ensembleToOnnx(ensemble, metadata?)` → ModelProto bytes: IR 8, default opset 17 and
 *   ai.onnx.ml opset 3, one TreeEnsembleRegressor (n_targets 1, BRANCH_LEQ, pre-order nodes,
 *   nodes_missing_value_tracks_true); transform as graph nodes (logistic: 1/(1+Exp(Neg(raw))), not the
 *   approximate Sigmoid kernel; exp2neg: Pow(2, Neg(raw))).
 *   Input `features` float32 [N, F]; output `score` float32 [N, 1]; `raw` [N, 1] too when the
 *   transform is not the identity.
 * Score the bytes with models/runtime.
 */
export { ensembleToOnnx, ONNX_INPUT, ONNX_OUTPUT, ONNX_RAW_OUTPUT } from './export-onnx.ts';
