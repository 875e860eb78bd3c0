import type { EventLog } from '../../main/engine/eventlog/index.ts';
import { InputError, throwIfCancelled } from '../../main/engine/errors.ts';
import { caseAttributes } from './case-attributes.ts';
import { HOUR_MS } from './feature-spec.ts';
import { localClock } from './local-clock.ts';
import { fitPresenceRule, sortedByValue, type PresenceRule } from './presence-rules.ts';

/**
 * What "usual" means in one log, measured once on the training log and saved with every model,
 * so that a new case is encoded against the same yardstick: directly-follows frequencies, each
 * activity's usual wait, resources and hours, when each step is usual, and the attribute
 * encodings. Plain JSON (no typed arrays) so the registry stores it as is.
 */
export interface ProcessStatistics {
  formatVersion: 1;
  /** IANA time zone in which hours and weekdays are read; null: UTC. */
  timeZone: string | null;
  cases: number;
  /** Activities of the training log, most frequent first. */
  activities: string[];
  /** The first `featureActivities` activities get features of their own (the rest count in the aggregates). */
  featureActivities: number;
  /** Events per activity. */
  activityCounts: number[];
  /** (A+1)², row-major: row `from` (A = the case start), column `to` (A = the case end). */
  transitions: number[];
  /** Median and MAD of log1p(wait in hours) per activity (the wait before it, completion to completion). */
  waitLogMedian: number[];
  waitLogMad: number[];
  /** Per activity: events per resource name. */
  resourceCounts: Record<string, number>[];
  /** Per activity: events per hour of day (24) and per weekday (7, Sunday = 0). */
  hourCounts: number[][];
  weekdayCounts: number[][];
  presenceRules: PresenceRule[];
  numericAttributes: { name: string; skewed: boolean }[];
  categoricalAttributes: { name: string; counts: Record<string, number> }[];
}

/** Activities with features of their own; a log with hundreds of activities keeps its frequent ones. */
export const MAX_FEATURE_ACTIVITIES = 40;
/** Additive smoothing for every frequency turned into a probability: unseen is rare, not impossible. */
export const SMOOTHING = 0.5;

export interface StatisticsOptions {
  /** IANA time zone for hours and weekdays (default UTC). */
  timeZone?: string | null;
  signal?: AbortSignal;
}

export function fitProcessStatistics(log: EventLog, options: StatisticsOptions = {}): ProcessStatistics {
  if (log.caseCount < 2) {
    throw new InputError(`A model needs at least 2 cases to learn what is usual; this log has ${log.caseCount}.`, {
      hint: 'Import a larger log or remove filters.',
    });
  }
  const timeZone = options.timeZone ?? null;
  const clock = localClock(timeZone);
  const rawCount = new Float64Array(log.activities.length);
  for (let i = 0; i < log.eventCount; i++) rawCount[log.activity[i]]++;
  const order = [...log.activities.keys()]
    .filter((a) => rawCount[a] > 0)
    .sort((a, b) => rawCount[b] - rawCount[a] || (log.activities[a] < log.activities[b] ? -1 : 1));
  const A = order.length;
  const indexOf = new Int32Array(log.activities.length).fill(-1);
  order.forEach((raw, k) => (indexOf[raw] = k));

  const transitions = new Array<number>((A + 1) * (A + 1)).fill(0);
  const resourceCounts: Record<string, number>[] = order.map(() => ({}));
  const hourCounts = order.map(() => new Array<number>(24).fill(0));
  const weekdayCounts = order.map(() => new Array<number>(7).fill(0));
  const waitsBy: number[][] = order.map(() => []);
  for (let c = 0; c < log.caseCount; c++) {
    if ((c & 0xffff) === 0) throwIfCancelled(options.signal);
    let prev = A;
    for (let i = log.caseStart[c]; i < log.caseStart[c + 1]; i++) {
      const a = indexOf[log.activity[i]];
      transitions[prev * (A + 1) + a]++;
      prev = a;
      const r = log.resource[i];
      if (r >= 0) {
        const name = log.resources[r];
        resourceCounts[a][name] = (resourceCounts[a][name] ?? 0) + 1;
      }
      const local = clock(log.timestamp[i]);
      hourCounts[a][hourOf(local)]++;
      weekdayCounts[a][weekdayOf(local)]++;
      if (i > log.caseStart[c])
        waitsBy[a].push(Math.log1p(Math.max(0, log.timestamp[i] - log.timestamp[i - 1]) / HOUR_MS));
    }
    if (log.caseStart[c + 1] > log.caseStart[c]) transitions[prev * (A + 1) + A]++;
  }
  const waitLogMedian: number[] = [];
  const waitLogMad: number[] = [];
  for (const waits of waitsBy) {
    const m = medianOf(waits);
    waitLogMedian.push(m);
    waitLogMad.push(medianOf(waits.map((w) => Math.abs(w - m))));
  }

  const attrs = caseAttributes(log);
  const featureActivities = Math.min(A, MAX_FEATURE_ACTIVITIES);
  const presence = new Uint8Array(log.caseCount * featureActivities);
  for (let c = 0; c < log.caseCount; c++) {
    for (let i = log.caseStart[c]; i < log.caseStart[c + 1]; i++) {
      const a = indexOf[log.activity[i]];
      if (a < featureActivities) presence[c * featureActivities + a] = 1;
    }
  }
  throwIfCancelled(options.signal);
  const data = {
    cases: log.caseCount,
    presence,
    activities: featureActivities,
    attributes: attrs.numeric.map((x) => ({ values: x.values, sorted: sortedByValue(x.values) })),
  };
  const presenceRules: PresenceRule[] = [];
  for (let a = 0; a < featureActivities; a++) {
    throwIfCancelled(options.signal);
    presenceRules.push(fitPresenceRule(data, a));
  }
  return {
    formatVersion: 1,
    timeZone,
    cases: log.caseCount,
    activities: order.map((raw) => log.activities[raw]),
    featureActivities,
    activityCounts: order.map((raw) => rawCount[raw]),
    transitions,
    waitLogMedian,
    waitLogMad,
    resourceCounts,
    hourCounts,
    weekdayCounts,
    presenceRules,
    numericAttributes: attrs.numeric.map((x, k) => ({
      name: x.name,
      skewed: isSkewed(x.values, data.attributes[k].sorted),
    })),
    categoricalAttributes: attrs.categorical.map((x) => {
      const counts: Record<string, number> = {};
      for (const code of x.codes) if (code >= 0) counts[x.dictionary[code]] = (counts[x.dictionary[code]] ?? 0) + 1;
      return { name: x.name, counts };
    }),
  };
}

export function hourOf(localMs: number): number {
  return Math.floor(localMs / HOUR_MS) - 24 * Math.floor(localMs / 86_400_000);
}

/** 0 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(localMs: number): number {
  return (((Math.floor(localMs / 86_400_000) + 4) % 7) + 7) % 7;
}

export function medianOf(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const xs = Float64Array.from(values).sort();
  const mid = xs.length >> 1;
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

/** Non-negative with a long right tail (amounts, durations): the 99th percentile above 3× the median. */
function isSkewed(values: Float64Array, sorted: Int32Array): boolean {
  if (sorted.length === 0 || values[sorted[0]] < 0) return false;
  const q = (p: number) => values[sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]];
  return q(0.99) > 3 * q(0.5);
}
