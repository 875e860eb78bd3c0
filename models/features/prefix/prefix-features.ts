import type { AttributeColumn, EventLog } from '../../../main/engine/eventlog/index.ts';
import type { PrefixEncoding } from './prefix-encoding.ts';
import type { PrefixRows } from './prefix-rows.ts';
import { workloadAt } from './workload.ts';
import { localClock } from '../local-clock.ts';

const HOUR = 3_600_000;

/** Feature columns (float32, what the trees and ONNX compare) with the names people read. */
export interface FeatureTable {
  rows: number;
  names: string[];
  columns: Float32Array[];
}

/** Names of the features `encodePrefixes` produces for an encoding, in column order. */
export function prefixFeatureNames(encoding: PrefixEncoding): string[] {
  const names = [
    'elapsed time (h)',
    'events so far',
    'time since the last event (h)',
    'wait before the last event (h)',
    'repeated activities so far',
    'handoffs so far',
    'resources so far',
    'hour of the last event',
    'weekday of the last event (0 = Monday)',
    'events on Saturday or Sunday so far',
  ];
  for (const a of encoding.activities) names.push(`times ${a} so far`);
  for (const a of encoding.activities) names.push(`waiting time before ${a} so far (h)`);
  for (const a of encoding.activities) names.push(`last activity is ${a}`);
  for (const r of encoding.resources) names.push(`last resource is ${r}`);
  for (const attribute of encoding.attributes) {
    if (attribute.kind === 'number') names.push(attribute.name);
    else for (const v of attribute.values) names.push(`${attribute.name} = ${v}`);
  }
  names.push('open cases', 'arrivals in the last 7 days', 'resources active in the last day');
  for (const a of encoding.activities) names.push(`cases waiting after ${a}`);
  return names;
}

/**
 * The features of each prefix row: what the case did so far (counts, repetitions, waits before
 * each activity, the last activity and resource, hour and weekday), its attributes, and the
 * workload around it at the moment it is observed. `closesCase[c]` = 1 when case c ended with its
 * last event (for the open-case and queue counts).
 *
 * Waiting time before an event is from the previous event's completion to this event's start
 * when the log has start times, else to its completion. Hours and weekdays are those of the
 * encoding's time zone (the zone people worked in; UTC when none).
 */
export function encodePrefixes(
  log: EventLog,
  rows: PrefixRows,
  encoding: PrefixEncoding,
  closesCase: Uint8Array,
): FeatureTable {
  const names = prefixFeatureNames(encoding);
  const n = rows.count;
  const columns = names.map(() => new Float32Array(n));
  const A = encoding.activities.length;
  const activitySlot = slotsByName(log.activities, encoding.activities);
  const resourceSlot = slotsByName(log.resources, encoding.resources);
  const [elapsed, events, sinceLast, lastWait, repeated, handoffs, resourcesSoFar, hour, weekday, weekend] = columns;
  const counts = 10;
  const waits = counts + A;
  const lastIs = waits + A;
  const lastResource = lastIs + A;
  const seenActivity = new Int32Array(log.activities.length).fill(-1);
  const seenResource = new Int32Array(log.resources.length).fill(-1);
  const local = localClock(encoding.timeZone ?? null);

  for (let i = 0; i < n; i++) {
    const c = rows.case[i];
    const first = log.caseStart[c];
    const last = first + rows.length[i] - 1;
    const t = rows.observedAt[i];
    elapsed[i] = (t - log.timestamp[first]) / HOUR;
    events[i] = rows.length[i];
    sinceLast[i] = (t - log.timestamp[last]) / HOUR;
    lastWait[i] = last > first ? waitBefore(log, last) / HOUR : NaN;
    let distinctActivities = 0;
    let distinctResources = 0;
    let handoffCount = 0;
    let weekendCount = 0;
    for (let e = first; e <= last; e++) {
      const a = log.activity[e];
      if (seenActivity[a] !== i) {
        seenActivity[a] = i;
        distinctActivities++;
      }
      const r = log.resource[e];
      if (r >= 0 && seenResource[r] !== i) {
        seenResource[r] = i;
        distinctResources++;
      }
      if (e > first && r >= 0 && log.resource[e - 1] >= 0 && r !== log.resource[e - 1]) handoffCount++;
      const day = utcWeekday(local(log.timestamp[e]));
      if (day >= 5) weekendCount++;
      const slot = activitySlot[a];
      if (slot >= 0) {
        columns[counts + slot][i]++;
        if (e > first) columns[waits + slot][i] += waitBefore(log, e) / HOUR;
      }
    }
    repeated[i] = rows.length[i] - distinctActivities;
    handoffs[i] = handoffCount;
    resourcesSoFar[i] = distinctResources;
    weekend[i] = weekendCount;
    hour[i] = utcHour(local(log.timestamp[last]));
    weekday[i] = utcWeekday(local(log.timestamp[last]));
    const lastSlot = activitySlot[log.activity[last]];
    if (lastSlot >= 0) columns[lastIs + lastSlot][i] = 1;
    const r = log.resource[last];
    if (r >= 0 && resourceSlot[r] >= 0) columns[lastResource + resourceSlot[r]][i] = 1;
  }

  let k = lastResource + encoding.resources.length;
  for (const attribute of encoding.attributes) {
    const column = findColumn(log, attribute.scope, attribute.name);
    const width = attribute.kind === 'number' ? 1 : attribute.values.length;
    fillAttribute(log, rows, column, attribute, columns.slice(k, k + width));
    k += width;
  }

  const load = workloadAt(log, closesCase, rows.observedAt);
  columns[k++].set(load.openCases);
  columns[k++].set(load.arrivalsLast7Days);
  columns[k++].set(load.resourcesActiveLastDay);
  for (let slot = 0; slot < A; slot++) {
    const code = log.activities.indexOf(encoding.activities[slot]);
    if (code >= 0) columns[k].set(load.waitingAfter[code]);
    k++;
  }
  return { rows: n, names, columns };
}

const DAY = 24 * HOUR;

/** Hour of the day (fractional), UTC. */
export function utcHour(ms: number): number {
  return (((ms % DAY) + DAY) % DAY) / HOUR;
}

/** 0 = Monday … 6 = Sunday, UTC (1970-01-01 was a Thursday). */
export function utcWeekday(ms: number): number {
  return (((Math.floor(ms / DAY) + 3) % 7) + 7) % 7;
}

/** Milliseconds between the previous event's completion and this event's start (or completion). */
export function waitBefore(log: EventLog, e: number): number {
  const start = log.startTimestamp?.[e];
  const begin = start !== undefined && !Number.isNaN(start) ? Math.max(start, log.timestamp[e - 1]) : log.timestamp[e];
  return begin - log.timestamp[e - 1];
}

/** Per code of `names` (the log's dictionary), its slot in `wanted`, or -1. */
function slotsByName(names: readonly string[], wanted: readonly string[]): Int32Array {
  const position = new Map(wanted.map((name, slot) => [name, slot]));
  return Int32Array.from(names, (name) => position.get(name) ?? -1);
}

function findColumn(log: EventLog, scope: 'case' | 'event', name: string): AttributeColumn | null {
  return (scope === 'case' ? log.caseAttributes : log.eventAttributes).find((col) => col.name === name) ?? null;
}

/**
 * Case attributes are read per case; event attributes at the latest event of the prefix that
 * has a value. A missing value is NaN for numbers (the trees learn where it goes) and all zeros
 * for categories; a column missing from this log altogether is all missing.
 */
function fillAttribute(
  log: EventLog,
  rows: PrefixRows,
  column: AttributeColumn | null,
  attribute: PrefixEncoding['attributes'][number],
  out: Float32Array[],
): void {
  const n = rows.count;
  if (attribute.kind === 'number') {
    if (!column || column.type === 'string') {
      out[0].fill(NaN);
      return;
    }
    for (let i = 0; i < n; i++)
      out[0][i] =
        valueAt(
          log,
          rows,
          i,
          attribute.scope,
          (j) => column.values[j],
          (v) => !Number.isNaN(v),
        ) ?? NaN;
    return;
  }
  if (!column || column.type !== 'string') return;
  const slot = slotsByName(column.dictionary, attribute.values);
  for (let i = 0; i < n; i++) {
    const code = valueAt(
      log,
      rows,
      i,
      attribute.scope,
      (j) => column.codes[j],
      (v) => v >= 0,
    );
    if (code !== undefined && slot[code] >= 0) out[slot[code]][i] = 1;
  }
}

function valueAt(
  log: EventLog,
  rows: PrefixRows,
  i: number,
  scope: 'case' | 'event',
  read: (index: number) => number,
  present: (v: number) => boolean,
): number | undefined {
  const c = rows.case[i];
  if (scope === 'case') {
    const v = read(c);
    return present(v) ? v : undefined;
  }
  const first = log.caseStart[c];
  for (let e = first + rows.length[i] - 1; e >= first; e--) {
    const v = read(e);
    if (present(v)) return v;
  }
  return undefined;
}
