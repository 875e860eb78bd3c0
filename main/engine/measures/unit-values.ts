import { caseBegin, caseEnd } from '../analysis/index.ts';
import type { CaseMask, EventLog } from '../eventlog/index.ts';
import { InputError } from '../errors.ts';
import { activityFlags, evaluateCondition, noted, type ConditionContext } from './conditions.ts';
import { MS_PER_UNIT, UNIT_OF_BLOCK, type DurationUnit, type Measure, type MeasureUnitOf } from './measure-types.ts';
import { checkActivities, checkAttribute } from './parameters.ts';

/**
 * A measure's values, one per unit (completed case, event, resource change), each with the case
 * it belongs to and the instant that places it in a period: the columns every chart point,
 * tile and segment is aggregated from, and the way back from a point to its cases.
 */
export interface UnitValues {
  per: MeasureUnitOf;
  /** In the measure's unit: hours (or the unit chosen) for durations, 0/1 for shares, a count for event counts, 1 per completed case for throughput. */
  value: Float64Array;
  caseIndex: Int32Array;
  /** Epoch ms: a case's end for per-case values, the event's time for per-event values. */
  at: Float64Array;
}

export interface UnitOptions {
  /** Cases kept by the filters in force (1 = kept); null keeps all. */
  mask: CaseMask | null;
  /** Per case: 1 = completed (its last event is an end activity). */
  completed: Uint8Array;
}

export function unitValues(measure: Measure, ctx: ConditionContext, options: UnitOptions): UnitValues {
  const { log } = ctx;
  const definition = measure.definition;
  const per = UNIT_OF_BLOCK[definition.block];
  const keepCase = (c: number) => (options.mask === null || options.mask[c] === 1) && options.completed[c] === 1;
  switch (definition.block) {
    case 'case_duration':
      return caseDurations(log, keepCase, definition.from ?? null, definition.to ?? null, measure.unit as DurationUnit);
    case 'waiting_time':
      return waits(log, options.mask, definition.activity ?? null, measure.unit as DurationUnit);
    case 'handoff_latency':
      return handoffs(log, options.mask, definition.attribute ?? null, measure.unit as DurationUnit);
    case 'cases_completed':
      return perCase(log, per, keepCase, () => 1);
    case 'case_share': {
      const flags = evaluateCondition(definition.condition, ctx);
      return perCase(log, per, keepCase, (c) => flags[c]);
    }
    case 'event_count': {
      const names =
        'activities' in definition.events ? definition.events.activities : noted(ctx, definition.events.has);
      if ('activities' in definition.events) checkActivities(log, names, 'events');
      const flags = activityFlags(log, names);
      return perCase(log, per, keepCase, (c) => {
        let n = 0;
        for (let i = log.caseStart[c]; i < log.caseStart[c + 1]; i++) n += flags[log.activity[i]];
        return n;
      });
    }
  }
}

function perCase(
  log: EventLog,
  per: MeasureUnitOf,
  keep: (c: number) => boolean,
  valueOf: (c: number) => number,
): UnitValues {
  const value = new Float64Array(log.caseCount);
  const caseIndex = new Int32Array(log.caseCount);
  const at = new Float64Array(log.caseCount);
  let n = 0;
  for (let c = 0; c < log.caseCount; c++) {
    if (!keep(c)) continue;
    value[n] = valueOf(c);
    caseIndex[n] = c;
    at[n++] = caseEnd(log, c);
  }
  return { per, value: value.slice(0, n), caseIndex: caseIndex.slice(0, n), at: at.slice(0, n) };
}

/** When an event began: its start time where the log has one, else its completion. */
function eventStart(log: EventLog, i: number): number {
  const start = log.startTimestamp?.[i];
  return start === undefined || Number.isNaN(start) ? log.timestamp[i] : start;
}

/**
 * First event's start (or the first `from` event's start) to last event's end (or the last `to`
 * event's end). A case without the chosen activities, or where `to` ends before `from` starts,
 * has no value.
 */
function caseDurations(
  log: EventLog,
  keep: (c: number) => boolean,
  from: string | null,
  to: string | null,
  unit: DurationUnit,
): UnitValues {
  checkActivities(
    log,
    [from, to].filter((a): a is string => a !== null),
    'case_duration',
  );
  const fromCode = from === null ? -1 : log.activities.indexOf(from);
  const toCode = to === null ? -1 : log.activities.indexOf(to);
  const scale = MS_PER_UNIT[unit];
  return perCaseOptional(log, keep, (c) => {
    let begin = fromCode < 0 ? caseBegin(log, c) : NaN;
    let end = toCode < 0 ? caseEnd(log, c) : NaN;
    for (let i = log.caseStart[c]; i < log.caseStart[c + 1]; i++) {
      if (log.activity[i] === fromCode && Number.isNaN(begin)) begin = eventStart(log, i);
      if (log.activity[i] === toCode) end = log.timestamp[i];
    }
    return end >= begin ? (end - begin) / scale : NaN;
  });
}

function perCaseOptional(log: EventLog, keep: (c: number) => boolean, valueOf: (c: number) => number): UnitValues {
  const all = perCase(log, 'completed case', keep, valueOf);
  let n = 0;
  for (let k = 0; k < all.value.length; k++) {
    if (Number.isNaN(all.value[k])) continue;
    all.value[n] = all.value[k];
    all.caseIndex[n] = all.caseIndex[k];
    all.at[n++] = all.at[k];
  }
  return { per: all.per, value: all.value.slice(0, n), caseIndex: all.caseIndex.slice(0, n), at: all.at.slice(0, n) };
}

/**
 * End of the previous event in the case (by completion) to the start of this one. Work that
 * overlaps the previous event (parallel branches) waited zero, not a negative time.
 */
function waits(log: EventLog, mask: CaseMask | null, activity: string | null, unit: DurationUnit): UnitValues {
  if (activity !== null) checkActivities(log, [activity], 'waiting_time');
  const code = activity === null ? -1 : log.activities.indexOf(activity);
  const wanted = new Uint8Array(log.eventCount);
  if (code < 0) wanted.fill(1);
  else for (let i = 0; i < log.eventCount; i++) wanted[i] = log.activity[i] === code ? 1 : 0;
  return pairs(log, mask, unit, 'event', wanted);
}

/** The wait between consecutive events of a case done by different resources (or attribute values, e.g. departments). */
function handoffs(log: EventLog, mask: CaseMask | null, attribute: string | null, unit: DurationUnit): UnitValues {
  if (attribute === null) return pairs(log, mask, unit, 'resource change', codeChanges(log.resource));
  checkAttribute(log, attribute, 'handoff_latency');
  const column = log.eventAttributes.find((c) => c.name === attribute);
  if (!column)
    throw new InputError(
      `handoff_latency: "${attribute}" is a case attribute; a hand-off needs an attribute of each event, such as a department.`,
    );
  if (column.type === 'string') return pairs(log, mask, unit, 'resource change', codeChanges(column.codes));
  const v = column.values;
  const wanted = new Uint8Array(log.eventCount);
  for (let i = 1; i < v.length; i++)
    wanted[i] = !Number.isNaN(v[i]) && !Number.isNaN(v[i - 1]) && v[i] !== v[i - 1] ? 1 : 0;
  return pairs(log, mask, unit, 'resource change', wanted);
}

/** Per event: 1 where its code differs from the previous event's and neither is missing (-1). */
function codeChanges(codes: Int32Array): Uint8Array {
  const wanted = new Uint8Array(codes.length);
  for (let i = 1; i < codes.length; i++)
    wanted[i] = codes[i] >= 0 && codes[i - 1] >= 0 && codes[i] !== codes[i - 1] ? 1 : 0;
  return wanted;
}

/**
 * One value per event i (not the first of its case) where `wanted[i]` is 1: the wait from event
 * i-1's end to event i's start. The flags are computed first, in loops of their own, so this
 * loop stays the same for every kind of pair.
 */
function pairs(
  log: EventLog,
  mask: CaseMask | null,
  unit: DurationUnit,
  per: MeasureUnitOf,
  wanted: Uint8Array,
): UnitValues {
  const scale = MS_PER_UNIT[unit];
  const value = new Float64Array(log.eventCount);
  const caseIndex = new Int32Array(log.eventCount);
  const at = new Float64Array(log.eventCount);
  const time = log.timestamp;
  const start = log.startTimestamp;
  let n = 0;
  for (let c = 0; c < log.caseCount; c++) {
    if (mask !== null && mask[c] === 0) continue;
    const to = log.caseStart[c + 1];
    for (let i = log.caseStart[c] + 1; i < to; i++) {
      if (wanted[i] === 0) continue;
      const began = start === null || Number.isNaN(start[i]) ? time[i] : start[i];
      const wait = began - time[i - 1];
      value[n] = wait > 0 ? wait / scale : 0;
      caseIndex[n] = c;
      at[n++] = time[i];
    }
  }
  return { per, value: value.slice(0, n), caseIndex: caseIndex.slice(0, n), at: at.slice(0, n) };
}
