import type { EventLog } from '../../main/engine/eventlog/index.ts';
import { throwIfCancelled } from '../../main/engine/errors.ts';
import { caseAttributes } from './case-attributes.ts';
import { localClock } from './local-clock.ts';
import { HOUR_MS, type FeatureMatrix, type FeatureSpec } from './feature-spec.ts';
import { conditionHolds, presenceProbability } from './presence-rules.ts';
import { hourOf, SMOOTHING, weekdayOf, type ProcessStatistics } from './process-statistics.ts';

/**
 * Process-aware features of whole cases, measured against a log's own usual behaviour
 * (`ProcessStatistics`): not raw counts, but how surprising each transition is, how long each
 * wait is against that activity's usual wait, how rare the resource or the hour is for that
 * step, repetitions, and usual steps that are missing. One float32 row per case.
 */

/** Robust z is capped here: beyond it, "far outside the usual" is all a reader needs. */
const MAX_ROBUST_Z = 1000;
/** MAD floor on the log1p(hours) scale, so an activity whose waits are all equal does not divide by 0. */
const MIN_MAD = 0.05;

const AGGREGATES: FeatureSpec[] = [
  { name: 'events', unit: 'count', tail: 'upper', skewed: false },
  { name: 'case duration', unit: 'hours', tail: 'upper', skewed: true },
  { name: 'largest transition surprise', unit: 'surprise', tail: 'upper', skewed: false },
  { name: 'total transition surprise', unit: 'surprise', tail: 'upper', skewed: false },
  { name: 'longest wait against its usual', unit: 'robust z', tail: 'upper', skewed: false },
  { name: 'unusual weekday for a step', unit: 'surprise', tail: 'upper', skewed: false },
  { name: 'events at night (22:00–06:00)', unit: 'count', tail: 'upper', skewed: false },
  { name: 'events on Saturday', unit: 'count', tail: 'upper', skewed: false },
  { name: 'events on Sunday', unit: 'count', tail: 'upper', skewed: false },
  { name: 'handoffs', unit: 'count', tail: 'upper', skewed: false },
];
const PER_ACTIVITY = 5;

export function caseFeatureSpecs(stats: ProcessStatistics): FeatureSpec[] {
  const specs = [...AGGREGATES];
  for (let a = 0; a < stats.featureActivities; a++) {
    const activity = stats.activities[a];
    specs.push(
      { name: `waiting time before ${activity}`, unit: 'hours', tail: 'upper', skewed: true, activity },
      { name: `repetitions of ${activity}`, unit: 'count', tail: 'upper', skewed: false, activity },
      { name: `unusual resource at ${activity}`, unit: 'surprise', tail: 'upper', skewed: false, activity },
      { name: `unusual hour at ${activity}`, unit: 'surprise', tail: 'upper', skewed: false, activity },
      { name: `${activity} missing`, unit: 'surprise', tail: 'upper', skewed: false, activity },
    );
  }
  for (const x of stats.numericAttributes)
    specs.push({ name: x.name, unit: 'value', tail: 'both', skewed: x.skewed, attribute: x.name });
  for (const x of stats.categoricalAttributes)
    specs.push({ name: `rare ${x.name}`, unit: 'surprise', tail: 'upper', skewed: false, attribute: x.name });
  return specs;
}

/** −ln of a smoothed share: how surprising `count` out of `total` is among `kinds` possibilities. */
export function surprise(count: number, total: number, kinds: number): number {
  return -Math.log((count + SMOOTHING) / (total + SMOOTHING * kinds));
}

export interface EncodeOptions {
  /** Only these cases (1 = keep); all when absent. */
  mask?: Uint8Array | null;
  signal?: AbortSignal;
}

/** Encodes the cases of `log` against `stats` (fitted on this log or on the training log). */
export function encodeCases(log: EventLog, stats: ProcessStatistics, options: EncodeOptions = {}): FeatureMatrix {
  const features = caseFeatureSpecs(stats);
  const F = features.length;
  const A = stats.activities.length;
  const K = stats.featureActivities;
  const clock = localClock(stats.timeZone);
  const byName = new Map(stats.activities.map((name, i) => [name, i]));
  // The log's activity codes mapped to the statistics' indices; -1 for an activity never seen in training.
  const indexOf = Int32Array.from(log.activities, (name) => byName.get(name) ?? -1);
  const outCount = new Float64Array(A + 1);
  for (let from = 0; from <= A; from++)
    for (let to = 0; to <= A; to++) outCount[from] += stats.transitions[from * (A + 1) + to];
  const transitionSurprise = (from: number, to: number) =>
    surprise(from < 0 || to < 0 ? 0 : stats.transitions[from * (A + 1) + to], from < 0 ? 0 : outCount[from], A + 2);
  // Resource rarity per (activity, log resource code), looked up once per pair.
  const resourceSurprise = log.resources.map(() => new Float64Array(A));
  const resourceKinds = stats.resourceCounts.map((r) => Object.keys(r).length + 1);
  log.resources.forEach((name, r) => {
    for (let a = 0; a < A; a++)
      resourceSurprise[r][a] = surprise(stats.resourceCounts[a][name] ?? 0, stats.activityCounts[a], resourceKinds[a]);
  });
  const attrs = caseAttributes(log);
  const numeric = stats.numericAttributes.map((x) => attrs.numeric.find((y) => y.name === x.name)?.values ?? null);
  const categorical = stats.categoricalAttributes.map((x) => {
    const col = attrs.categorical.find((y) => y.name === x.name);
    const total = Object.values(x.counts).reduce((s, n) => s + n, 0);
    const kinds = Object.keys(x.counts).length + 1;
    return col
      ? { codes: col.codes, rarity: col.dictionary.map((v) => surprise(x.counts[v] ?? 0, total, kinds)) }
      : null;
  });

  const selected: number[] = [];
  for (let c = 0; c < log.caseCount; c++) if (!options.mask || options.mask[c]) selected.push(c);
  const rows = selected.length;
  const values = new Float32Array(rows * F);
  const count = new Int32Array(A);
  const maxWait = new Float64Array(K);
  const maxResource = new Float64Array(K);
  const maxHour = new Float64Array(K);
  const present = (a: number) => count[a] > 0;
  for (let row = 0; row < rows; row++) {
    if ((row & 0x3fff) === 0) throwIfCancelled(options.signal);
    const c = selected[row];
    const start = log.caseStart[c];
    const end = log.caseStart[c + 1];
    count.fill(0);
    maxWait.fill(NaN);
    maxResource.fill(NaN);
    maxHour.fill(NaN);
    let maxSurprise = 0;
    let sumSurprise = 0;
    let maxZ = 0;
    let maxWeekday = 0;
    let night = 0;
    let saturday = 0;
    let sunday = 0;
    let handoffs = 0;
    let prev = A;
    for (let i = start; i < end; i++) {
      const a = indexOf[log.activity[i]];
      const s = transitionSurprise(prev, a);
      maxSurprise = Math.max(maxSurprise, s);
      sumSurprise += s;
      prev = a;
      const local = clock(log.timestamp[i]);
      const hour = hourOf(local);
      const day = weekdayOf(local);
      if (hour >= 22 || hour < 6) night++;
      if (day === 6) saturday++;
      if (day === 0) sunday++;
      const r = log.resource[i];
      if (i > start && r >= 0 && log.resource[i - 1] >= 0 && r !== log.resource[i - 1]) handoffs++;
      if (a < 0) continue;
      count[a]++;
      maxWeekday = Math.max(maxWeekday, surprise(stats.weekdayCounts[a][day], stats.activityCounts[a], 7));
      const waitHours = i > start ? Math.max(0, log.timestamp[i] - log.timestamp[i - 1]) / HOUR_MS : NaN;
      if (i > start) {
        const z = (Math.log1p(waitHours) - stats.waitLogMedian[a]) / (1.4826 * Math.max(MIN_MAD, stats.waitLogMad[a]));
        if (Number.isFinite(z)) maxZ = Math.max(maxZ, Math.min(MAX_ROBUST_Z, z));
      }
      if (a >= K) continue;
      if (i > start && !(waitHours <= maxWait[a])) maxWait[a] = waitHours;
      if (r >= 0) {
        const rs = resourceSurprise[r][a];
        if (!(rs <= maxResource[a])) maxResource[a] = rs;
      }
      const hs = surprise(stats.hourCounts[a][hour], stats.activityCounts[a], 24);
      if (!(hs <= maxHour[a])) maxHour[a] = hs;
    }
    if (end > start) {
      const s = transitionSurprise(prev, A);
      maxSurprise = Math.max(maxSurprise, s);
      sumSurprise += s;
    }
    const o = row * F;
    values[o] = end - start;
    values[o + 1] = end > start ? (log.timestamp[end - 1] - log.timestamp[start]) / HOUR_MS : NaN;
    values[o + 2] = maxSurprise;
    values[o + 3] = sumSurprise;
    values[o + 4] = maxZ;
    values[o + 5] = maxWeekday;
    values[o + 6] = night;
    values[o + 7] = saturday;
    values[o + 8] = sunday;
    values[o + 9] = handoffs;
    const attributeOf = (k: number) => numeric[k]?.[c] ?? NaN;
    for (let a = 0; a < K; a++) {
      const f = o + AGGREGATES.length + a * PER_ACTIVITY;
      values[f] = maxWait[a];
      values[f + 1] = count[a] > 0 ? count[a] - 1 : 0;
      values[f + 2] = maxResource[a];
      values[f + 3] = maxHour[a];
      if (count[a] > 0) values[f + 4] = 0;
      else {
        const { p } = presenceProbability(stats.presenceRules[a], (cond) => conditionHolds(cond, present, attributeOf));
        values[f + 4] = -Math.log(1 - p);
      }
    }
    let f = o + AGGREGATES.length + K * PER_ACTIVITY;
    for (let k = 0; k < numeric.length; k++) values[f++] = attributeOf(k);
    for (const cat of categorical) {
      const code = cat ? cat.codes[c] : -1;
      values[f++] = code >= 0 && cat ? cat.rarity[code] : NaN;
    }
  }
  return { rows, columns: F, values, features, cases: Int32Array.from(selected) };
}

/** Index of the first per-activity feature of activity `a` (waiting time), for callers that read blocks. */
export function activityFeatureOffset(a: number): number {
  return AGGREGATES.length + a * PER_ACTIVITY;
}
