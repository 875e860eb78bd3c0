import type { AttributeValue, CaseDetail, CasePage, CaseQuery, CaseRow, CaseSort } from '../../../preload/api.ts';
import type { AttributeColumn, CaseMask, EventLog } from '../eventlog/index.ts';
import { InputError } from '../errors.ts';
import { caseBegin, caseDurationMs, caseEnd } from './case-span.ts';
import { variantRankOfCase } from './variants.ts';

const MAX_PAGE = 5000;

/** One page of the case table: filtered by id search and mask, sorted, sliced. */
export function caseList(log: EventLog, mask: CaseMask | null, query: CaseQuery): CasePage {
  const limit = Math.max(0, Math.min(MAX_PAGE, Math.floor(query.limit)));
  const offset = Math.max(0, Math.floor(query.offset));
  const needle = query.search?.trim().toLowerCase() ?? '';
  const order = sortedCases(log, query.sort ?? 'id');
  const rows: CaseRow[] = [];
  let total = 0;
  // Walk the cached order (reversed for descending), keeping the cases the mask and search let through.
  for (let k = 0; k < order.length; k++) {
    const c = order[query.descending ? order.length - 1 - k : k];
    if (mask && mask[c] === 0) continue;
    if (needle && !log.caseIds[c].toLowerCase().includes(needle)) continue;
    if (total >= offset && rows.length < limit) rows.push(caseRow(log, c));
    total++;
  }
  return { total, rows };
}

/**
 * Every case of the log in one sort order, computed once per log and order: scrolling the table
 * asks for page after page, and re-sorting 100k cases per page costs more than the page.
 */
const sortCache = new WeakMap<EventLog, Map<CaseSort, Int32Array>>();

function sortedCases(log: EventLog, sort: CaseSort): Int32Array {
  let byLog = sortCache.get(log);
  if (!byLog) sortCache.set(log, (byLog = new Map()));
  let order = byLog.get(sort);
  if (order) return order;
  const cases = Array.from({ length: log.caseCount }, (_, c) => c);
  const key = sortKey(log, sort);
  if (key) {
    const keys = new Float64Array(log.caseCount);
    for (let c = 0; c < log.caseCount; c++) keys[c] = key(c);
    cases.sort((a, b) => keys[a] - keys[b] || a - b);
  } else {
    cases.sort((a, b) => compareIds(log.caseIds[a], log.caseIds[b]) || a - b);
  }
  order = Int32Array.from(cases);
  byLog.set(sort, order);
  return order;
}

function sortKey(log: EventLog, sort: CaseSort): ((c: number) => number) | null {
  switch (sort) {
    case 'events':
      return (c) => log.caseStart[c + 1] - log.caseStart[c];
    case 'start':
      return (c) => caseBegin(log, c);
    case 'end':
      return (c) => caseEnd(log, c);
    case 'duration':
      return (c) => caseDurationMs(log, c);
    default:
      return null;
  }
}

/**
 * Numeric ids compare as numbers ("2" before "10") and come before all others, which compare as
 * text: a total order, so the result does not depend on the order cases arrive in.
 */
export function compareIds(a: string, b: string): number {
  const x = a.trim() === '' ? NaN : Number(a);
  const y = b.trim() === '' ? NaN : Number(b);
  const xNumeric = Number.isFinite(x);
  const yNumeric = Number.isFinite(y);
  if (xNumeric && yNumeric) return x - y || (a < b ? -1 : a > b ? 1 : 0);
  if (xNumeric !== yNumeric) return xNumeric ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function caseRow(log: EventLog, c: number): CaseRow {
  const attributes: Record<string, AttributeValue> = {};
  for (const column of log.caseAttributes) {
    const value = attributeValue(column, c);
    if (value !== null) attributes[column.name] = value;
  }
  return {
    index: c,
    variant: variantRankOfCase(log)[c]!,
    attributes,
    id: log.caseIds[c],
    events: log.caseStart[c + 1] - log.caseStart[c],
    start: new Date(caseBegin(log, c)).toISOString(),
    end: new Date(caseEnd(log, c)).toISOString(),
    durationSeconds: caseDurationMs(log, c) / 1000,
  };
}

/** A case with its attributes and its events in log order. */
export function caseDetail(log: EventLog, caseIndex: number): CaseDetail {
  if (!Number.isInteger(caseIndex) || caseIndex < 0 || caseIndex >= log.caseCount) {
    throw new InputError(`There is no case number ${caseIndex}; the log has ${log.caseCount} cases.`);
  }
  const events = [];
  for (let i = log.caseStart[caseIndex]; i < log.caseStart[caseIndex + 1]; i++) {
    const attributes: Record<string, AttributeValue> = {};
    for (const column of log.eventAttributes) {
      const value = attributeValue(column, i);
      if (value !== null) attributes[column.name] = value;
    }
    const start = log.startTimestamp?.[i] ?? NaN;
    events.push({
      activity: log.activities[log.activity[i]],
      timestamp: new Date(log.timestamp[i]).toISOString(),
      startTimestamp: Number.isNaN(start) ? null : new Date(start).toISOString(),
      resource: log.resource[i] < 0 ? null : log.resources[log.resource[i]],
      sourceRow: log.sourceRow[i],
      attributes,
    });
  }
  const attributes: Record<string, AttributeValue> = {};
  for (const column of log.caseAttributes) {
    const value = attributeValue(column, caseIndex);
    if (value !== null) attributes[column.name] = value;
  }
  return { index: caseIndex, id: log.caseIds[caseIndex], attributes, events };
}

/** The value at row i as the user sees it: text, number, ISO date or boolean; null if missing. */
export function attributeValue(column: AttributeColumn, i: number): AttributeValue {
  if (column.type === 'string') return column.codes[i] < 0 ? null : column.dictionary[column.codes[i]];
  const v = column.values[i];
  if (Number.isNaN(v)) return null;
  if (column.type === 'date') return new Date(v).toISOString();
  if (column.type === 'boolean') return v !== 0;
  return v;
}
