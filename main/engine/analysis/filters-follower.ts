import type { LogFilter } from '../../../preload/api.ts';
import type { EventLog } from '../eventlog/index.ts';
import { activityCode, findColumn } from './filters-lookup.ts';

type Follower = Extract<LogFilter, { kind: 'follower' }>;

/**
 * Cases where some `from` event is followed by a `to` event (immediately, with `directly`) with
 * a gap in [minSeconds, withinSeconds], and, when asked, the same or a different value of an
 * attribute on both (Disco's follower filter; different resources is a handover of work).
 */
export function matchFollower(log: EventLog, filter: Follower): Uint8Array {
  const from = activityCode(log, filter.from);
  const to = activityCode(log, filter.to);
  const within = filter.withinSeconds === undefined ? Infinity : filter.withinSeconds * 1000;
  const least = filter.minSeconds === undefined ? 0 : filter.minSeconds * 1000;
  const relation = filter.attributeRelation
    ? relationTest(log, filter.attributeRelation.attribute, filter.attributeRelation.relation)
    : null;
  const directly = filter.directly ?? false;
  const out = new Uint8Array(log.caseCount);
  const { activity, timestamp } = log;
  const pair: PairTest = { timestamp, least, within, relation, directly };
  // Events of `from` seen so far in the case, in time order (events are sorted by time).
  let seen = new Int32Array(16);
  for (let c = 0; c < log.caseCount; c++) {
    const begin = log.caseStart[c];
    const end = log.caseStart[c + 1];
    if (seen.length < end - begin) seen = new Int32Array(end - begin);
    let count = 0;
    for (let i = begin; i < end; i++) {
      if (activity[i] === to && count > 0 && followed(pair, seen, count, i)) {
        out[c] = 1;
        break;
      }
      if (activity[i] === from) seen[count++] = i;
    }
  }
  return out;
}

interface PairTest {
  timestamp: Float64Array;
  least: number;
  within: number;
  relation: ((a: number, b: number) => boolean) | null;
  directly: boolean;
}

/** Whether one of the `count` earlier `from` events in `seen` pairs with the `to` event i. */
function followed(p: PairTest, seen: Int32Array, count: number, i: number): boolean {
  const t = p.timestamp[i];
  const fits = (k: number) =>
    t - p.timestamp[k] >= p.least && t - p.timestamp[k] <= p.within && (!p.relation || p.relation(k, i));
  if (p.directly) return seen[count - 1] === i - 1 && fits(i - 1);
  if (!p.relation) {
    // The latest `from` at most `t − least` is the closest admissible one.
    const k = latestAtMost(seen, count, t - p.least, p.timestamp);
    return k >= 0 && t - p.timestamp[seen[k]] <= p.within;
  }
  for (let k = count - 1; k >= 0; k--) {
    if (t - p.timestamp[seen[k]] > p.within) return false;
    if (fits(seen[k])) return true;
  }
  return false;
}

/** Index into `seen[0..count)` of the last event whose time is ≤ x, or −1. */
function latestAtMost(seen: Int32Array, count: number, x: number, timestamp: Float64Array): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (timestamp[seen[mid]] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Whether two events have the same (or a different) value; a missing value is neither. */
function relationTest(
  log: EventLog,
  attribute: string,
  relation: 'same' | 'different',
): (a: number, b: number) => boolean {
  const column =
    attribute === 'resource' && !log.eventAttributes.some((c) => c.name === 'resource')
      ? null
      : findColumn(log.eventAttributes, attribute, 'event');
  const key: (i: number) => number = !column
    ? (i) => (log.resource[i] < 0 ? NaN : log.resource[i])
    : column.type === 'string'
      ? (i) => (column.codes[i] < 0 ? NaN : column.codes[i])
      : (i) => column.values[i];
  return (a, b) => {
    const x = key(a);
    const y = key(b);
    if (x !== x || y !== y) return false;
    return relation === 'same' ? x === y : x !== y;
  };
}
