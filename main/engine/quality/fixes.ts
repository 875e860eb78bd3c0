import type { QualityFix } from '../../../preload/api.ts';
import { InputError } from '../errors.ts';
import type { EventLog } from '../eventlog/index.ts';
import { compactLog } from '../eventlog/index.ts';
import { duplicateEventMask } from './duplicate-events.ts';
import { classifyCases } from './incomplete-cases.ts';
import { wallClockResolver } from '../import/timestamps/index.ts';
import { ZoneOffsets } from './time-zone.ts';

/**
 * Applies fixes in order to a log and returns the fixed log; the input is not changed. The
 * workspace keeps the raw import and the list of fixes, and calls this every time it loads the
 * log, so undoing a fix is removing it from the list.
 */
export function applyFixes(log: EventLog, fixes: readonly QualityFix[]): EventLog {
  let current = log;
  for (const fix of fixes) current = applyFix(current, fix);
  return current;
}

export function applyFix(log: EventLog, fix: QualityFix): EventLog {
  switch (fix.kind) {
    case 'merge_labels':
      return mergeLabels(log, fix.params.map);
    case 'drop_duplicates':
      return dropDuplicates(log);
    case 'drop_incomplete_cases':
      return dropIncompleteCases(log, fix.params);
    case 'set_timezone':
      return setTimezone(log, fix.params.fromZone, fix.params.toZone);
    case 'exclude_bad_timestamps':
      return excludeTimestamps(log, fix.params.notBefore, fix.params.notAfter, fix.params.scope ?? 'events');
    default: {
      const unknown: { kind?: unknown } = fix;
      throw new InputError(`Unknown fix "${String(unknown.kind)}".`, {
        hint: 'Known fixes: merge_labels, drop_duplicates, drop_incomplete_cases, set_timezone, exclude_bad_timestamps.',
      });
    }
  }
}

/**
 * Renames activity labels by `map` (variant → canonical). Chains (a → b, b → c) are followed;
 * a cycle is refused. A canonical label not yet in the log is added, so the user may merge
 * variants into a spelling of their own.
 */
export function mergeLabels(log: EventLog, map: Readonly<Record<string, string>>): EventLog {
  const resolve = (label: string) => mergeTarget(map, label);
  const activities: string[] = [];
  const codeOf = new Map<string, number>();
  const recode = new Int32Array(log.activities.length);
  // A merged label takes the code position of the first label that maps to it.
  for (let code = 0; code < log.activities.length; code++) {
    const target = resolve(log.activities[code]);
    let next = codeOf.get(target);
    if (next === undefined) {
      next = activities.length;
      activities.push(target);
      codeOf.set(target, next);
    }
    recode[code] = next;
  }
  if (activities.length === log.activities.length && activities.every((label, i) => label === log.activities[i]))
    return log;
  const activity = new Int32Array(log.eventCount);
  for (let i = 0; i < log.eventCount; i++) activity[i] = recode[log.activity[i]];
  return compactLog(log, { activity, activities });
}

/** The final spelling `label` merges into, following chains; throws on a cycle. */
function mergeTarget(map: Readonly<Record<string, string>>, label: string): string {
  const seen = new Set<string>([label]);
  let target = label;
  while (Object.hasOwn(map, target) && map[target] !== target) {
    target = map[target];
    if (seen.has(target))
      throw new InputError(`The label merge map has a cycle through "${target}".`, {
        hint: 'Map every variant to one final spelling.',
      });
    seen.add(target);
  }
  return target;
}

export function dropDuplicates(log: EventLog): EventLog {
  const mask = duplicateEventMask(log);
  const keep = new Uint8Array(log.eventCount);
  let dropped = 0;
  for (let i = 0; i < log.eventCount; i++) {
    keep[i] = 1 - mask[i];
    dropped += mask[i];
  }
  return dropped === 0 ? log : compactLog(log, { keep });
}

export function dropIncompleteCases(
  log: EventLog,
  params: { startActivities: string[]; endActivities: string[]; keepRunning: boolean; runningAfter: string | null },
): EventLog {
  const runningAfter = params.runningAfter === null ? Infinity : parseInstant(params.runningAfter, 'runningAfter');
  const classes = classifyCases(log, params.startActivities, params.endActivities, runningAfter);
  const keep = new Uint8Array(log.eventCount);
  for (let c = 0; c < log.caseCount; c++) {
    const k = classes[c];
    if (k === 0 || (k === 3 && params.keepRunning)) keep.fill(1, log.caseStart[c], log.caseStart[c + 1]);
  }
  return compactLog(log, { keep });
}

/**
 * Re-reads naive timestamps: each instant is turned back into the wall-clock time it had in
 * `fromZone` and that wall-clock time is read in `toZone` by the importer's own rule
 * (`wallClockResolver`), so "import in one zone, then fix to another" gives the same instants
 * as importing in the other zone, including the repeated hour when clocks go back. Applies to
 * event and start timestamps; date attributes are left as they are.
 */
export function setTimezone(log: EventLog, fromZone: string, toZone: string): EventLog {
  if (fromZone === toZone) return log;
  const from = new ZoneOffsets(fromZone);
  new ZoneOffsets(toZone); // an unknown zone is an InputError, not a RangeError
  const toInstant = wallClockResolver(toZone);
  const shift = (values: Float64Array) => {
    const out = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const t = values[i];
      out[i] = Number.isFinite(t) ? toInstant(t + from.at(t)) : t;
    }
    return out;
  };
  return compactLog(log, {
    timestamp: shift(log.timestamp),
    startTimestamp: log.startTimestamp ? shift(log.startTimestamp) : null,
  });
}

export function excludeTimestamps(
  log: EventLog,
  notBefore: string | null,
  notAfter: string | null,
  scope: 'events' | 'cases' = 'events',
): EventLog {
  const lo = notBefore === null ? -Infinity : parseInstant(notBefore, 'notBefore');
  const hi = notAfter === null ? Infinity : parseInstant(notAfter, 'notAfter');
  const keep = new Uint8Array(log.eventCount);
  let dropped = 0;
  for (let i = 0; i < log.eventCount; i++) {
    const t = log.timestamp[i];
    const ok = t >= lo && t <= hi ? 1 : 0;
    keep[i] = ok;
    dropped += 1 - ok;
  }
  if (dropped === 0) return log;
  if (scope === 'cases') {
    // A case with one misdated event goes whole, so no finished case turns into a running one.
    for (let c = 0; c < log.caseCount; c++) {
      const from = log.caseStart[c];
      const to = log.caseStart[c + 1];
      if (keep.subarray(from, to).includes(0)) keep.fill(0, from, to);
    }
  }
  return compactLog(log, { keep });
}

function parseInstant(iso: string, name: string): number {
  const t = Date.parse(iso);
  if (Number.isNaN(t))
    throw new InputError(`The fix parameter ${name} "${iso}" is not a date.`, {
      hint: 'Use an ISO 8601 date such as 2024-01-31T00:00:00Z.',
    });
  return t;
}

/** Checks that a value from outside (CLI, API, workspace table) is a fix Gemba knows. */
export function validateFix(value: unknown): QualityFix {
  const bad = (what: string): never => {
    throw new InputError(`Not a valid fix: ${what}.`, {
      hint: 'A fix is {kind, description, params} as the quality report proposes it.',
    });
  };
  if (typeof value !== 'object' || value === null) return bad('expected an object');
  const v = value as { kind?: unknown; description?: unknown; params?: unknown };
  if (typeof v.description !== 'string') bad('description must be text');
  const p = (v.params ?? {}) as Record<string, unknown>;
  if (typeof p !== 'object') bad('params must be an object');
  const isText = (x: unknown) => typeof x === 'string';
  const isTextOrNull = (x: unknown) => x === null || typeof x === 'string';
  const isTextList = (x: unknown) => Array.isArray(x) && x.every(isText);
  switch (v.kind) {
    case 'merge_labels': {
      if (typeof p.map !== 'object' || p.map === null || Array.isArray(p.map) || !Object.values(p.map).every(isText))
        bad('merge_labels needs params.map of label → label');
      const map = p.map as Record<string, string>;
      for (const label of Object.keys(map)) mergeTarget(map, label);
      break;
    }
    case 'drop_duplicates':
      break;
    case 'drop_incomplete_cases':
      if (
        !isTextList(p.startActivities) ||
        !isTextList(p.endActivities) ||
        typeof p.keepRunning !== 'boolean' ||
        !isTextOrNull(p.runningAfter)
      )
        bad('drop_incomplete_cases needs startActivities, endActivities, keepRunning and runningAfter');
      if (p.runningAfter !== null) parseInstant(p.runningAfter as string, 'runningAfter');
      break;
    case 'set_timezone':
      if (!isText(p.fromZone) || !isText(p.toZone)) bad('set_timezone needs fromZone and toZone');
      new ZoneOffsets(p.fromZone as string);
      new ZoneOffsets(p.toZone as string);
      break;
    case 'exclude_bad_timestamps':
      if (!isTextOrNull(p.notBefore) || !isTextOrNull(p.notAfter))
        bad('exclude_bad_timestamps needs notBefore and notAfter (ISO text or null)');
      if (p.notBefore !== null) parseInstant(p.notBefore as string, 'notBefore');
      if (p.notAfter !== null) parseInstant(p.notAfter as string, 'notAfter');
      if (p.scope !== undefined && p.scope !== 'events' && p.scope !== 'cases')
        bad('exclude_bad_timestamps scope must be "events" or "cases"');
      break;
    default:
      bad(`unknown kind "${String(v.kind)}"`);
  }
  return { kind: v.kind, description: v.description, params: p } as QualityFix;
}
