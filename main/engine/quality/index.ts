/** Data-quality checks and fixes over an EventLog (issue 4). */
export { qualityReport, type QualityOptions } from './quality-report.ts';
export type { QualityContext } from './quality-context.ts';
export { applyFixes, applyFix, validateFix } from './fixes.ts';
export { summarizeSchema, type SchemaSummary } from './schema-summary.ts';
export { missingValues } from './missing-values.ts';
export { duplicateEvents, duplicateEventMask } from './duplicate-events.ts';
export { inconsistentLabels, proposeLabelMerge } from './inconsistent-labels.ts';
export { unparseableTimestamps } from './unparseable-timestamps.ts';
export { futureTimestamps } from './future-timestamps.ts';
export { oldTimestamps } from './old-timestamps.ts';
export { coarseTimestamps } from './coarse-timestamps.ts';
export { manyTies } from './many-ties.ts';
export { orderConflicts } from './order-conflicts.ts';
export { incompleteCases, inferUsualEnds } from './incomplete-cases.ts';
export { missingHandoffs } from './missing-handoffs.ts';
export { delayedIngestion } from './delayed-ingestion.ts';
export { schemaDrift } from './schema-drift.ts';
export { outlierDurations } from './outlier-durations.ts';
