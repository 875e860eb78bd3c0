import type { LogStatistics } from '../../../preload/api.ts';
import type { CaseMask, EventLog } from '../eventlog/index.ts';
import { caseBegin, caseDurationMs } from './case-span.ts';
import { medianInPlace } from './median.ts';
import { variantGroups } from './variants.ts';
import { zoneDay } from './zone-days.ts';

const DAY_MS = 86_400_000;
/** The sparkline stops being readable (and cheap) past this many days; longer logs bin by week. */
const MAX_SPARKLINE_POINTS = 3660;

/**
 * The import summary: counts, time range, endpoints, top activities, events per day. Days are
 * calendar days in `timeZone` (the display time zone; UTC when absent).
 */
export function logStatistics(log: EventLog, mask?: CaseMask | null, timeZone?: string | null): LogStatistics {
  const dayOf = zoneDay(timeZone);
  const activityCount = new Float64Array(log.activities.length);
  const startCount = new Float64Array(log.activities.length);
  const endCount = new Float64Array(log.activities.length);
  const resourceSeen = new Uint8Array(log.resources.length);
  let events = 0;
  let cases = 0;
  let first = Infinity;
  let last = -Infinity;
  const durations = new Float64Array(log.caseCount);
  for (let c = 0; c < log.caseCount; c++) {
    if (mask && mask[c] === 0) continue;
    const from = log.caseStart[c];
    const to = log.caseStart[c + 1];
    startCount[log.activity[from]]++;
    endCount[log.activity[to - 1]]++;
    for (let i = from; i < to; i++) {
      activityCount[log.activity[i]]++;
      if (log.resource[i] >= 0) resourceSeen[log.resource[i]] = 1;
    }
    first = Math.min(first, caseBegin(log, c));
    last = Math.max(last, log.timestamp[to - 1]);
    durations[cases++] = caseDurationMs(log, c);
    events += to - from;
  }
  const named = (counts: Float64Array) => {
    const out: Record<string, number> = {};
    const order = Array.from(counts.keys())
      .filter((a) => counts[a] > 0)
      .sort((a, b) => counts[b] - counts[a] || cmp(log.activities[a], log.activities[b]));
    for (const a of order) out[log.activities[a]] = counts[a];
    return out;
  };
  const topActivities = Array.from(activityCount.keys())
    .filter((a) => activityCount[a] > 0)
    .sort((a, b) => activityCount[b] - activityCount[a] || cmp(log.activities[a], log.activities[b]))
    .map((a) => ({ activity: log.activities[a], count: activityCount[a] }));
  const used = durations.subarray(0, cases);
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  // An indexed loop: for…of over a typed array allocates a result object per value until the
  // loop is optimised, megabytes of garbage on a large log that raise the command's peak memory.
  for (let i = 0; i < used.length; i++) {
    const d = used[i];
    sum += d;
    if (d < min) min = d;
    if (d > max) max = d;
  }
  const binDays = cases && dayOf(last) - dayOf(first) + 1 > MAX_SPARKLINE_POINTS ? 7 : 1;
  return {
    cases,
    events,
    activities: topActivities.length,
    variants: variantGroups(log, mask).representative.length,
    resources: resourceSeen.reduce((n, s) => n + s, 0),
    timeRange: cases ? [new Date(first).toISOString(), new Date(last).toISOString()] : null,
    startActivities: named(startCount),
    endActivities: named(endCount),
    topActivities,
    eventsPerDay: cases ? eventsPerDay(log, mask, dayOf, first, last, binDays) : [],
    eventsBinDays: binDays,
    eventsTimeZone: timeZone || 'UTC',
    caseDurationSeconds: cases
      ? { mean: sum / cases / 1000, median: medianInPlace(used.slice()) / 1000, min: min / 1000, max: max / 1000 }
      : null,
  };
}

/** Zero-filled counts per day of the zone (per week for logs spanning more than ten years). */
function eventsPerDay(
  log: EventLog,
  mask: CaseMask | null | undefined,
  dayOf: (t: number) => number,
  first: number,
  last: number,
  step: 1 | 7,
): { day: string; count: number }[] {
  const day0 = dayOf(first);
  const days = dayOf(last) - day0 + 1;
  const bins = new Float64Array(Math.ceil(days / step));
  for (let c = 0; c < log.caseCount; c++) {
    if (mask && mask[c] === 0) continue;
    for (let i = log.caseStart[c]; i < log.caseStart[c + 1]; i++) {
      bins[Math.floor((dayOf(log.timestamp[i]) - day0) / step)]++;
    }
  }
  return Array.from(bins, (count, b) => ({
    day: new Date((day0 + b * step) * DAY_MS).toISOString().slice(0, 10),
    count,
  }));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
