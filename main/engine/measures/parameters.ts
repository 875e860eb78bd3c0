import type { WorkingCalendar } from '../../../preload/api.ts';
import { caseDurationMs, validateCalendar } from '../analysis/index.ts';
import type { EventLog } from '../eventlog/index.ts';
import { InputError } from '../errors.ts';
import type { Completion } from './completion.ts';
import { MS_PER_UNIT, type DefectParameter, type Duration, type MeasureParameters } from './measure-types.ts';

/**
 * The schema's parameters made concrete for one log: what the user chose, and where they left a
 * choice open (null), a suggestion from the log's activity names (Escalate, Reject, Cancel, ...)
 * or its durations, always labelled as such so a tile can say "suggested".
 */

export type ParameterSource = 'chosen' | 'suggested' | 'inferred';

export interface ResolvedParameters {
  endActivities: string[];
  /** null: nothing in the log looks like a defect, and none was chosen. */
  defect: DefectParameter | null;
  /** null: repeating any activity is rework. */
  reworkActivities: string[] | null;
  exceptionActivities: string[];
  escalationActivities: string[];
  slaTarget: Duration | null;
  slaCalendar: WorkingCalendar | null;
  sources: Record<
    'endActivities' | 'defect' | 'reworkActivities' | 'exceptionActivities' | 'escalationActivities' | 'slaTarget',
    ParameterSource
  >;
}

/** Activity names that read as an exception, an escalation or a defect, in several spellings. */
const ESCALATION = /escalat/i;
const EXCEPTION =
  /escalat|reject|cancel|exception|error|fail|complain|dispute|declin|denied|deny|block|overdue|violat|return/i;
const DEFECT = /defect|reject|error|fail|complain|correct|repair|rework|return|nonconform|non-conform/i;

export function suggestedActivities(log: EventLog, pattern: RegExp): string[] {
  return log.activities.filter((a) => pattern.test(a));
}

/**
 * `suggestSla`: suggest a target when none is set (it sorts the completed cases' durations, so
 * only measures that compare against the target ask for it).
 */
export function resolveParameters(
  log: EventLog,
  chosen: MeasureParameters,
  completion: Completion,
  suggestSla = true,
): ResolvedParameters {
  for (const key of ['reworkActivities', 'exceptionActivities', 'escalationActivities'] as const)
    checkActivities(log, chosen[key], key);
  if (chosen.defect && 'activities' in chosen.defect)
    checkActivities(log, chosen.defect.activities, 'defect.activities');
  if (chosen.defect && 'attribute' in chosen.defect) checkAttribute(log, chosen.defect.attribute, 'defect.attribute');
  const defectSuggestion = suggestedActivities(log, DEFECT);
  return {
    endActivities: completion.endActivities,
    defect: chosen.defect ?? (defectSuggestion.length ? { activities: defectSuggestion } : null),
    reworkActivities: chosen.reworkActivities ?? null,
    exceptionActivities: chosen.exceptionActivities ?? suggestedActivities(log, EXCEPTION),
    escalationActivities: chosen.escalationActivities ?? suggestedActivities(log, ESCALATION),
    slaTarget: chosen.slaTarget ?? (suggestSla ? suggestedSlaTarget(log, completion.completed) : null),
    slaCalendar: chosen.slaCalendar ? validateCalendar(chosen.slaCalendar) : null,
    sources: {
      endActivities: completion.source === 'chosen' ? 'chosen' : 'inferred',
      defect: chosen.defect ? 'chosen' : 'suggested',
      reworkActivities: chosen.reworkActivities ? 'chosen' : 'inferred',
      exceptionActivities: chosen.exceptionActivities ? 'chosen' : 'suggested',
      escalationActivities: chosen.escalationActivities ? 'chosen' : 'suggested',
      slaTarget: chosen.slaTarget ? 'chosen' : 'suggested',
    },
  };
}

/** What a user picks parameters from: the log's activities and attributes, with Gemba's suggestions. */
export interface ParameterChoices {
  activities: string[];
  /** Attributes a measure can be split by (case attributes, and event attributes read from a case's first event). */
  attributes: { name: string; level: 'case' | 'event' }[];
  inferredEndActivities: string[];
  suggested: {
    defect: DefectParameter | null;
    exceptionActivities: string[];
    escalationActivities: string[];
    slaTarget: Duration | null;
  };
}

export function parameterChoices(log: EventLog, completion: Completion): ParameterChoices {
  const defect = suggestedActivities(log, DEFECT);
  return {
    activities: [...log.activities],
    attributes: [
      ...log.caseAttributes.map((c) => ({ name: c.name, level: 'case' as const })),
      ...log.eventAttributes.map((c) => ({ name: c.name, level: 'event' as const })),
    ],
    inferredEndActivities: completion.source === 'inferred' ? completion.endActivities : [],
    suggested: {
      defect: defect.length ? { activities: defect } : null,
      exceptionActivities: suggestedActivities(log, EXCEPTION),
      escalationActivities: suggestedActivities(log, ESCALATION),
      slaTarget: suggestedSlaTarget(log, completion.completed),
    },
  };
}

/**
 * A starting SLA target when the user has set none: the 90th percentile of completed cases'
 * durations (nine cases in ten make it), rounded up to whole hours below two days, else to
 * whole days, so it reads like a target someone would write.
 */
export function suggestedSlaTarget(log: EventLog, completed: Uint8Array): Duration | null {
  const durations: number[] = [];
  for (let c = 0; c < log.caseCount; c++) if (completed[c]) durations.push(caseDurationMs(log, c));
  if (durations.length === 0) return null;
  const sorted = Float64Array.from(durations).sort();
  const p90 = sorted[Math.min(sorted.length - 1, Math.ceil(0.9 * sorted.length) - 1)];
  const hours = p90 / MS_PER_UNIT.hours;
  if (hours < 48) return { value: Math.max(1, Math.ceil(hours)), unit: 'hours' };
  return { value: Math.ceil(p90 / MS_PER_UNIT.days), unit: 'days' };
}

export function checkActivities(log: EventLog, names: readonly string[] | null | undefined, what: string): void {
  if (!names) return;
  const unknown = names.filter((a) => !log.activities.includes(a));
  if (unknown.length === 0) return;
  throw new InputError(`${what}: activity ${unknown.map((a) => `"${a}"`).join(', ')} does not occur in the log.`, {
    hint: `Known activities: ${log.activities.slice(0, 12).join(', ')}${log.activities.length > 12 ? ', …' : ''}.`,
  });
}

export function checkAttribute(log: EventLog, name: string, what: string): void {
  if (log.caseAttributes.some((c) => c.name === name) || log.eventAttributes.some((c) => c.name === name)) return;
  const known = [...log.caseAttributes, ...log.eventAttributes].map((c) => c.name);
  throw new InputError(`${what}: the log has no attribute "${name}".`, {
    hint: known.length
      ? `Attributes: ${known.join(', ')}.`
      : 'This log has no attributes besides case, activity, time and resource.',
  });
}
