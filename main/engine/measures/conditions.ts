import { businessClock, caseBegin, caseEnd } from '../analysis/index.ts';
import type { AttributeColumn, EventLog } from '../eventlog/index.ts';
import { InputError } from '../errors.ts';
import { MS_PER_UNIT, type AttributeMatch, type CaseCondition } from './measure-types.ts';
import { checkActivities, checkAttribute, type ResolvedParameters } from './parameters.ts';

/**
 * Case conditions, the building block of every rate: each evaluates to one flag per case
 * (1 = the case meets it) in one pass over the events.
 */

export interface ConditionContext {
  log: EventLog;
  parameters: ResolvedParameters;
  /** Plain-words remarks for the result, e.g. that no activity looks like an exception. */
  notes: Set<string>;
}

export function evaluateCondition(condition: CaseCondition, ctx: ConditionContext): Uint8Array {
  const { log, parameters } = ctx;
  if ('has' in condition) {
    switch (condition.has) {
      case 'defect': {
        const defect = parameters.defect;
        if (!defect) {
          throw new InputError(
            'No defect is defined: no activity name looks like a defect (reject, error, complaint, …) and none was chosen.',
            {
              hint: 'Choose the defect activities (or an attribute and the values that mark a defect) in the measures’ parameters.',
            },
          );
        }
        if (parameters.sources.defect === 'suggested' && 'activities' in defect)
          ctx.notes.add(suggestedNote('defect', defect.activities));
        return 'activities' in defect
          ? casesContaining(log, defect.activities)
          : casesWithAttribute(log, defect.attribute, defect.values);
      }
      case 'rework':
        return casesRepeating(log, parameters.reworkActivities ?? 'any');
      case 'exception':
        return casesContaining(log, noted(ctx, 'exception'));
      case 'escalation':
        return casesContaining(log, noted(ctx, 'escalation'));
      case 'sla_met': {
        const target = parameters.slaTarget;
        if (!target)
          throw new InputError('No SLA target is set and there is no completed case to suggest one from.', {
            hint: 'Set parameters.slaTarget, e.g. {"value": 48, "unit": "hours"}.',
          });
        return casesWithin(log, target.value * MS_PER_UNIT[target.unit], parameters.slaCalendar);
      }
    }
  }
  if ('contains' in condition) {
    checkActivities(log, condition.contains, 'contains');
    return casesContaining(log, condition.contains);
  }
  if ('repeats' in condition) {
    if (condition.repeats !== 'any') checkActivities(log, condition.repeats, 'repeats');
    return casesRepeating(log, condition.repeats);
  }
  if ('attribute' in condition) return casesWithAttribute(log, condition.attribute, condition.values);
  if ('within' in condition)
    return casesWithin(log, condition.within.value * MS_PER_UNIT[condition.within.unit], parameters.slaCalendar);
  if ('not' in condition) {
    const inner = evaluateCondition(condition.not, ctx);
    for (let c = 0; c < inner.length; c++) inner[c] ^= 1;
    return inner;
  }
  const parts = ('all' in condition ? condition.all : condition.any).map((part) => evaluateCondition(part, ctx));
  const out = new Uint8Array(log.caseCount).fill('all' in condition ? 1 : 0);
  for (const part of parts)
    for (let c = 0; c < out.length; c++) out[c] = 'all' in condition ? out[c] & part[c] : out[c] | part[c];
  return out;
}

/**
 * Which activities a measure counted when the user chose none: Defect rate 5.84% and Exception
 * frequency 0.058 both resting on "Reject Order" must say so, or the two look unrelated.
 */
export function suggestedNote(kind: 'defect' | 'exception' | 'escalation', activities: readonly string[]): string {
  const names = activities.map((a) => `"${a}"`).join(', ');
  return `${kind[0]!.toUpperCase()}${kind.slice(1)}s here are ${names || 'none'}: suggested because the name${activities.length === 1 ? ' reads' : 's read'} as ${kind === 'exception' ? 'an exception' : `a${kind === 'escalation' ? 'n' : ''} ${kind}`}; choose others in the measures’ parameters.`;
}

/** The exception or escalation activities, with a note when they were suggested rather than chosen. */
export function noted(ctx: Pick<ConditionContext, 'parameters' | 'notes'>, kind: 'exception' | 'escalation'): string[] {
  const names = activitiesOf(ctx.parameters, kind);
  const source =
    kind === 'exception' ? ctx.parameters.sources.exceptionActivities : ctx.parameters.sources.escalationActivities;
  if (source === 'suggested') ctx.notes.add(suggestedNote(kind, names));
  return names;
}

/**
 * The exception or escalation activities. None suggested and none chosen is an error, not a rate
 * of zero: a tile showing "0% escalated" because nothing was recognised would be a wrong answer.
 * A chosen empty list means "this process has none" and does give zero.
 */
export function activitiesOf(parameters: ResolvedParameters, kind: 'exception' | 'escalation'): string[] {
  const names = kind === 'exception' ? parameters.exceptionActivities : parameters.escalationActivities;
  const source =
    kind === 'exception' ? parameters.sources.exceptionActivities : parameters.sources.escalationActivities;
  if (names.length === 0 && source === 'suggested') {
    throw new InputError(
      `No activity looks like ${kind === 'exception' ? 'an exception (escalate, reject, cancel, complaint, …)' : 'an escalation'}, and none was chosen.`,
      {
        hint: `Choose the ${kind} activities in the measures’ parameters, or say that this process has none.`,
      },
    );
  }
  return names;
}

export function activityFlags(log: EventLog, names: readonly string[]): Uint8Array {
  const flags = new Uint8Array(log.activities.length);
  for (const name of names) {
    const code = log.activities.indexOf(name);
    if (code >= 0) flags[code] = 1;
  }
  return flags;
}

export function casesContaining(log: EventLog, names: readonly string[]): Uint8Array {
  const flags = activityFlags(log, names);
  const out = new Uint8Array(log.caseCount);
  for (let c = 0; c < log.caseCount; c++) {
    for (let i = log.caseStart[c]; i < log.caseStart[c + 1]; i++) {
      if (flags[log.activity[i]]) {
        out[c] = 1;
        break;
      }
    }
  }
  return out;
}

/** Cases in which one activity (any, or one of those named) happens more than once. */
export function casesRepeating(log: EventLog, names: 'any' | readonly string[]): Uint8Array {
  const flags = names === 'any' ? new Uint8Array(log.activities.length).fill(1) : activityFlags(log, names);
  const seenIn = new Int32Array(log.activities.length).fill(-1);
  const out = new Uint8Array(log.caseCount);
  for (let c = 0; c < log.caseCount; c++) {
    for (let i = log.caseStart[c]; i < log.caseStart[c + 1]; i++) {
      const a = log.activity[i];
      if (!flags[a]) continue;
      if (seenIn[a] === c) {
        out[c] = 1;
        break;
      }
      seenIn[a] = c;
    }
  }
  return out;
}

/** Cases whose case attribute, or any of whose events' attribute, has one of the values. */
export function casesWithAttribute(log: EventLog, name: string, values: readonly AttributeMatch[]): Uint8Array {
  checkAttribute(log, name, 'attribute');
  const out = new Uint8Array(log.caseCount);
  const caseColumn = log.caseAttributes.find((c) => c.name === name);
  if (caseColumn) {
    const match = matcher(caseColumn, values);
    for (let c = 0; c < log.caseCount; c++) out[c] = match(c) ? 1 : 0;
    return out;
  }
  const match = matcher(
    log.eventAttributes.find((c) => c.name === name)!,
    values,
  );
  for (let c = 0; c < log.caseCount; c++) {
    for (let i = log.caseStart[c]; i < log.caseStart[c + 1]; i++) {
      if (match(i)) {
        out[c] = 1;
        break;
      }
    }
  }
  return out;
}

function matcher(column: AttributeColumn, values: readonly AttributeMatch[]): (row: number) => boolean {
  if (column.type === 'string') {
    const wanted = new Set(values.map(String));
    const codes = new Uint8Array(column.dictionary.length);
    column.dictionary.forEach((v, k) => (codes[k] = wanted.has(v) ? 1 : 0));
    return (row) => column.codes[row] >= 0 && codes[column.codes[row]] === 1;
  }
  const numbers = new Set(
    values.map((v) =>
      typeof v === 'boolean'
        ? v
          ? 1
          : 0
        : column.type === 'date' && typeof v === 'string'
          ? Date.parse(v)
          : Number(v),
    ),
  );
  return (row) => numbers.has(column.values[row]);
}

/** Cases that took at most `targetMs` from first start to last end (working time with a calendar). */
export function casesWithin(log: EventLog, targetMs: number, calendar: ResolvedParameters['slaCalendar']): Uint8Array {
  const clock = calendar ? businessClock(calendar) : null;
  const out = new Uint8Array(log.caseCount);
  for (let c = 0; c < log.caseCount; c++) {
    const begin = caseBegin(log, c);
    const end = caseEnd(log, c);
    const ms = clock ? clock(begin, end) * 1000 : end - begin;
    out[c] = ms <= targetMs ? 1 : 0;
  }
  return out;
}
