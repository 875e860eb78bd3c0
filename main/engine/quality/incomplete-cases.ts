import type { QualityCheck } from '../../../preload/api.ts';
import { caseDurationMs } from '../analysis/index.ts';
import type { EventLog } from '../eventlog/index.ts';
import { ExampleList, caseExample, isoTime, percent, plural, severityByShare } from './check-result.ts';
import { formatDuration } from '../map/index.ts';
import { medianInPlace } from './robust-statistics.ts';

export interface IncompleteCasesOptions {
  /**
   * An activity is a usual start when at least this share of the cases that contain it start
   * with it. A step that normally sits mid-process but opens a few cases (the case was cut off
   * at the export window) falls below it; a rare but genuine alternative start does not.
   */
  usualShare?: number;
  /**
   * An activity is also a usual start (end) when it opens (closes) at least this share of all
   * cases, and at least MIN_FREQUENT_CASES of them: a frequent alternative ending, such as a
   * rejection, is an outcome, not a cut-off. The floor keeps a handful of cases in a small log
   * from declaring any activity usual.
   */
  frequentShare?: number;
  /** Explicit usual start/end activities, overriding the inference (the user's edit). */
  startActivities?: string[];
  endActivities?: string[];
  /** A case with an unusual end whose last event is this close to the end of the log is still running. Default: median case duration (`caseDurationMs`). */
  runningWindowMs?: number;
}

const MIN_FREQUENT_CASES = 20;

export interface UsualEnds {
  startActivities: string[];
  endActivities: string[];
  /** Instant after which a case with an unusual end counts as still running. */
  runningAfter: number;
  runningWindowMs: number;
}

/** Infers the usual start and end activities and the "still running" horizon of a log. */
export function inferUsualEnds(log: EventLog, options: IncompleteCasesOptions = {}): UsualEnds {
  const ratio = options.usualShare ?? 0.5;
  const a = log.activities.length;
  const starts = new Int32Array(a);
  const ends = new Int32Array(a);
  const containing = new Int32Array(a);
  const lastCase = new Int32Array(a).fill(-1);
  const durations = new Float64Array(log.caseCount);
  let logEnd = -Infinity;
  for (let c = 0; c < log.caseCount; c++) {
    const from = log.caseStart[c];
    const to = log.caseStart[c + 1];
    starts[log.activity[from]]++;
    ends[log.activity[to - 1]]++;
    for (let i = from; i < to; i++) {
      const act = log.activity[i];
      if (lastCase[act] !== c) {
        lastCase[act] = c;
        containing[act]++;
      }
    }
    durations[c] = caseDurationMs(log, c);
    if (log.timestamp[to - 1] > logEnd) logEnd = log.timestamp[to - 1];
  }
  const frequent = Math.max(MIN_FREQUENT_CASES, (options.frequentShare ?? 0.05) * log.caseCount);
  const usual = (counts: Int32Array) => {
    const out: string[] = [];
    for (let i = 0; i < a; i++)
      if (counts[i] > 0 && (counts[i] >= ratio * containing[i] || counts[i] >= frequent)) out.push(log.activities[i]);
    return out;
  };
  const window = options.runningWindowMs ?? (log.caseCount > 0 ? medianInPlace(durations) : 0);
  return {
    startActivities: options.startActivities ?? usual(starts),
    endActivities: options.endActivities ?? usual(ends),
    runningAfter: logEnd - window,
    runningWindowMs: window,
  };
}

export type CaseCompleteness = 'complete' | 'unusual_start' | 'unusual_end' | 'running';

/**
 * Per case: 0 complete, 1 unusual start, 2 unusual end (and finished), 3 usual start but still
 * running (unusual end, last event after `runningAfter`). An unusual start wins over the end.
 */
export function classifyCases(
  log: EventLog,
  startActivities: readonly string[],
  endActivities: readonly string[],
  runningAfter: number,
): Uint8Array {
  const isStart = new Uint8Array(log.activities.length);
  const isEnd = new Uint8Array(log.activities.length);
  const index = new Map<string, number>();
  log.activities.forEach((label, i) => index.set(label, i));
  for (const s of startActivities) if (index.has(s)) isStart[index.get(s)!] = 1;
  for (const e of endActivities) if (index.has(e)) isEnd[index.get(e)!] = 1;
  const out = new Uint8Array(log.caseCount);
  for (let c = 0; c < log.caseCount; c++) {
    const first = log.caseStart[c];
    const last = log.caseStart[c + 1] - 1;
    if (isStart[log.activity[first]] === 0) out[c] = 1;
    else if (isEnd[log.activity[last]] === 0) out[c] = log.timestamp[last] >= runningAfter ? 3 : 2;
  }
  return out;
}

/** Cases that do not start with a usual start activity or do not end with a usual end activity. */
export function incompleteCases(log: EventLog, options: IncompleteCasesOptions = {}): QualityCheck {
  const usual = inferUsualEnds(log, options);
  const classes = classifyCases(log, usual.startActivities, usual.endActivities, usual.runningAfter);
  const tally = [0, 0, 0, 0];
  const examples = new ExampleList();
  for (let c = 0; c < log.caseCount; c++) {
    const k = classes[c];
    tally[k]++;
    if (k === 0 || examples.full) continue;
    const first = log.activities[log.activity[log.caseStart[c]]];
    const last = log.activities[log.activity[log.caseStart[c + 1] - 1]];
    const detail =
      k === 1
        ? `starts with "${first}", not a usual start`
        : k === 2
          ? `ends with "${last}", not a usual end`
          : `ends with "${last}" close to the end of the log: probably still running`;
    examples.add(caseExample(log, c, detail));
  }
  const count = tally[1] + tally[2] + tally[3];
  const window = Number.isFinite(usual.runningAfter) ? usual.runningAfter : null;
  return {
    kind: 'incomplete_cases',
    title: 'Incomplete cases',
    severity: severityByShare(count, log.caseCount, 0.2),
    applicable: log.caseCount > 0,
    count,
    unit: 'cases',
    explanation:
      count === 0
        ? 'Every case starts with a usual start activity and ends with a usual end activity.'
        : `${plural(count, 'case')} (${percent(count, log.caseCount)}) look cut off: ${tally[1].toLocaleString('en-US')} start with an unusual activity, ` +
          `${tally[2].toLocaleString('en-US')} end with an unusual one, and ${tally[3].toLocaleString('en-US')} are probably still running ` +
          `(last event after ${window === null ? '—' : isoTime(window)}). Usual starts: ${usual.startActivities.join(', ') || 'none'}; ` +
          `usual ends: ${usual.endActivities.join(', ') || 'none'} (an activity is usual when it opens or closes at least half of the cases that contain it, or at least 5% of all cases (and 20 cases); edit the lists in the fix). ` +
          `Cut-off cases shorten cycle times; running cases (an unusual end within ${formatDuration(usual.runningWindowMs / 1000)}, ` +
          'the median case duration, of the end of the log) are not finished yet.',
    examples: examples.items,
    breakdown: [
      { label: 'unusual start', count: tally[1] },
      { label: 'unusual end', count: tally[2] },
      { label: 'still running', count: tally[3] },
    ],
    fix:
      count === 0
        ? null
        : {
            kind: 'drop_incomplete_cases',
            description:
              tally[3] === 0
                ? `Drop ${plural(tally[1] + tally[2], 'incomplete case')}`
                : `Drop ${plural(tally[1] + tally[2], 'incomplete case')} and ${plural(tally[3], 'running case')}`,
            params: {
              startActivities: usual.startActivities,
              endActivities: usual.endActivities,
              keepRunning: false,
              runningAfter: window === null ? null : isoTime(window),
            },
          },
  };
}
