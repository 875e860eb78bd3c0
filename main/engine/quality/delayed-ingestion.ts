import type { QualityCheck } from '../../../preload/api.ts';
import type { EventLog, NumericAttributeColumn } from '../eventlog/index.ts';
import { ExampleList, eventExample, percent, plural } from './check-result.ts';
import { formatDuration } from '../map/index.ts';
import { quantileSorted, sortedSample } from './robust-statistics.ts';

export interface DelayedIngestionOptions {
  /** Name of the recorded/ingested time column; found by name and by its values when absent. */
  column?: string;
  /** A lag beyond this counts as late; default: Tukey's far-out fence (Q3 + 3·IQR), at least a minute. */
  lateAfterMs?: number;
}

const RECORDED_NAME =
  /record|ingest|insert|load|import|sys_?created|created_?(at|on|time)|entered|logged|arriv|received|updated|modified/iu;

/** A date column whose values sit at or after the event time for nearly every event. */
function looksLikeRecordedTime(log: EventLog, column: NumericAttributeColumn): boolean {
  let present = 0;
  let after = 0;
  for (let i = 0; i < log.eventCount; i++) {
    const v = column.values[i];
    if (Number.isNaN(v)) continue;
    present++;
    if (v >= log.timestamp[i]) after++;
  }
  return present >= 0.5 * log.eventCount && after >= 0.95 * present;
}

export function findRecordedTimeColumn(log: EventLog, name?: string): NumericAttributeColumn | null {
  const dates = log.eventAttributes.filter((c): c is NumericAttributeColumn => c.type === 'date');
  if (name !== undefined) return dates.find((c) => c.name === name) ?? null;
  return dates.find((c) => RECORDED_NAME.test(c.name) && looksLikeRecordedTime(log, c)) ?? null;
}

/**
 * Where the log has a recorded/ingested time beside the event time: the lag between them and
 * the events that arrived late. Late events distort any "as of" analysis: a dashboard built at
 * a given moment did not yet see them.
 */
export function delayedIngestion(log: EventLog, options: DelayedIngestionOptions = {}): QualityCheck {
  const column = findRecordedTimeColumn(log, options.column);
  if (!column) {
    return {
      kind: 'delayed_ingestion',
      title: 'Delayed ingestion',
      severity: 'info',
      applicable: false,
      count: 0,
      unit: 'late events',
      explanation: 'The log has no column that looks like a recorded or ingested time beside the event time.',
      examples: [],
      fix: null,
    };
  }
  const lags = new Float64Array(log.eventCount);
  let k = 0;
  let before = 0;
  for (let i = 0; i < log.eventCount; i++) {
    const v = column.values[i];
    if (Number.isNaN(v)) continue;
    const lag = v - log.timestamp[i];
    if (lag < 0) before++;
    lags[k++] = lag;
  }
  const sample = sortedSample(lags.subarray(0, k));
  const median = quantileSorted(sample, 0.5);
  const q1 = quantileSorted(sample, 0.25);
  const q3 = quantileSorted(sample, 0.75);
  const p99 = quantileSorted(sample, 0.99);
  const threshold = options.lateAfterMs ?? Math.max(60_000, q3 + 3 * (q3 - q1));
  let count = 0;
  const examples = new ExampleList();
  for (let c = 0; c < log.caseCount; c++) {
    for (let i = log.caseStart[c]; i < log.caseStart[c + 1]; i++) {
      const lag = column.values[i] - log.timestamp[i];
      if (!(lag > threshold)) continue;
      count++;
      examples.add(
        eventExample(
          log,
          c,
          i,
          `"${log.activities[log.activity[i]]}" recorded ${formatDuration(lag / 1000)} after it happened`,
        ),
      );
    }
  }
  return {
    kind: 'delayed_ingestion',
    title: 'Delayed ingestion',
    severity: count === 0 && before === 0 ? 'info' : 'warning',
    applicable: true,
    count,
    unit: 'late events',
    explanation:
      `Column "${column.name}" is read as the time each event was recorded. Lag from event to record: median ${formatDuration(median / 1000)}, ` +
      `99th percentile ${formatDuration(p99 / 1000)}. ${plural(count, 'event')} (${percent(count, log.eventCount)}) arrived more than ` +
      `${formatDuration(threshold / 1000)} late` +
      (before > 0
        ? `, and ${plural(before, 'event')} were recorded before they happened (clock or time-zone mismatch).`
        : '.'),
    examples: examples.items,
    breakdown: [
      { label: 'median lag (s)', count: Math.round(median / 1000) },
      { label: '99th percentile lag (s)', count: Math.round(p99 / 1000) },
      { label: 'late events', count },
      { label: 'recorded before they happened', count: before },
    ],
    fix: null,
  };
}
