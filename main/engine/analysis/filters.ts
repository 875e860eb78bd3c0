import type { AttributeValue, LogFilter } from '../../../preload/api.ts';
import type { AttributeColumn, EventLog } from '../eventlog/event-log.ts';
import { InputError } from '../errors.ts';
import { caseBegin, caseEnd } from './case-span.ts';
import { textsInRange } from './text-range.ts';

/**
 * Filters become one case mask (1 = case kept) that every view shares: the map, variants,
 * tables and charts all read the same Uint8Array instead of re-evaluating conditions.
 */

export type CaseMask = Uint8Array;

/** The case mask for a list of filters combined with AND; an empty list keeps every case. */
export function caseMask(log: EventLog, filters: readonly LogFilter[] = []): CaseMask {
  const mask = new Uint8Array(log.caseCount).fill(1);
  for (const filter of filters) {
    const matches = matchCases(log, filter);
    const keep = filter.negate ? 0 : 1;
    for (let c = 0; c < log.caseCount; c++) if (matches[c] !== keep) mask[c] = 0;
  }
  return mask;
}

/** Number of cases a mask keeps. */
export function keptCaseCount(mask: CaseMask): number {
  let n = 0;
  for (let c = 0; c < mask.length; c++) n += mask[c];
  return n;
}

const maskCache = new WeakMap<EventLog, Map<string, CaseMask>>();
const MASKS_KEPT_PER_LOG = 16;

/**
 * The mask for these filters, computed once per log and filter list: views asking for the same
 * filters get the same array. Callers must not modify it.
 */
export function sharedCaseMask(log: EventLog, filters: readonly LogFilter[] = []): CaseMask {
  let masks = maskCache.get(log);
  if (!masks) maskCache.set(log, (masks = new Map()));
  const key = filterKey(filters);
  let mask = masks.get(key);
  if (mask) {
    masks.delete(key); // re-insert: most recently used last
  } else {
    mask = caseMask(log, filters);
    if (masks.size >= MASKS_KEPT_PER_LOG) masks.delete(masks.keys().next().value!);
  }
  masks.set(key, mask);
  return mask;
}

/**
 * The mask analyses take: null (every case) when no filter is given, else the shared mask. Every
 * view and command asks for its mask this way, so none computes one for an empty filter list.
 */
export function filterMask(log: EventLog, filters: readonly LogFilter[] | null | undefined): CaseMask | null {
  return filters?.length ? sharedCaseMask(log, filters) : null;
}

/** A canonical text for a filter list (object keys sorted), for caching. */
export function filterKey(filters: readonly LogFilter[]): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
      );
    }
    return value;
  };
  return JSON.stringify(canonical(filters));
}

function matchCases(log: EventLog, filter: LogFilter): Uint8Array {
  switch (filter.kind) {
    case 'timeRange':
      return matchTimeRange(log, filter.mode, parseInstant(filter.from, 'from'), parseInstant(filter.to, 'to'));
    case 'caseAttribute':
      return matchCaseAttribute(log, filter.attribute, valueMatcher(findColumn(log.caseAttributes, filter.attribute, 'case'), filter));
    case 'eventAttribute':
      return matchEventAttribute(log, filter);
    case 'activities':
      return matchActivities(log, filter.activities.map((a) => activityCode(log, a)), filter.mode);
    case 'endpoints':
      return matchEndpoints(log, filter.start, filter.end);
    case 'variants':
      return matchVariants(log, filter.variants);
    case 'caseDuration':
      return matchCaseDuration(log, filter.minSeconds, filter.maxSeconds);
    case 'follower':
      return matchFollower(log, activityCode(log, filter.from), activityCode(log, filter.to), filter.directly ?? false, filter.withinSeconds);
    case 'cases':
      return matchCaseIds(log, filter.caseIds);
    default:
      throw new InputError(`Unknown filter kind "${(filter as { kind: string }).kind}".`, { hint: `Use one of: ${FILTER_KINDS.join(', ')}.` });
  }
}

function parseInstant(text: string | number, what: string): number {
  const ms = typeof text === 'number' ? text : Date.parse(text);
  if (Number.isNaN(ms)) throw new InputError(`Time range filter: "${text}" (${what}) is not a date.`, { hint: 'Write dates as ISO 8601, e.g. 2024-03-01T00:00:00Z.' });
  return ms;
}

function activityCode(log: EventLog, name: string): number {
  const code = log.activities.indexOf(name);
  if (code < 0) {
    throw new InputError(`Filter: activity "${name}" does not occur in the log.`, {
      hint: `Known activities include: ${log.activities.slice(0, 8).join(', ')}${log.activities.length > 8 ? ', …' : ''}.`,
    });
  }
  return code;
}

function matchTimeRange(log: EventLog, mode: 'contained' | 'intersecting' | 'started' | 'completed', from: number, to: number): Uint8Array {
  const out = new Uint8Array(log.caseCount);
  for (let c = 0; c < log.caseCount; c++) {
    const begin = caseBegin(log, c);
    const end = caseEnd(log, c);
    let ok: boolean;
    if (mode === 'contained') ok = begin >= from && end <= to;
    else if (mode === 'intersecting') ok = begin <= to && end >= from;
    else if (mode === 'started') ok = begin >= from && begin <= to;
    else if (mode === 'completed') ok = end >= from && end <= to;
    else throw new InputError(`Time range filter: unknown mode "${String(mode)}".`, { hint: 'Use contained, intersecting, started or completed.' });
    out[c] = ok ? 1 : 0;
  }
  return out;
}

function findColumn(columns: readonly AttributeColumn[], name: string, level: 'case' | 'event'): AttributeColumn {
  const column = columns.find((col) => col.name === name);
  if (!column) {
    throw new InputError(`Filter: the log has no ${level} attribute "${name}".`, {
      hint: columns.length ? `Its ${level} attributes are: ${columns.map((col) => col.name).join(', ')}.` : `The log has no ${level} attributes.`,
    });
  }
  return column;
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
    throw new InputError(`Filter on "${column.name}" needs values or a min/max range.`, { hint: 'Example: {"kind":"caseAttribute","attribute":"x","values":["a"]}.' });
  }
  if (column.type === 'string') {
    const wanted = new Set((condition.values ?? []).map((v) => (v === null ? null : String(v))));
    const ranged = condition.min !== undefined || condition.max !== undefined ? textsInRange(column.dictionary, condition.min, condition.max, column.name) : null;
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
    if (Number.isNaN(n)) throw new InputError(`Filter on "${column.name}": "${v}" is not a ${column.type === 'date' ? 'date' : 'number'}.`, {});
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

function matchCaseAttribute(log: EventLog, _attribute: string, matches: (row: number) => boolean): Uint8Array {
  const out = new Uint8Array(log.caseCount);
  for (let c = 0; c < log.caseCount; c++) out[c] = matches(c) ? 1 : 0;
  return out;
}

function matchEventAttribute(log: EventLog, filter: { attribute: string } & ValueCondition): Uint8Array {
  let matches: (row: number) => boolean;
  const column = log.eventAttributes.find((col) => col.name === filter.attribute);
  if (!column && filter.attribute === 'resource') {
    matches = valueMatcher({ name: 'resource', type: 'string', codes: log.resource, dictionary: log.resources }, filter);
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

function matchFollower(log: EventLog, from: number, to: number, directly: boolean, withinSeconds: number | undefined): Uint8Array {
  const within = withinSeconds === undefined ? Infinity : withinSeconds * 1000;
  const out = new Uint8Array(log.caseCount);
  const { activity, timestamp } = log;
  for (let c = 0; c < log.caseCount; c++) {
    const end = log.caseStart[c + 1];
    // The latest earlier `from` event gives the shortest gap to a `to` event.
    let lastFrom = NaN;
    for (let i = log.caseStart[c]; i < end; i++) {
      const a = activity[i];
      if (a === to && !Number.isNaN(lastFrom) && timestamp[i] - lastFrom <= within) {
        out[c] = 1;
        break;
      }
      if (directly) lastFrom = NaN;
      if (a === from) lastFrom = timestamp[i];
    }
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
    throw new InputError(`Filter: none of the ${ids.length} case ids occurs in the log (first: "${ids[0]}").`, { hint: 'Remove the filter chip; it was made on another log.' });
  }
  return out;
}

const FILTER_KINDS = ['timeRange', 'caseAttribute', 'eventAttribute', 'activities', 'endpoints', 'variants', 'caseDuration', 'follower', 'cases'] as const;

/**
 * Checks filters that arrive as JSON (CLI `--filter`, host requests) and returns them typed,
 * or throws an InputError that names the first problem.
 */
export function parseLogFilters(input: unknown, source = 'filter'): LogFilter[] {
  const list = Array.isArray(input) ? input : [input];
  return list.map((item, index) => {
    const where = list.length > 1 ? `${source} #${index + 1}` : source;
    const fail = (message: string): never => {
      throw new InputError(`${where}: ${message}`, { hint: 'A filter is a JSON object such as {"kind":"activities","activities":["Approve"],"mode":"any"}.' });
    };
    if (!item || typeof item !== 'object') fail('each filter must be a JSON object with a "kind".');
    const f = item as Record<string, unknown>;
    const isStrings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
    const isNumberOrAbsent = (v: unknown) => v === undefined || (typeof v === 'number' && Number.isFinite(v));
    if (f.negate !== undefined && typeof f.negate !== 'boolean') fail('"negate" must be true or false.');
    switch (f.kind) {
      case 'timeRange':
        if (!['contained', 'intersecting', 'started', 'completed'].includes(f.mode as string)) fail('"mode" must be contained, intersecting, started or completed.');
        if (typeof f.from !== 'string' || typeof f.to !== 'string') fail('"from" and "to" must be ISO 8601 dates.');
        break;
      case 'caseAttribute':
      case 'eventAttribute':
        if (typeof f.attribute !== 'string') fail('"attribute" must be the attribute name.');
        if (f.values !== undefined && !Array.isArray(f.values)) fail('"values" must be a list.');
        if (f.values === undefined && f.min === undefined && f.max === undefined) fail('give "values" or "min"/"max".');
        break;
      case 'activities':
        if (!isStrings(f.activities)) fail('"activities" must be a list of activity names.');
        if (!['any', 'all', 'none'].includes(f.mode as string)) fail('"mode" must be any, all or none.');
        break;
      case 'endpoints':
        if (f.start !== undefined && !isStrings(f.start)) fail('"start" must be a list of activity names.');
        if (f.end !== undefined && !isStrings(f.end)) fail('"end" must be a list of activity names.');
        break;
      case 'variants':
        if (!Array.isArray(f.variants) || !f.variants.every(isStrings)) fail('"variants" must be a list of activity-name lists.');
        break;
      case 'caseDuration':
        if (!isNumberOrAbsent(f.minSeconds) || !isNumberOrAbsent(f.maxSeconds)) fail('"minSeconds" and "maxSeconds" must be numbers.');
        break;
      case 'follower':
        if (typeof f.from !== 'string' || typeof f.to !== 'string') fail('"from" and "to" must be activity names.');
        if (!isNumberOrAbsent(f.withinSeconds)) fail('"withinSeconds" must be a number.');
        if (f.directly !== undefined && typeof f.directly !== 'boolean') fail('"directly" must be true or false.');
        break;
      case 'cases':
        if (!isStrings(f.caseIds)) fail('"caseIds" must be a list of case ids.');
        if (f.label !== undefined && typeof f.label !== 'string') fail('"label" must be text.');
        break;
      default:
        fail(`unknown kind "${String(f.kind)}"; use one of ${FILTER_KINDS.join(', ')}.`);
    }
    return f as LogFilter;
  });
}
