/**
 * models/features: per-case features over the columnar EventLog, with readable names and the
 * statistics that encode new cases identically (saved with every model).
 *
 * - `fitProcessStatistics(log)` measures what is usual in a log (directly-follows frequencies,
 *   each activity's usual wait as median/MAD of log1p(hours), resources, hours and weekdays per
 *   activity, when a step is usual, attribute encodings); plain JSON.
 * - `encodeCases(log, stats, {mask})` gives a float32 matrix cases × features plus their specs.
 * - `surprise(count, total, kinds)`: the smoothed −ln share used for every rarity feature.
 * - `caseAttributes(log)`: one value per case for case attributes and case-constant event attributes.
 * - `hourOf`, `weekdayOf`: hour and weekday of a (local) epoch-ms instant.
 */
export type { FeatureMatrix, FeatureSpec, FeatureUnit } from './feature-spec.ts';
export { cell, column, HOUR_MS } from './feature-spec.ts';
export type { ProcessStatistics, StatisticsOptions } from './process-statistics.ts';
export { localClock } from './local-clock.ts';
export type { LocalClock } from './local-clock.ts';
export {
  fitProcessStatistics,
  hourOf,
  weekdayOf,
  medianOf,
  MAX_FEATURE_ACTIVITIES,
  SMOOTHING,
} from './process-statistics.ts';
export type { EncodeOptions } from './case-features.ts';
export { caseFeatureSpecs, encodeCases, surprise } from './case-features.ts';
export type { CaseAttributes, NumericCaseAttribute, CategoricalCaseAttribute } from './case-attributes.ts';
export { caseAttributes } from './case-attributes.ts';
export type { PresenceRule, PresenceLeaf, PresenceCondition } from './presence-rules.ts';
export { describeWaitStatistics } from './wait-statistics.ts';
