import type { EventLog } from '../../main/engine/eventlog/index.ts';
import { InputError } from '../../main/engine/errors.ts';
import { caseCompletion, inferEndActivities } from '../../main/engine/measures/index.ts';

/**
 * Which activities close a case, for running-case models. A case is running (still in progress)
 * when its last event is not one of them. Inference is the measures' (one definition of
 * "completed" everywhere): an activity that closes a fair share of cases and is almost never
 * followed by anything.
 */
export { inferEndActivities } from '../../main/engine/measures/index.ts';

/** Codes of the given end activities, refusing names the log does not contain. */
export function endActivityCodes(log: EventLog, names: readonly string[]): Int32Array {
  return Int32Array.from(
    names.map((name) => {
      const code = log.activities.indexOf(name);
      if (code < 0) {
        throw new InputError(`"${name}" is not an activity of this log, so it cannot mark the end of a case.`, {
          hint: `Pick one of: ${log.activities.slice(0, 12).join(', ')}${log.activities.length > 12 ? ', …' : ''}.`,
        });
      }
      return code;
    }),
  );
}

/** Per case: 1 when its last event is an end activity (the case is complete), else 0. */
export function completedCases(log: EventLog, endActivities: readonly string[]): Uint8Array {
  endActivityCodes(log, endActivities);
  return caseCompletion(log, endActivities).completed;
}

/** The end activities to use: the user's, else inferred; a log with none is refused plainly. */
export function resolveEndActivities(log: EventLog, given: readonly string[] | undefined): string[] {
  if (given && given.length > 0) {
    endActivityCodes(log, given);
    return [...given];
  }
  const inferred = inferEndActivities(log);
  if (inferred.length === 0) {
    throw new InputError(
      'Gemba cannot tell which activity ends a case in this log: no activity ends cases consistently.',
      {
        hint: 'Name it with --end-activity (for example --end-activity "Close Order").',
      },
    );
  }
  return inferred;
}

/**
 * Completed cases that can be learned from without the end-of-log bias: near the end of a log,
 * the cases that already completed are the quick ones (the slow ones are still running), so a
 * model trained or tested on them would learn that cases are short. Only cases that started at
 * least the 99th-percentile case duration before the last event are kept; that duration is taken
 * from the cases of the log's first half, which had all the time they needed to end.
 */
export function casesSafeToLearnFrom(log: EventLog, closes: Uint8Array): Int32Array {
  let first = Infinity;
  let last = -Infinity;
  for (let c = 0; c < log.caseCount; c++) {
    if (log.caseStart[c + 1] === log.caseStart[c]) continue;
    first = Math.min(first, log.timestamp[log.caseStart[c]]);
    last = Math.max(last, log.timestamp[log.caseStart[c + 1] - 1]);
  }
  const middle = first + (last - first) / 2;
  const durations: number[] = [];
  for (let c = 0; c < log.caseCount; c++) {
    if (closes[c] && log.timestamp[log.caseStart[c]] <= middle)
      durations.push(log.timestamp[log.caseStart[c + 1] - 1] - log.timestamp[log.caseStart[c]]);
  }
  durations.sort((a, b) => a - b);
  const p99 = durations.length ? durations[Math.min(durations.length - 1, Math.ceil(0.99 * durations.length) - 1)] : 0;
  const latestStart = last - p99;
  const kept: number[] = [];
  for (let c = 0; c < log.caseCount; c++) if (closes[c] && log.timestamp[log.caseStart[c]] <= latestStart) kept.push(c);
  return Int32Array.from(kept);
}

/** The fewest completed cases a running-case or bottleneck model learns from: below it the test split has a handful of cases. */
export const MIN_COMPLETED_CASES = 50;

/**
 * Refuses, in words, a log with too few completed cases to learn from (receipt.xes with its
 * inferred end activity has 39 of 1,434): an InputError, which training reports as a model
 * skipped with this reason, never a crash.
 */
export function requireCompletedCases(
  log: EventLog,
  closes: Uint8Array,
  safe: Int32Array,
  endActivities: readonly string[],
  model: string,
): void {
  if (safe.length >= MIN_COMPLETED_CASES) return;
  let completed = 0;
  for (let c = 0; c < log.caseCount; c++) completed += closes[c];
  const ends = endActivities.map((a) => `"${a}"`).join(', ');
  throw new InputError(
    `The ${model} model needs at least ${MIN_COMPLETED_CASES} completed cases to learn from; with ${ends} as the end ${endActivities.length === 1 ? 'activity' : 'activities'} the log has ${completed} completed of ${log.caseCount}` +
      (safe.length < completed
        ? ` (${safe.length} of them started early enough to be learned from without favouring quick cases).`
        : '.'),
    {
      hint: 'If cases end with other activities, name them (--end-activity on the command line, the end activities in Models).',
    },
  );
}
