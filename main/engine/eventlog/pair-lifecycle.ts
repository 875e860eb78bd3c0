import type { EventLog } from './event-log.ts';
import { compactLog } from './compact-log.ts';

export const LIFECYCLE_ATTRIBUTE = 'lifecycle:transition';

export interface LifecyclePairing {
  log: EventLog;
  /** Start events merged into their completion. */
  paired: number;
  /** Start events with no later completion of the same activity in their case, kept as events. */
  unmatchedStarts: number;
}

/**
 * Turns XES lifecycle start/complete pairs into one event with a start time, as Disco and
 * PM4Py's interval lifecycle do: without it every activity is counted twice, its service time
 * shows up as a waiting-time self-loop, and service times cannot be computed.
 *
 * Inside a case, a `complete` without a start time takes the earliest still-open `start` of the
 * same activity (first in, first out). The completion keeps its own timestamp, row and
 * attributes and gains the start as `startTimestamp`; the start event is dropped. Unmatched
 * starts and other transitions (schedule, suspend, …) stay as they were. Returns null when the
 * log has no `start` transition.
 */
export function pairLifecycleTransitions(log: EventLog): LifecyclePairing | null {
  const column = log.eventAttributes.find((c) => c.name === LIFECYCLE_ATTRIBUTE);
  if (!column || column.type !== 'string') return null;
  const startCode = column.dictionary.findIndex((v) => v.toLowerCase() === 'start');
  const completeCode = column.dictionary.findIndex((v) => v.toLowerCase() === 'complete');
  if (startCode < 0 || completeCode < 0) return null;

  const keep = new Uint8Array(log.eventCount).fill(1);
  const start = log.startTimestamp ? log.startTimestamp.slice() : new Float64Array(log.eventCount).fill(NaN);
  // Open starts per activity: a singly linked FIFO through `next`, reset per case via `touched`.
  const head = new Int32Array(log.activities.length).fill(-1);
  const tail = new Int32Array(log.activities.length).fill(-1);
  const next = new Int32Array(log.eventCount).fill(-1);
  const touched: number[] = [];
  let paired = 0;
  let starts = 0;
  for (let c = 0; c < log.caseCount; c++) {
    for (let i = log.caseStart[c]; i < log.caseStart[c + 1]; i++) {
      const transition = column.codes[i];
      const a = log.activity[i];
      if (transition === startCode) {
        starts++;
        if (head[a] < 0) {
          head[a] = i;
          touched.push(a);
        } else next[tail[a]] = i;
        tail[a] = i;
      } else if (transition === completeCode && head[a] >= 0 && Number.isNaN(start[i])) {
        // A completion that already has a start time (a CSV start column, e.g. Gemba's own
        // export) takes no start event: that start belongs to another instance.
        const s = head[a];
        head[a] = next[s];
        keep[s] = 0;
        start[i] = log.timestamp[s];
        paired++;
      }
    }
    for (const a of touched) head[a] = -1;
    touched.length = 0;
  }
  if (starts === 0) return null;
  return { log: compactLog(log, { keep, startTimestamp: start }), paired, unmatchedStarts: starts - paired };
}
