/**
 * models/explain: exact per-feature explanations of tree-ensemble scores.
 * - `treeShap(ensemble, features, nRows)` → `{ contributions (n × F, row-major Float64Array),
 *   baseValue, nRows, width }`: path-dependent TreeSHAP (Lundberg et al. 2018, Algorithm 2) over
 *   the stored covers, routing as the scorer/ONNX do; baseValue + Σ contributions = raw score
 *   (log-odds for a logistic model, normalised mean path length for an isolation forest).
 * - Isolation forest: a NEGATIVE contribution makes a case MORE anomalous (shorter path).
 *   `orientForAnomaly(shap)` flips the sign, `anomalyCauses(shap, row, top)` lists the features
 *   that made the row anomalous, largest first: the first is the main cause.
 * - `expectedTreeValue(tree)`: E[tree output] under the covers.
 */
export { expectedTreeValue, treeShap } from './tree-shap.ts';
export type { ShapValues } from './tree-shap.ts';
export { anomalyCauses, orientForAnomaly } from './anomaly-causes.ts';
export type { AnomalyCause } from './anomaly-causes.ts';
