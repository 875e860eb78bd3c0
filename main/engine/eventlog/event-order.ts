/** Putting a log's events in case-and-time order: the sort, and gathering columns by that order. */
import type { AttributeColumn } from './event-log.ts';

/**
 * Stable counting sort by case (cases keep first-appearance order), then a stable sort by time
 * inside each case, which is usually already in order and then costs one comparison per event.
 * Cases that received no events (an empty XES trace) are dropped.
 */
export function sortByCaseAndTime(caseCode: Int32Array, timestamp: Float64Array, caseCount: number) {
  const n = caseCode.length;
  const counts = new Int32Array(caseCount);
  for (let i = 0; i < n; i++) counts[caseCode[i]]++;
  let kept = 0;
  for (let c = 0; c < caseCount; c++) if (counts[c] > 0) kept++;
  const caseOrder = new Int32Array(kept);
  const caseStart = new Int32Array(kept + 1);
  const next = new Int32Array(caseCount);
  for (let c = 0, k = 0, offset = 0; c < caseCount; c++) {
    if (counts[c] === 0) continue;
    caseOrder[k] = c;
    caseStart[k] = offset;
    next[c] = offset;
    offset += counts[c];
    caseStart[++k] = offset;
  }
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[next[caseCode[i]]++] = i;
  for (let k = 0; k < kept; k++) {
    const from = caseStart[k];
    const to = caseStart[k + 1];
    let sorted = true;
    for (let i = from + 1; i < to; i++) {
      if (timestamp[order[i]] < timestamp[order[i - 1]]) {
        sorted = false;
        break;
      }
    }
    if (!sorted) {
      const slice = Array.from(order.subarray(from, to));
      slice.sort((a, b) => timestamp[a] - timestamp[b] || a - b);
      order.set(slice, from);
    }
  }
  return { order, caseStart, caseOrder };
}

/**
 * The case starts when the events already are in the order `sortByCaseAndTime` gives (each case's
 * events together, cases in order of first appearance, times not decreasing within a case, every
 * case with events), else null: then the order is 0, 1, 2, … and need not be made (a log
 * exported case by case). One pass, and no array as long as the log.
 */
export function caseStartsInFileOrder(
  caseCode: Int32Array,
  timestamp: Float64Array,
  caseCount: number,
): Int32Array | null {
  const n = caseCode.length;
  const caseStart = new Int32Array(caseCount + 1);
  let cases = 0;
  for (let i = 0; i < n; i++) {
    const c = caseCode[i];
    if (cases > 0 && c === cases - 1) {
      if (timestamp[i] < timestamp[i - 1]) return null;
    } else if (c === cases) caseStart[cases++] = i;
    else return null;
  }
  if (cases !== caseCount) return null;
  caseStart[cases] = n;
  return caseStart;
}

/** Whether `order` is 0, 1, 2, …: the events were already in case-and-time order in the file. */
export function isFileOrder(order: Int32Array): boolean {
  for (let i = 0; i < order.length; i++) if (order[i] !== i) return false;
  return true;
}

export function gatherInt32(values: Int32Array, order: Int32Array): Int32Array {
  const out = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) out[i] = values[order[i]];
  return out;
}

export function gatherFloat64(values: Float64Array, order: Int32Array): Float64Array {
  const out = new Float64Array(order.length);
  for (let i = 0; i < order.length; i++) out[i] = values[order[i]];
  return out;
}

export function gatherColumn(column: AttributeColumn, order: Int32Array): AttributeColumn {
  return column.type === 'string'
    ? { ...column, codes: gatherInt32(column.codes, order) }
    : { ...column, values: gatherFloat64(column.values, order) };
}
