import type { AttributeValue, LogFilter, TimeRangeMode } from '../../../preload/api.ts';
import type { AttributeColumn, EventLog } from '../eventlog/index.ts';
import { InputError } from '../errors.ts';
import { caseBegin, caseEnd } from './case-span.ts';
import { matchFollower } from './filters-follower.ts';
import { activityCode, findColumn, parseInstant } from './filters-lookup.ts';
import { textsInRange } from './text-range.ts';

/**
 * Filters that keep or drop whole cases by looking at each case alone. (Filters that rank cases
 * against each other are in filters-population.ts, filters that cut events in filters-trim.ts.)
 */

/** Cases (1) that match a case-level filter. */
export function matchCaseLevel(log: EventLog, filter: LogFilter): Uint8Array {
  switch (filter.kind) {
    case 'timeRange':
      return matchTimeRange(log, filter.mode, parseInstant(filter.from, 'from'), parseInstant(filter.to, 'to'));
    case 'caseAttribute':
      return matchCaseAttribute(log, valueMatcher(findColumn(log.caseAttributes, filter.attribute, 'case'), filter));
    case 'eventAttribute':
      return matchEventAttribute(log, filter);
    case 'activities':
      return matchActivities(
        log,
        filter.activities.map((a) => activityCode(log, a)),
        filter.mode,
      );
    case 'endpoints':
      return matchEndpoints(log, filter.start, filter.end);
    case 'variants':
      return matchVariants(log, filter.variants);
    case 'caseDuration':
      return matchCaseDuration(log, filter.minSeconds, filter.maxSeconds);
    case 'follower':
      return matchFollower(log, filter);
    case 'cases':
      return matchCaseIds(log, filter.caseIds);
    default:
      throw new InputError(`Filter kind "${filter.kind}" does not keep or drop cases one by one.`, {});
  }
}

function matchTimeRange(log: EventLog, mode: TimeRangeMode, from: number, to: number): Uint8Array {
  const out = new Uint8Array(log.caseCount);
  for (let c = 0; c < log.caseCount; c++) {
    const begin = caseBegin(log, c);
    const end = caseEnd(log, c);
    let ok: boolean;
    if (mode === 'contained') ok = begin >= from && end <= to;
    else if (mode === 'intersecting') ok = begin <= to && end >= from;
    else if (mode === 'started') ok = begin >= from && begin <= to;
    else if (mode === 'completed') ok = end >= from && end <= to;
    else
      throw new InputError(`Time range filter: unknown mode "${String(mode)}".`, {
        hint: 'Use contained, intersecting, started or completed.',
      });
    out[c] = ok ? 1 : 0;
  }
  return out;
}

interface ValueCondition {
  values?: AttributeValue[];
  min?: number | string;
  max?: number | string;
}

/**
 * Row matcher for one attribute column. Text columns match by value through a per-code table,
 * so the per-row test is one array read; a range on text compares the numbers or dates the texts
 * spell (see text-range.ts). Numeric columns match listed values or a range.
 */
function valueMatcher(column: AttributeColumn, condition: ValueCondition): (row: number) => boolean {
  if (condition.values === undefined && condition.min === undefined && condition.max === undefined) {
    throw new InputError(`Filter on "${column.name}" needs values or a min/max range.`, {
      hint: 'Example: {"kind":"caseAttribute","attribute":"x","values":["a"]}.',
    });
  }
  if (column.type === 'string') {
    const wanted = new Set((condition.values ?? []).map((v) => (v === null ? null : String(v))));
    const ranged =
      condition.min !== undefined || condition.max !== undefined
        ? textsInRange(column.dictionary, condition.min, condition.max, column.name)
        : null;
    const table = new Uint8Array(column.dictionary.length);
    column.dictionary.forEach((text, code) => (table[code] = wanted.has(text) || ranged?.[code] === 1 ? 1 : 0));
    const missing = wanted.has(null);
    const codes = column.codes;
    return (row) => (codes[row] < 0 ? missing : table[codes[row]] === 1);
  }
  const toNumber = (v: AttributeValue | number | string | undefined): number => {
    if (v === undefined || v === null) return NaN;
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (typeof v === 'number') return v;
    const n = column.type === 'date' ? Date.parse(v) : Number(v);
    if (Number.isNaN(n))
      throw new InputError(
        `Filter on "${column.name}": "${v}" is not a ${column.type === 'date' ? 'date' : 'number'}.`,
        {},
      );
    return n;
  };
  const wanted = new Set((condition.values ?? []).filter((v) => v !== null).map(toNumber));
  const missing = (condition.values ?? []).includes(null);
  const hasRange = condition.min !== undefined || condition.max !== undefined;
  const min = condition.min === undefined ? -Infinity : toNumber(condition.min);
  const max = condition.max === undefined ? Infinity : toNumber(condition.max);
  const values = column.values;
  return (row) => {
    const v = values[row];
    if (Number.isNaN(v)) return missing;
    return wanted.has(v) || (hasRange && v >= min && v <= max);
  };
}

function matchCaseAttribute(log: EventLog, matches: (row: number) => boolean): Uint8Array {
  const out = new Uint8Array(log.caseCount);
  for (let c = 0; c < log.caseCount; c++) out[c] = matches(c) ? 1 : 0;
  return out;
}

function matchEventAttribute(log: EventLog, filter: { attribute: string } & ValueCondition): Uint8Array {
  let matches: (row: number) => boolean;
  const column = log.eventAttributes.find((col) => col.name === filter.attribute);
  if (!column && filter.attribute === 'resource') {
    matches = valueMatcher(
      { name: 'resource', type: 'string', codes: log.resource, dictionary: log.resources },
      filter,
    );
  } else {
    matches = valueMatcher(column ?? findColumn(log.eventAttributes, filter.attribute, 'event'), filter);
  }
  const out = new Uint8Array(log.caseCount);
  for (let c = 0; c < log.caseCount; c++) {
    for (let i = log.caseStart[c]; i < log.caseStart[c + 1]; i++) {
      if (matches(i)) {
        out[c] = 1;
        break;
      }
    }
  }
  return out;
}

function matchActivities(log: EventLog, codes: number[], mode: 'any' | 'all' | 'none'): Uint8Array {
  if (mode !== 'any' && mode !== 'all' && mode !== 'none') {
    throw new InputError(`Activities filter: unknown mode "${String(mode)}".`, { hint: 'Use any, all or none.' });
  }
  const slot = new Int32Array(log.activities.length).fill(-1);
  codes.forEach((code, k) => (slot[code] = k));
  const distinct = new Set(codes).size;
  const seenInCase = new Int32Array(Math.max(codes.length, 1)).fill(-1);
  const out = new Uint8Array(log.caseCount);
  const activity = log.activity;
  for (let c = 0; c < log.caseCount; c++) {
    let found = 0;
    for (let i = log.caseStart[c]; i < log.caseStart[c + 1]; i++) {
      const k = slot[activity[i]];
      if (k >= 0 && seenInCase[k] !== c) {
        seenInCase[k] = c;
        found++;
      }
    }
    out[c] = (mode === 'any' ? found > 0 : mode === 'all' ? found === distinct : found === 0) ? 1 : 0;
  }
  return out;
}

function matchEndpoints(log: EventLog, start: string[] | undefined, end: string[] | undefined): Uint8Array {
  const table = (names: string[] | undefined) => {
    if (names === undefined) return null;
    const t = new Uint8Array(log.activities.length);
    for (const name of names) t[activityCode(log, name)] = 1;
    return t;
  };
  const starts = table(start);
  const ends = table(end);
  const out = new Uint8Array(log.caseCount);
  for (let c = 0; c < log.caseCount; c++) {
    const first = log.activity[log.caseStart[c]];
    const last = log.activity[log.caseStart[c + 1] - 1];
    out[c] = (!starts || starts[first] === 1) && (!ends || ends[last] === 1) ? 1 : 0;
  }
  return out;
}

function matchVariants(log: EventLog, variants: string[][]): Uint8Array {
  const byLength = new Map<number, Int32Array[]>();
  for (const variant of variants) {
    const codes = Int32Array.from(variant, (a) => activityCode(log, a));
    const list = byLength.get(codes.length) ?? [];
    list.push(codes);
    byLength.set(codes.length, list);
  }
  const out = new Uint8Array(log.caseCount);
  const activity = log.activity;
  for (let c = 0; c < log.caseCount; c++) {
    const from = log.caseStart[c];
    const candidates = byLength.get(log.caseStart[c + 1] - from);
    if (!candidates) continue;
    for (const codes of candidates) {
      let same = true;
      for (let k = 0; k < codes.length && same; k++) same = activity[from + k] === codes[k];
      if (same) {
        out[c] = 1;
        break;
      }
    }
  }
  return out;
}

function matchCaseDuration(log: EventLog, minSeconds: number | undefined, maxSeconds: number | undefined): Uint8Array {
  const min = (minSeconds ?? -Infinity) * 1000;
  const max = (maxSeconds ?? Infinity) * 1000;
  const out = new Uint8Array(log.caseCount);
  for (let c = 0; c < log.caseCount; c++) {
    const d = caseEnd(log, c) - caseBegin(log, c);
    out[c] = d >= min && d <= max ? 1 : 0;
  }
  return out;
}

/** Ids of cases a fix has since removed are ignored; none in the log means the list is for another log. */
function matchCaseIds(log: EventLog, ids: readonly string[]): Uint8Array {
  const wanted = new Set(ids);
  const out = new Uint8Array(log.caseCount);
  let found = 0;
  for (let c = 0; c < log.caseCount; c++) if (wanted.has(log.caseIds[c])) found += out[c] = 1;
  if (found === 0 && ids.length > 0) {
    throw new InputError(`Filter: none of the ${ids.length} case ids occurs in the log (first: "${ids[0]}").`, {
      hint: 'Remove the filter chip; it was made on another log.',
    });
  }
  return out;
}
