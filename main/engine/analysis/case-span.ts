import type { EventLog } from '../eventlog/index.ts';

/**
 * When a case began: its first event's start time where the log has one, else its first
 * completion. Events are sorted by completion, so the earliest start may sit on a later event.
 */
export function caseBegin(log: EventLog, c: number): number {
  const from = log.caseStart[c];
  const to = log.caseStart[c + 1];
  let begin = log.timestamp[from];
  const start = log.startTimestamp;
  if (start) for (let i = from; i < to; i++) if (start[i] < begin) begin = start[i];
  return begin;
}

/** When a case ended: its last completion. */
export function caseEnd(log: EventLog, c: number): number {
  return log.timestamp[log.caseStart[c + 1] - 1];
}

/** Case duration in ms from begin to end. */
export function caseDurationMs(log: EventLog, c: number): number {
  return caseEnd(log, c) - caseBegin(log, c);
}
