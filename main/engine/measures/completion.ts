import type { EventLog } from '../eventlog/index.ts';
import { InputError } from '../errors.ts';

/**
 * Completed versus running cases. A case is completed when its last event is an end activity.
 * End activities are inferred unless the user lists them: an activity that closes a fair share of
 * the cases and is (almost) never followed by anything — once it happens, the case is over.
 * A running case (its last event is a mid-process step) has no cycle time or outcome yet, so
 * per-case measures leave it out.
 */

export interface EndActivityRule {
  /** An end activity closes at least this share of the cases (default 1%). */
  minShareOfCases?: number;
  /** And at least this share of its occurrences are a case's last event (default 95%, "never followed" with room for noise). */
  minShareLast?: number;
}

export interface Completion {
  endActivities: string[];
  /** 'inferred' from the log, or 'chosen' by the user (schema parameters or an option). */
  source: 'inferred' | 'chosen';
  /** Per case: 1 = completed. */
  completed: Uint8Array;
  completedCount: number;
  /** Said when no activity qualified and every case is counted as completed. */
  note: string | null;
}

export function inferEndActivities(log: EventLog, rule: EndActivityRule = {}): string[] {
  const minCases = Math.max(1, (rule.minShareOfCases ?? 0.01) * log.caseCount);
  const minLast = rule.minShareLast ?? 0.95;
  const last = new Float64Array(log.activities.length);
  const occurrences = new Float64Array(log.activities.length);
  for (let i = 0; i < log.eventCount; i++) occurrences[log.activity[i]]++;
  for (let c = 0; c < log.caseCount; c++) last[log.activity[log.caseStart[c + 1] - 1]]++;
  const out: string[] = [];
  for (let a = 0; a < log.activities.length; a++) {
    if (last[a] >= minCases && last[a] >= minLast * occurrences[a]) out.push(log.activities[a]);
  }
  return out;
}

/** Which cases are completed, with end activities chosen by the user (null: inferred; []: every case counts as completed). */
export function caseCompletion(
  log: EventLog,
  chosen: readonly string[] | null | undefined,
  rule: EndActivityRule = {},
): Completion {
  if (chosen) {
    const unknown = chosen.filter((a) => !log.activities.includes(a));
    if (unknown.length) {
      throw new InputError(`End activity ${unknown.map((a) => `"${a}"`).join(', ')} does not occur in the log.`, {
        hint: `Choose end activities from: ${log.activities.slice(0, 12).join(', ')}${log.activities.length > 12 ? ', …' : ''}.`,
      });
    }
  }
  const endActivities = chosen ? [...chosen] : inferWithFallback(log, rule);
  const completed = new Uint8Array(log.caseCount);
  if (endActivities.length === 0) {
    completed.fill(1);
    return {
      endActivities,
      source: chosen ? 'chosen' : 'inferred',
      completed,
      completedCount: log.caseCount,
      note: chosen
        ? null
        : 'No activity looks like an end activity (one that closes cases and is never followed), so every case counts as completed; choose end activities to leave running cases out.',
    };
  }
  const isEnd = new Uint8Array(log.activities.length);
  for (const name of endActivities) isEnd[log.activities.indexOf(name)] = 1;
  let count = 0;
  for (let c = 0; c < log.caseCount; c++) {
    completed[c] = isEnd[log.activity[log.caseStart[c + 1] - 1]];
    count += completed[c];
  }
  return {
    endActivities,
    source: chosen ? 'chosen' : 'inferred',
    completed,
    completedCount: count,
    note: smallShareNote(endActivities, count, log.caseCount, chosen ? 'chosen' : 'inferred'),
  };
}

/** Below this share of completed cases, per-case measures describe a minority and the user is told. */
export const SMALL_COMPLETED_SHARE = 0.5;

/**
 * The strict rule (≥ 95% of occurrences last) suits logs whose end step happens once. Where the
 * closing step can also recur mid-case (receipt.xes: "T10 Determine necessity to stop indication"
 * is last in 828 of its 1,283 occurrences), it finds only a rare ending and leaves 39 of 1,434
 * cases completed. When the strict rule leaves fewer than half the cases completed, activities
 * that end at least 5% of the cases and are last in most (over half) of their occurrences count too.
 */
function inferWithFallback(log: EventLog, rule: EndActivityRule): string[] {
  const strict = inferEndActivities(log, rule);
  if (rule.minShareLast !== undefined || completedBy(log, strict) >= SMALL_COMPLETED_SHARE * log.caseCount)
    return strict;
  const relaxed = inferEndActivities(log, {
    minShareOfCases: Math.max(0.05, rule.minShareOfCases ?? 0),
    minShareLast: 0.5 + 1e-9,
  });
  return [...strict, ...relaxed.filter((a) => !strict.includes(a))];
}

function completedBy(log: EventLog, endActivities: readonly string[]): number {
  const isEnd = new Uint8Array(log.activities.length);
  for (const name of endActivities) isEnd[log.activities.indexOf(name)] = 1;
  let count = 0;
  for (let c = 0; c < log.caseCount; c++) count += isEnd[log.activity[log.caseStart[c + 1] - 1]];
  return count;
}

function smallShareNote(
  endActivities: readonly string[],
  completed: number,
  cases: number,
  source: 'inferred' | 'chosen',
): string | null {
  if (cases === 0 || completed >= SMALL_COMPLETED_SHARE * cases) return null;
  const share = ((100 * completed) / cases).toFixed(1);
  const names = endActivities.map((a) => `"${a}"`).join(', ');
  return (
    `Only ${completed.toLocaleString('en')} of ${cases.toLocaleString('en')} cases (${share}%) end with ${source === 'chosen' ? 'the end activities chosen' : 'an end activity found in the log'} (${names}), so only they count as completed: ` +
    `per-case measures (cycle time, SLA, throughput…) describe ${share}% of the cases and the other ${(cases - completed).toLocaleString('en')} count as running. ` +
    'If cases also finish with other activities, choose the end activities in the measures’ parameters.'
  );
}
