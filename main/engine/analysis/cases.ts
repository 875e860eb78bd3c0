import type { AttributeValue, CaseDetail, CasePage, CaseQuery, CaseRow } from '../../../preload/api.ts';
import type { AttributeColumn, EventLog } from '../eventlog/event-log.ts';
import { InputError } from '../errors.ts';
import { caseBegin, caseDurationMs, caseEnd } from './case-span.ts';

const MAX_PAGE = 5000;

/** One page of the case table: filtered by id search and mask, sorted, sliced. */
export function caseList(log: EventLog, query: CaseQuery, mask?: Uint8Array | null): CasePage {
  const limit = Math.max(0, Math.min(MAX_PAGE, Math.floor(query.limit)));
  const offset = Math.max(0, Math.floor(query.offset));
  const needle = query.search?.trim().toLowerCase() ?? '';
  let selected: number[] = [];
  for (let c = 0; c < log.caseCount; c++) {
    if (mask && mask[c] === 0) continue;
    if (needle && !log.caseIds[c].toLowerCase().includes(needle)) continue;
    selected.push(c);
  }
  const key = sortKey(log, query.sort ?? 'id');
  if (key) {
    const keys = new Float64Array(log.caseCount);
    for (const c of selected) keys[c] = key(c);
    selected.sort((a, b) => keys[a] - keys[b] || a - b);
  } else if (query.sort === 'id' || query.sort === undefined) {
    selected.sort((a, b) => compareIds(log.caseIds[a], log.caseIds[b]) || a - b);
  }
  if (query.descending) selected.reverse();
  const total = selected.length;
  selected = selected.slice(offset, offset + limit);
  return { total, rows: selected.map((c) => caseRow(log, c)) };
}

function sortKey(log: EventLog, sort: NonNullable<CaseQuery['sort']>): ((c: number) => number) | null {
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

/** Numeric ids compare as numbers ("2" before "10"), others as text. */
function compareIds(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (a !== '' && b !== '' && Number.isFinite(x) && Number.isFinite(y)) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}

function caseRow(log: EventLog, c: number): CaseRow {
  return {
    index: c,
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
