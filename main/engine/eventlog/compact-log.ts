import type { AttributeColumn, EventLog } from './event-log.ts';
import { gatherFloat64, gatherInt32 } from './event-order.ts';

export interface LogChanges {
  /** Per event: 1 keep, 0 drop. Absent = keep all. */
  keep?: Uint8Array;
  /** New activity code per event and the dictionary it indexes. */
  activity?: Int32Array;
  activities?: readonly string[];
  /** New timestamps per event; events are re-sorted by time inside their case. */
  timestamp?: Float64Array;
  startTimestamp?: Float64Array | null;
}

/**
 * A new EventLog with some events dropped, labels recoded or times changed, keeping every
 * invariant of EventLog: events grouped by case in case order, sorted by time then file order,
 * cases without events removed. Columns are gathered through one index array; nothing is
 * allocated per event.
 */
export function compactLog(log: EventLog, changes: LogChanges): EventLog {
  const keep = changes.keep;
  const timestamp = changes.timestamp ?? log.timestamp;
  const order = new Int32Array(keep ? countKept(keep) : log.eventCount);
  const keptCases: number[] = [];
  const caseStartList: number[] = [0];
  let k = 0;
  for (let c = 0; c < log.caseCount; c++) {
    const from = k;
    for (let i = log.caseStart[c]; i < log.caseStart[c + 1]; i++) if (!keep || keep[i] === 1) order[k++] = i;
    if (k === from) continue;
    if (changes.timestamp) sortRangeByTime(order, from, k, timestamp, log.sourceRow);
    keptCases.push(c);
    caseStartList.push(k);
  }
  const caseOrder = Int32Array.from(keptCases);
  const identity = !keep && !changes.timestamp;
  const gatherI = (values: Int32Array) => (identity ? values : gatherInt32(values, order));
  const gatherF = (values: Float64Array) => (identity ? values : gatherFloat64(values, order));
  const allCases = caseOrder.length === log.caseCount;
  return {
    eventCount: order.length,
    caseCount: caseOrder.length,
    caseStart: Int32Array.from(caseStartList),
    caseIds: allCases ? log.caseIds : keptCases.map((c) => log.caseIds[c]),
    activity: gatherI(changes.activity ?? log.activity),
    activities: changes.activities ?? log.activities,
    timestamp: gatherF(timestamp),
    startTimestamp:
      (changes.startTimestamp ?? log.startTimestamp) ? gatherF((changes.startTimestamp ?? log.startTimestamp)!) : null,
    resource: gatherI(log.resource),
    resources: log.resources,
    sourceRow: gatherI(log.sourceRow),
    eventAttributes: identity ? log.eventAttributes : log.eventAttributes.map((column) => gatherColumn(column, order)),
    caseAttributes: allCases ? log.caseAttributes : log.caseAttributes.map((column) => gatherColumn(column, caseOrder)),
  };
}

function countKept(keep: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < keep.length; i++) n += keep[i];
  return n;
}

/** Stable by file order among equal times, as EventLogBuilder sorts. Usually already sorted. */
function sortRangeByTime(
  order: Int32Array,
  from: number,
  to: number,
  timestamp: Float64Array,
  sourceRow: Int32Array,
): void {
  const before = (a: number, b: number) => timestamp[a] - timestamp[b] || sourceRow[a] - sourceRow[b] || a - b;
  let sorted = true;
  for (let i = from + 1; i < to && sorted; i++) if (before(order[i - 1], order[i]) > 0) sorted = false;
  if (sorted) return;
  const slice = Array.from(order.subarray(from, to)).sort(before);
  order.set(slice, from);
}

function gatherColumn(column: AttributeColumn, order: Int32Array): AttributeColumn {
  return column.type === 'string'
    ? { ...column, codes: gatherInt32(column.codes, order) }
    : { ...column, values: gatherFloat64(column.values, order) };
}
