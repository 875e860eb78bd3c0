import type { LogFilter } from '../../../preload/api.ts';
import { compactLog } from '../eventlog/index.ts';
import type { CaseMask, EventLog } from '../eventlog/index.ts';
import { matchCaseLevel } from './filters-match.ts';
import { matchPerformance, matchVariantCoverage } from './filters-population.ts';
import { isTrimming, trimEvents } from './filters-trim.ts';

export { parseLogFilters } from './filters-parse.ts';

/**
 * Filters become one case mask (1 = case kept) that every view shares: the map, variants,
 * tables and charts all read the same Uint8Array instead of re-evaluating conditions.
 *
 * A list is applied in order, like Disco's filter stack: each filter sees the cases the ones
 * before it kept, so "top 5 variants" after a time range means the top 5 of those cases.
 *
 * Trimming filters (a time range in trim mode, endpoints with trim) change events, not just
 * cases. A case mask cannot say "this case, but only its middle", and an event mask beside it
 * would have to be honoured by every analysis (directly-follows, variants, durations, case
 * spans) — one forgotten check and a view silently counts trimmed events. So a list with a
 * trimming filter yields a derived log instead (`filteredLog`): the trimmed events are gone,
 * and every mask-based analysis runs on it unchanged. The derived log is cached per log and
 * filter list, like the masks; without trimming filters `filteredLog` is the log itself and the
 * shared mask, at no cost.
 */

export type { CaseMask } from '../eventlog/index.ts';

/** A log as the filters leave it: the log to analyse (derived when events were trimmed) and its case mask. */
export interface FilteredLog {
  log: EventLog;
  /** Null when every case of `log` is kept. */
  mask: CaseMask | null;
  /** Whether `log` is a derived log with events trimmed (case indices then differ from the original). */
  trimmed: boolean;
}

/**
 * The case mask for a list of filters applied in order; an empty list keeps every case. With
 * trimming filters it marks the original cases that keep at least one event.
 */
export function caseMask(log: EventLog, filters: readonly LogFilter[] = []): CaseMask {
  if (filters.some(isTrimming)) return originalCasesOf(log, filteredLog(log, filters));
  const mask = new Uint8Array(log.caseCount).fill(1);
  for (const filter of filters) applyCaseFilter(log, filter, mask);
  return mask;
}

/** Narrows `mask` by one filter that keeps or drops whole cases. */
function applyCaseFilter(log: EventLog, filter: LogFilter, mask: CaseMask): void {
  const matches =
    filter.kind === 'variantCoverage'
      ? matchVariantCoverage(log, filter, mask)
      : filter.kind === 'performance'
        ? matchPerformance(log, filter, mask)
        : matchCaseLevel(log, filter);
  const keep = filter.negate ? 0 : 1;
  for (let c = 0; c < log.caseCount; c++) if (matches[c] !== keep) mask[c] = 0;
}

const derivedCache = new WeakMap<EventLog, Map<string, FilteredLog>>();
/** Derived logs are as large as the log: keep only the last few per log. */
const DERIVED_KEPT_PER_LOG = 2;

/**
 * What every view should analyse for a filter list: the log itself and the shared case mask,
 * or, when the list trims events, a derived log (cached) with the trimmed events removed.
 */
export function filteredLog(log: EventLog, filters: readonly LogFilter[] | null | undefined): FilteredLog {
  if (!filters?.some(isTrimming)) return { log, mask: filterMask(log, filters), trimmed: false };
  let views = derivedCache.get(log);
  if (!views) derivedCache.set(log, (views = new Map()));
  const key = filterKey(filters);
  let view = views.get(key);
  if (view) views.delete(key);
  else {
    view = deriveLog(log, filters);
    if (views.size >= DERIVED_KEPT_PER_LOG) views.delete(views.keys().next().value!);
  }
  views.set(key, view);
  return view;
}

function deriveLog(log: EventLog, filters: readonly LogFilter[]): FilteredLog {
  let current = log;
  let mask = new Uint8Array(log.caseCount).fill(1);
  for (const filter of filters) {
    if (isTrimming(filter)) {
      current = compactLog(current, { keep: trimEvents(current, filter, mask) });
      mask = new Uint8Array(current.caseCount).fill(1);
    } else applyCaseFilter(current, filter, mask);
  }
  return { log: current, mask: keptCaseCount(mask) === current.caseCount ? null : mask, trimmed: true };
}

/** The original cases a derived log still holds (and keeps): derived logs keep case order. */
function originalCasesOf(log: EventLog, view: FilteredLog): CaseMask {
  const mask = new Uint8Array(log.caseCount);
  const ids = view.log.caseIds;
  let k = 0;
  for (let c = 0; c < log.caseCount && k < ids.length; c++) {
    if (log.caseIds[c] !== ids[k]) continue;
    if (!view.mask || view.mask[k] === 1) mask[c] = 1;
    k++;
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
