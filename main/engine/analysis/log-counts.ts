import type { EventLog } from '../eventlog/index.ts';
import { caseBegin } from './case-span.ts';
import { variantGroups } from './variants.ts';

/** What an import reports of its log: the counts and the time range, as logStatistics gives them. */
export interface LogCounts {
  cases: number;
  events: number;
  /** Activities that occur in the log. */
  activities: number;
  variants: number;
  /** First case begin (a start time where there is one) to last completion, ISO 8601 UTC. */
  timeRange: [string, string] | null;
}

/**
 * The part of logStatistics an import needs, without its per-day counts, case-duration median
 * and endpoint tables: on 1M events those took most of its time, all on the import's critical path.
 */
export function logCounts(log: EventLog): LogCounts {
  const seen = new Uint8Array(log.activities.length);
  for (let i = 0; i < log.eventCount; i++) seen[log.activity[i]!] = 1;
  let first = Infinity;
  let last = -Infinity;
  for (let c = 0; c < log.caseCount; c++) {
    first = Math.min(first, caseBegin(log, c));
    last = Math.max(last, log.timestamp[log.caseStart[c + 1]! - 1]!);
  }
  return {
    cases: log.caseCount,
    events: log.eventCount,
    activities: seen.reduce((n, s) => n + s, 0),
    variants: variantGroups(log).representative.length,
    timeRange: log.caseCount ? [new Date(first).toISOString(), new Date(last).toISOString()] : null,
  };
}
