import type { LogFilter } from '../../../preload/api.ts';
import type { EventLog } from '../eventlog/index.ts';
import { activityCode, parseInstant } from './filters-lookup.ts';

/**
 * Filters that cut events out of cases rather than keep or drop whole cases: a time range in
 * `trim` mode (only the events completed inside it) and endpoints with `trim` (each case cut to
 * the stretch from a start activity to an end activity). They give a keep-flag per event; see
 * filteredLog in filters.ts for how views see the result.
 */

export type TrimmingFilter = Extract<LogFilter, { kind: 'timeRange' } | { kind: 'endpoints' }>;

export function isTrimming(filter: LogFilter): filter is TrimmingFilter {
  return (
    (filter.kind === 'timeRange' && filter.mode === 'trim') ||
    (filter.kind === 'endpoints' && filter.trim !== undefined)
  );
}

/** Per event, 1 when it stays: only events of `kept` cases, and only those the filter keeps. */
export function trimEvents(log: EventLog, filter: TrimmingFilter, kept: Uint8Array): Uint8Array {
  const keep = new Uint8Array(log.eventCount);
  if (filter.kind === 'timeRange') {
    const from = parseInstant(filter.from, 'from');
    const to = parseInstant(filter.to, 'to');
    for (let c = 0; c < log.caseCount; c++) {
      if (kept[c] === 0) continue;
      for (let i = log.caseStart[c]; i < log.caseStart[c + 1]; i++)
        if (log.timestamp[i] >= from && log.timestamp[i] <= to) keep[i] = 1;
    }
    return keep;
  }
  const table = (names: string[] | undefined) => {
    if (names === undefined) return null;
    const t = new Uint8Array(log.activities.length);
    for (const name of names) t[activityCode(log, name)] = 1;
    return t;
  };
  const starts = table(filter.start);
  const ends = table(filter.end);
  const { activity } = log;
  for (let c = 0; c < log.caseCount; c++) {
    if (kept[c] === 0) continue;
    const from = log.caseStart[c];
    const to = log.caseStart[c + 1];
    let first = from;
    if (starts) while (first < to && starts[activity[first]] === 0) first++;
    if (first === to) continue;
    let last: number;
    if (!ends) last = to - 1;
    else if (filter.trim === 'longest') {
      last = to - 1;
      while (last >= first && ends[activity[last]] === 0) last--;
    } else {
      // The first end activity after the start; the start itself only when it is also an end activity and none follows.
      last = first + 1;
      while (last < to && ends[activity[last]] === 0) last++;
      if (last === to) last = ends[activity[first]] === 1 ? first : -1;
    }
    for (let i = first; i <= last; i++) keep[i] = 1;
  }
  return keep;
}
