import type { QualityCheck, QualityReport } from '../../../preload/api.ts';
import type { EventLog } from '../eventlog/index.ts';
import { coarseTimestamps, type CoarseTimestampsOptions } from './coarse-timestamps.ts';
import { delayedIngestion, type DelayedIngestionOptions } from './delayed-ingestion.ts';
import { duplicateEvents } from './duplicate-events.ts';
import { futureTimestamps } from './future-timestamps.ts';
import { incompleteCases, type IncompleteCasesOptions } from './incomplete-cases.ts';
import { inconsistentLabels, type InconsistentLabelsOptions } from './inconsistent-labels.ts';
import { manyTies, type ManyTiesOptions } from './many-ties.ts';
import { missingHandoffs, type MissingHandoffsOptions } from './missing-handoffs.ts';
import { missingValues } from './missing-values.ts';
import { naiveTimeZone } from './naive-time-zone.ts';
import { oldTimestamps } from './old-timestamps.ts';
import { orderConflicts } from './order-conflicts.ts';
import { outlierDurations, type OutlierDurationsOptions } from './outlier-durations.ts';
import type { QualityContext } from './quality-context.ts';
import { schemaDrift, type SchemaDriftOptions } from './schema-drift.ts';
import { summarizeSchema } from './schema-summary.ts';
import type { TimestampBoundsOptions } from './timestamp-bounds.ts';
import { unparseableTimestamps } from './unparseable-timestamps.ts';

/** Per-check settings the user may edit; every field has a documented default in its check. */
export interface QualityOptions {
  labels?: InconsistentLabelsOptions;
  timestamps?: Omit<TimestampBoundsOptions, 'now'>;
  coarse?: Omit<CoarseTimestampsOptions, 'timezone'>;
  ties?: ManyTiesOptions;
  incomplete?: IncompleteCasesOptions;
  handoffs?: MissingHandoffsOptions;
  ingestion?: DelayedIngestionOptions;
  drift?: SchemaDriftOptions;
  outliers?: OutlierDurationsOptions;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * Runs every check on a log and sums them up as a traffic light. Each check is one linear pass
 * (or a few) over the columns, so the whole report costs a small multiple of reading the log.
 */
export function qualityReport(
  log: EventLog,
  context: QualityContext = {},
  options: QualityOptions = {},
): QualityReport {
  const started = performance.now();
  const now = context.now ?? Date.now();
  const bounds = { ...options.timestamps, now };
  const rejected = context.rejectedRows
    ? { rejectedRows: context.rejectedRows, rejectedCount: context.rejectedCount, eventCount: log.eventCount }
    : null;
  const checks: QualityCheck[] = [
    missingValues(log, { rejectedRows: context.rejectedRows, resourceMapped: Boolean(context.mapping?.resource) }),
    duplicateEvents(log),
    inconsistentLabels(log, options.labels),
    unparseableTimestamps(rejected),
    futureTimestamps(log, bounds),
    oldTimestamps(log, bounds),
    coarseTimestamps(log, { ...options.coarse, timezone: naiveZone(context) }),
    manyTies(log, options.ties),
    orderConflicts(log),
    incompleteCases(log, options.incomplete),
    missingHandoffs(log, options.handoffs),
    delayedIngestion(log, options.ingestion),
    schemaDrift(
      context.previousSchema,
      context.previousSchema ? (context.currentSchema ?? summarizeSchema(log, context.mapping ?? null)) : null,
      options.drift,
    ),
    outlierDurations(log, options.outliers),
  ];
  return summarize(log, checks, context, performance.now() - started);
}

export function summarize(
  log: EventLog,
  checks: QualityCheck[],
  context: QualityContext,
  computedMs: number,
): QualityReport {
  const summary = { errors: 0, warnings: 0, infos: 0 };
  for (const check of checks) {
    if (!check.applicable || check.count === 0) continue;
    if (check.severity === 'error') summary.errors++;
    else if (check.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  const ordered = [...checks].sort(
    (a, b) =>
      Number(b.applicable) - Number(a.applicable) ||
      Number(b.count > 0) - Number(a.count > 0) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
  return {
    health: summary.errors > 0 ? 'red' : summary.warnings > 0 ? 'amber' : 'green',
    summary,
    events: log.eventCount,
    cases: log.caseCount,
    checks: ordered,
    fixesInForce: context.fixesInForce ?? [],
    naiveTimeZone: naiveZone(context),
    computedMs: Math.round(computedMs),
  };
}

/** The zone naive timestamps are read in, after the time-zone fixes in force. */
function naiveZone(context: QualityContext): string | null {
  return naiveTimeZone(
    context.mapping?.timezone,
    (context.fixesInForce ?? []).map((f) => f.fix),
  );
}
