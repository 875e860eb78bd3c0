import type { EventLog } from '../../main/engine/eventlog/index.ts';
import { waitBefore } from '../features/prefix/prefix-features.ts';

/**
 * Every wait in front of an activity: the event it ends at, the activity waited for, the
 * activity the case came from, when the case joined the queue (the previous event's completion)
 * and how long it waited (to the start when known, else to the completion), in hours.
 */
export interface Waits {
  count: number;
  event: Int32Array;
  activity: Int32Array;
  from: Int32Array;
  queuedAt: Float64Array;
  hours: Float64Array;
}

export function waitsOf(log: EventLog, cases: Int32Array): Waits {
  let n = 0;
  for (const c of cases) n += Math.max(0, log.caseStart[c + 1] - log.caseStart[c] - 1);
  const w: Waits = {
    count: n,
    event: new Int32Array(n),
    activity: new Int32Array(n),
    from: new Int32Array(n),
    queuedAt: new Float64Array(n),
    hours: new Float64Array(n),
  };
  let k = 0;
  for (const c of cases) {
    for (let e = log.caseStart[c] + 1; e < log.caseStart[c + 1]; e++, k++) {
      w.event[k] = e;
      w.activity[k] = log.activity[e];
      w.from[k] = log.activity[e - 1];
      w.queuedAt[k] = log.timestamp[e - 1];
      w.hours[k] = waitBefore(log, e) / 3_600_000;
    }
  }
  return w;
}

/** P(next activity = to | last activity = from), from the given waits: row `from`, column `to`. */
export function transitionProbabilities(activities: number, waits: Waits): Float64Array[] {
  const p = Array.from({ length: activities }, () => new Float64Array(activities));
  for (let k = 0; k < waits.count; k++) p[waits.from[k]][waits.activity[k]]++;
  for (const row of p) {
    let total = 0;
    for (const x of row) total += x;
    if (total > 0) for (let j = 0; j < row.length; j++) row[j] /= total;
  }
  return p;
}
