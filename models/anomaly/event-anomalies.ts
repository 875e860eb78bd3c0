import type { UnusualEvent } from '../../preload/api.ts';
import type { EventLog } from '../../main/engine/eventlog/index.ts';
import { predict } from '../ensemble/index.ts';
import {
  HOUR_MS,
  hourOf,
  localClock,
  SMOOTHING,
  type FeatureMatrix,
  type ProcessStatistics,
} from '../features/index.ts';
import { fmtHours } from './conditions-in-words.ts';
import { fitTailProbabilityModel } from './tail-probability.ts';

/**
 * Per-event anomalies: an event whose wait, resource or hour is unusual for its activity. Each
 * is turned into "how many times rarer than usual": the wait by the tail-probability model of
 * that activity's waits (1/p), the resource and the hour by the share a typical value would have
 * over the share this one has (1 for a usual resource or hour). An event's score is the largest
 * of the three, and its reason says which in words.
 */
/** One definition: the contract's (UnusualEvent). */
export type EventAnomaly = UnusualEvent;

export interface EventAnomalyOptions {
  /** At most this many, most unusual first (default 100). */
  top?: number;
  /** Report only events of these cases (1 = report); the usual waits still come from every case. */
  cases?: Uint8Array | null;
}

export function eventAnomalies(
  log: EventLog,
  stats: ProcessStatistics,
  options: EventAnomalyOptions = {},
): EventAnomaly[] {
  const top = options.top ?? 100;
  const only = options.cases ?? null;
  const A = stats.activities.length;
  const byName = new Map(stats.activities.map((n, i) => [n, i]));
  const indexOf = Int32Array.from(log.activities, (n) => byName.get(n) ?? -1);
  const clock = localClock(stats.timeZone);
  // Waits per activity, one tail model each (the statistics' own log is the training data here).
  const waits: number[][] = Array.from({ length: A }, () => []);
  const eventsOf: number[][] = Array.from({ length: A }, () => []);
  for (let c = 0; c < log.caseCount; c++) {
    for (let i = log.caseStart[c] + 1; i < log.caseStart[c + 1]; i++) {
      const a = indexOf[log.activity[i]];
      if (a < 0) continue;
      waits[a].push((log.timestamp[i] - log.timestamp[i - 1]) / HOUR_MS);
      eventsOf[a].push(i);
    }
  }
  const waitScore = new Float64Array(log.eventCount).fill(1);
  const usualWait = new Float64Array(A);
  for (let a = 0; a < A; a++) {
    if (waits[a].length < 2) continue;
    const m: FeatureMatrix = {
      rows: waits[a].length,
      columns: 1,
      values: Float32Array.from(waits[a]),
      features: [{ name: `waiting time before ${stats.activities[a]}`, unit: 'hours', tail: 'upper', skewed: true }],
      cases: new Int32Array(waits[a].length),
    };
    const model = fitTailProbabilityModel(m);
    usualWait[a] = model.usual[0]?.high ?? NaN;
    const s = predict(model.ensemble, m.values, m.rows).raw;
    eventsOf[a].forEach((i, k) => (waitScore[i] = s[k] + 1));
  }
  const out: EventAnomaly[] = [];
  const caseOf = new Int32Array(log.eventCount);
  for (let c = 0; c < log.caseCount; c++) caseOf.fill(c, log.caseStart[c], log.caseStart[c + 1]);
  for (let i = 0; i < log.eventCount; i++) {
    const a = indexOf[log.activity[i]];
    if (a < 0 || (only && !only[caseOf[i]])) continue;
    const total = stats.activityCounts[a];
    const resources = stats.resourceCounts[a];
    const kinds = Object.keys(resources).length;
    let resourceScore = 1;
    const r = log.resource[i];
    if (r >= 0 && kinds > 0) {
      const share = ((resources[log.resources[r]] ?? 0) + SMOOTHING) / (total + SMOOTHING * (kinds + 1));
      resourceScore = 1 / kinds / share;
    }
    const hour = hourOf(clock(log.timestamp[i]));
    const hourShare = (stats.hourCounts[a][hour] + SMOOTHING) / (total + 24 * SMOOTHING);
    const hourScore = 1 / 24 / hourShare;
    const score = Math.max(waitScore[i], resourceScore, hourScore);
    if (score <= 1) continue;
    const activity = stats.activities[a];
    let cause: EventAnomaly['cause'];
    let reason: string;
    if (score === waitScore[i]) {
      cause = 'wait';
      reason = `waited ${fmtHours((log.timestamp[i] - log.timestamp[i - 1]) / HOUR_MS)} before ${activity}, usual ≤ ${fmtHours(usualWait[a])}`;
    } else if (score === resourceScore) {
      cause = 'resource';
      reason = `${activity} done by ${log.resources[r]} (${resources[log.resources[r]] ?? 0} of ${total} ${activity} events)`;
    } else {
      cause = 'hour';
      reason = `${activity} at ${String(hour).padStart(2, '0')}:00 (${stats.hourCounts[a][hour]} of ${total} ${activity} events at that hour)`;
    }
    out.push({
      case: log.caseIds[caseOf[i]],
      activity,
      event: i,
      score,
      cause,
      reason,
      at: new Date(log.timestamp[i]).toISOString(),
    });
  }
  out.sort((x, y) => y.score - x.score || x.event - y.event);
  return out.slice(0, top);
}
