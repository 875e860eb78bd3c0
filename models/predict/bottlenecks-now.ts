import type { EventLog } from '../../main/engine/eventlog/index.ts';
import { predict } from '../ensemble/predict.ts';
import { treeShap } from '../explain/tree-shap.ts';
import { utcHour } from '../features/prefix/prefix-features.ts';
import { workloadAt } from '../features/prefix/workload.ts';
import { localClock } from '../features/local-clock.ts';
import { waitFeatureRow, type ActivityWaitModel, type BottleneckModel } from './bottleneck.ts';
import { completedCases, resolveEndActivities } from './end-activities.ts';
import type { Contribution } from './predict-running.ts';
import { casesWhere } from './temporal-split.ts';

/**
 * Where waits will build: each activity's wait model applied to the workload now, against its
 * usual wait, with the running cases heading there (their last step usually leads to it).
 * A finding of kind `bottleneck` per activity, highest load response first.
 */
export interface BottleneckFinding {
  id: string;
  kind: 'bottleneck';
  activity: string;
  /** Hours the wait grows from low (p10) to high (p90) demand: how much load matters here. */
  score: number;
  /** Share of the variance of later waits the model explains (held out). */
  confidence: number;
  /**
   * Predicted wait in hours at `asOf` = baseValue + Σ contribution. The trees learn log(1 + hours);
   * each contribution is the hours its step adds when the features' log-scale contributions are
   * added in the order listed (main first), so the waterfall reads in hours and still sums exactly.
   */
  prediction: number;
  baseValue: number;
  explanation: Contribution[];
  conditions: string[];
  kpiEffect: {
    expectedWaitNowHours: number;
    usualWaitHours: number;
    lowLoadWaitHours: number;
    highLoadWaitHours: number;
    /** Running cases whose next step is most likely this activity. */
    casesHeadingThere: number;
    /** Extra waiting in hours those cases face now against the usual wait. */
    addedWaitingHours: number;
    /** The moment the workload is read at (ISO, UTC): see latestWorkInProgress. */
    workloadAsOf: string;
  };
  /** Up to 20 of those running cases, most likely first, each with its expected wait now. */
  cases: { case: string; comesFrom: string; expectedWaitHours: number }[];
  /** True when the wait now is expected at least 1.5 × the usual one. */
  buildingUp: boolean;
}

/** A load response below this many hours (3 minutes) is no bottleneck: the finding is dropped. */
export const LEAST_LOAD_RESPONSE_HOURS = 0.05;

/**
 * The moment to read the workload at: the last case start at which at least the usual number of
 * cases (the median at case starts) was open. A log cut while work is in progress gives a moment
 * at its very end; a log where every case has completed (an extract closed after the fact) has no
 * work in progress at its end, where every queue reads 0 and every finding would say so.
 */
export function latestWorkInProgress(log: EventLog, closes: Uint8Array): number {
  const marks: { at: number; step: number }[] = [];
  let latest = -Infinity;
  for (let c = 0; c < log.caseCount; c++) {
    const first = log.caseStart[c];
    const end = log.caseStart[c + 1];
    if (end === first) continue;
    latest = Math.max(latest, log.timestamp[end - 1]);
    marks.push({ at: log.timestamp[first], step: 1 });
    if (closes[c]) marks.push({ at: log.timestamp[end - 1], step: -1 });
  }
  if (marks.length === 0) return latest;
  // Ends before starts at the same instant: a case that ends as another starts is not both open.
  marks.sort((x, y) => x.at - y.at || x.step - y.step);
  const atStarts: number[] = [];
  let open = 0;
  for (const m of marks) {
    open += m.step;
    if (m.step > 0) atStarts.push(open);
  }
  const usual = [...atStarts].sort((x, y) => x - y)[Math.floor((atStarts.length - 1) / 2)];
  open = 0;
  let when = latest;
  for (const m of marks) {
    open += m.step;
    if (m.step > 0 && open >= usual) when = m.at;
  }
  return when;
}

/** Log-scale contributions turned into hours added step by step (in the order given), base first. */
export function hoursStepByStep(
  baseLog: number,
  contributions: readonly number[],
): { baseHours: number; hours: number[] } {
  let level = baseLog;
  const hours = contributions.map((c) => {
    const before = Math.expm1(level);
    level += c;
    return Math.expm1(level) - before;
  });
  return { baseHours: Math.expm1(baseLog), hours };
}

export function bottlenecksNow(
  log: EventLog,
  model: BottleneckModel,
  options: { now?: number; endActivities?: string[] } = {},
): BottleneckFinding[] {
  const endActivities = resolveEndActivities(log, options.endActivities ?? model.endActivities);
  const closes = completedCases(log, endActivities);
  const now = options.now ?? latestWorkInProgress(log, closes);
  const load = workloadAt(log, closes, Float64Array.of(now), { resourcesPerActivity: true });
  // Cases in progress at `now`: started by then, and not yet at their last event if they completed.
  const running = casesWhere(closes, 0).filter(
    (c) => log.caseStart[c + 1] > log.caseStart[c] && log.timestamp[log.caseStart[c]] <= now,
  );
  const codeOf = new Map(log.activities.map((a, i) => [a, i]));

  const findings = model.activities.map((m) => {
    const a = codeOf.get(m.activity) ?? -1;
    let queue = 0;
    for (const { from, probability } of m.comesFrom) {
      const x = codeOf.get(from);
      if (x !== undefined) queue += probability * load.waitingAfter[x][0];
    }
    const loadNow = {
      queue,
      arrivals: load.arrivalsLast7Days[0],
      open: load.openCases[0],
      resources: a >= 0 ? load.resourcesOnActivityLast7Days![a][0] : 0,
      hour: utcHour(localClock(model.timeZone ?? null)(now)),
    };
    const heading = headingThere(log, running, m).map(({ c, from }) => {
      const wait = Math.expm1(Math.max(0, predict(m.ensemble, waitFeatureRow(m, loadNow, from), 1).raw[0]));
      return { case: log.caseIds[c], comesFrom: from, expectedWaitHours: wait };
    });
    // The finding explains the wait now for the first case heading there, else for the commonest way in.
    const row = waitFeatureRow(m, loadNow, heading[0]?.comesFrom ?? m.predecessors[0] ?? '');
    const raw = predict(m.ensemble, row, 1).raw[0];
    const shap = treeShap(m.ensemble, row, 1);
    const expected = Math.expm1(Math.max(0, raw));
    const onLogScale = m.ensemble.featureNames
      .map((feature, f) => ({ feature, value: row[f], contribution: shap.contributions[f] }))
      .sort((x, y) => Math.abs(y.contribution) - Math.abs(x.contribution));
    const inHours = hoursStepByStep(
      shap.baseValue,
      onLogScale.map((x) => x.contribution),
    );
    const explanation = onLogScale.map((x, k) => ({ ...x, contribution: inHours.hours[k] }));
    return {
      id: `bottleneck:${m.activity}`,
      kind: 'bottleneck' as const,
      activity: m.activity,
      score: m.loadResponseHours,
      confidence: m.explainedShare,
      prediction: inHours.baseHours + inHours.hours.reduce((sum, h) => sum + h, 0),
      baseValue: inHours.baseHours,
      explanation,
      conditions: conditionsInWords(m, row),
      kpiEffect: {
        expectedWaitNowHours: expected,
        usualWaitHours: m.usualWaitHours,
        lowLoadWaitHours: m.lowLoadWaitHours,
        highLoadWaitHours: m.highLoadWaitHours,
        casesHeadingThere: heading.length,
        addedWaitingHours: heading.reduce((sum, h) => sum + Math.max(0, h.expectedWaitHours - m.usualWaitHours), 0),
        workloadAsOf: new Date(now).toISOString(),
      },
      cases: heading.slice(0, 20),
      buildingUp: expected >= 1.5 * m.usualWaitHours,
    };
  });
  // An activity whose wait does not grow with load is no finding (a score of 0.00 h, as the trial saw).
  return findings.filter((f) => f.score >= LEAST_LOAD_RESPONSE_HOURS);
}

/** Running cases whose last step leads to this activity at least half the time, most likely first. */
function headingThere(log: EventLog, running: Int32Array, m: ActivityWaitModel): { c: number; from: string }[] {
  const probability = new Map(m.comesFrom.map((x) => [x.from, x.probability]));
  return Array.from(running)
    .map((c) => {
      const from = log.activities[log.activity[log.caseStart[c + 1] - 1]];
      return { c, from, p: probability.get(from) ?? 0 };
    })
    .filter((x) => x.p >= 0.5)
    .sort((x, y) => y.p - x.p || x.c - y.c);
}

const round = (x: number) => (Math.abs(x) >= 10 ? x.toFixed(0) : x.toFixed(1));

/** "cases queued for Pick Items = 41, usual ≤ 18": the demand features beyond their usual range. */
function conditionsInWords(m: ActivityWaitModel, row: Float32Array): string[] {
  const out: string[] = [];
  m.ensemble.featureNames.slice(0, 3).forEach((name, f) => {
    if (row[f] > m.high[f]) out.push(`${name} = ${round(row[f])}, usual ≤ ${round(m.high[f])}`);
    else if (row[f] < m.low[f]) out.push(`${name} = ${round(row[f])}, usual ≥ ${round(m.low[f])}`);
  });
  out.push(
    `waiting before ${m.activity}: ${round(m.lowLoadWaitHours)} h at low load, ${round(m.highLoadWaitHours)} h at high load (usual ${round(m.usualWaitHours)} h)`,
  );
  return out;
}
