import type { EventLog } from '../../../main/engine/eventlog/index.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * How busy the process was at given instants, computed by one sweep over the events in time
 * order (no per-instant scan of the log):
 * - open cases: started at or before t, not yet ended (a completed case ends at its last event;
 *   a running case stays open);
 * - arrivals in the last 7 days: cases whose first event falls in (t − 7 d, t];
 * - resources active in the last day: distinct resources with an event in (t − 24 h, t];
 * - cases waiting after each activity: open cases whose latest event by t is that activity (the
 *   queue in front of whatever follows it);
 * - optionally, per activity, distinct resources that performed it in the last 7 days (who is
 *   "on shift" for it).
 */
export interface Workload {
  openCases: Float32Array;
  arrivalsLast7Days: Float32Array;
  resourcesActiveLastDay: Float32Array;
  /** Indexed by activity code of the log. */
  waitingAfter: Float32Array[];
  /** Indexed by activity code; present when asked for. */
  resourcesOnActivityLast7Days: Float32Array[] | null;
}

export interface WorkloadOptions {
  resourcesPerActivity?: boolean;
}

/** Event indices in time order (ties keep log order, so a case's events stay in sequence). */
export function eventsInTimeOrder(log: EventLog): Uint32Array {
  const order = new Uint32Array(log.eventCount);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const ts = log.timestamp;
  return order.sort((a, b) => ts[a] - ts[b] || a - b);
}

export function workloadAt(
  log: EventLog,
  closesCase: Uint8Array,
  times: Float64Array,
  options: WorkloadOptions = {},
): Workload {
  const n = times.length;
  const activities = log.activities.length;
  const resources = log.resources.length;
  const open = new Float32Array(n);
  const arrivals = new Float32Array(n);
  const activeResources = new Float32Array(n);
  const waitingAfter = Array.from({ length: activities }, () => new Float32Array(n));
  const onActivity = options.resourcesPerActivity
    ? Array.from({ length: activities }, () => new Float32Array(n))
    : null;

  const starts = new Float64Array(log.caseCount);
  let nonEmpty = 0;
  for (let c = 0; c < log.caseCount; c++)
    if (log.caseStart[c + 1] > log.caseStart[c]) starts[nonEmpty++] = log.timestamp[log.caseStart[c]];
  const sortedStarts = starts.subarray(0, nonEmpty).sort();

  const rowOrder = new Uint32Array(n);
  for (let i = 0; i < n; i++) rowOrder[i] = i;
  rowOrder.sort((a, b) => times[a] - times[b]);
  const events = eventsInTimeOrder(log);
  const caseOf = new Int32Array(log.eventCount);
  for (let c = 0; c < log.caseCount; c++) caseOf.fill(c, log.caseStart[c], log.caseStart[c + 1]);

  const lastActivity = new Int32Array(log.caseCount).fill(-1);
  const queue = new Int32Array(activities);
  const inDay = new Int32Array(resources);
  const inWeek = onActivity ? new Int32Array(activities * resources) : null;
  const distinctOnActivity = new Int32Array(activities);
  let openNow = 0;
  let distinctInDay = 0;
  let next = 0; // next event to add
  let dayTail = 0; // oldest event still in the 24 h window
  let weekTail = 0;

  for (const row of rowOrder) {
    const t = times[row];
    for (; next < events.length && log.timestamp[events[next]] <= t; next++) {
      const e = events[next];
      const c = caseOf[e];
      if (e === log.caseStart[c]) openNow++;
      if (lastActivity[c] >= 0) queue[lastActivity[c]]--;
      if (e === log.caseStart[c + 1] - 1 && closesCase[c]) {
        lastActivity[c] = -1;
        openNow--;
      } else {
        lastActivity[c] = log.activity[e];
        queue[log.activity[e]]++;
      }
      const r = log.resource[e];
      if (r >= 0) {
        if (inDay[r]++ === 0) distinctInDay++;
        if (inWeek && inWeek[log.activity[e] * resources + r]++ === 0) distinctOnActivity[log.activity[e]]++;
      }
    }
    for (; dayTail < next && log.timestamp[events[dayTail]] <= t - DAY; dayTail++) {
      const r = log.resource[events[dayTail]];
      if (r >= 0 && --inDay[r] === 0) distinctInDay--;
    }
    if (inWeek) {
      for (; weekTail < next && log.timestamp[events[weekTail]] <= t - 7 * DAY; weekTail++) {
        const e = events[weekTail];
        const r = log.resource[e];
        if (r >= 0 && --inWeek[log.activity[e] * resources + r] === 0) distinctOnActivity[log.activity[e]]--;
      }
    }
    open[row] = openNow;
    arrivals[row] = countAtOrBelow(sortedStarts, t) - countAtOrBelow(sortedStarts, t - 7 * DAY);
    activeResources[row] = distinctInDay;
    for (let a = 0; a < activities; a++) waitingAfter[a][row] = queue[a];
    if (onActivity) for (let a = 0; a < activities; a++) onActivity[a][row] = distinctOnActivity[a];
  }
  return {
    openCases: open,
    arrivalsLast7Days: arrivals,
    resourcesActiveLastDay: activeResources,
    waitingAfter,
    resourcesOnActivityLast7Days: onActivity,
  };
}

/** Number of values ≤ x in an ascending array. */
export function countAtOrBelow(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
