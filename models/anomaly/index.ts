/**
 * models/anomaly: case and event anomalies, explained, and the exception types they form.
 * - `trainAnomalyModel(log, { basis, mask?, timeZone? }, { onProgress, signal })` →
 *   NewModel for `ModelRegistry.save`: process statistics, features, the tail-probability
 *   ensemble (chosen by measurement, bench/README.md), ONNX bytes, usual ranges, score quantiles.
 * - `scoreFindings(log, modelRecord, { mask? }, { signal })` → `{ findings, drift, casesScored }`:
 *   ONNX scores, TreeSHAP explanations, conditions in words, confidence, KPI effect; findings of
 *   kind `anomaly` and `exception-type` for `FindingsStore.record`.
 * - `driftSince(log, mask, modelRecord)`: PSI per feature against the model's training data.
 * - `eventAnomalies(log, stats, top)`: events whose wait, resource or hour is unusual for the activity.
 * - `exceptionTypes(findings, …)`, `fitTailProbabilityModel(matrix)`, `precisionAtK(scores, isAnomaly, k)`.
 */
export { ANOMALY_MODEL_KIND, scorePercentile } from './anomaly-model.ts';
export type { AnomalyModelDetails } from './anomaly-model.ts';
export { trainAnomalyModel, subLog, FINDING_RARITY_FACTOR } from './train-anomaly-model.ts';
export type { TrainAnomalyOptions, TrainingHooks } from './train-anomaly-model.ts';
export { scoreFindings } from './score-findings.ts';
export type { ScoreOptions, ScoredFindings } from './score-findings.ts';
export { eventAnomalies } from './event-anomalies.ts';
export type { EventAnomaly } from './event-anomalies.ts';
export { exceptionTypes, exceptionTypeIdOf } from './exception-types.ts';
export { driftSince } from './drift-since.ts';
export { fitTailProbabilityModel } from './tail-probability.ts';
export type { TailModel, UsualRange } from './tail-probability.ts';
export { precisionAtK, topK } from './precision-at-k.ts';
