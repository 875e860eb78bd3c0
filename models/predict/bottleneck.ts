import type { EventLog } from '../../main/engine/eventlog/index.ts';
import { InputError, throwIfCancelled } from '../../main/engine/errors.ts';
import { predict } from '../ensemble/predict.ts';
import type { TreeEnsemble } from '../ensemble/tree-ensemble.ts';
import { utcHour } from '../features/prefix/prefix-features.ts';
import { workloadAt } from '../features/prefix/workload.ts';
import { localClock } from '../features/local-clock.ts';
import { trainGradientBoosting } from '../train/gradient-boosting.ts';
import { casesSafeToLearnFrom, completedCases, requireCompletedCases, resolveEndActivities } from './end-activities.ts';
import { transitionProbabilities, waitsOf } from './waits.ts';

/**
 * Bottleneck prediction: for each activity, how its waiting time responds to workload. One
 * small GBDT per activity learns log(1 + wait hours) from the load when the case joined the
 * queue — the cases queued in front of it (open cases whose last step usually leads there,
 * weighted by that probability), arrivals in the last 7 days, open cases, and resources that
 * did the activity in the last 7 days — plus the hour of day and where the case comes from (the
 * wait before Dispatch Shipment differs after Pick Items and after Send Invoice). Its load response is the mean
 * predicted wait with the demand (queue, arrivals, open cases) at their 90th percentiles minus
 * that at their 10th, every row keeping its other values (partial dependence). An activity
 * whose wait is long but load-blind is slow, not a bottleneck that builds up; one whose wait
 * grows with load is where queues will build when work comes in.
 */
export interface BottleneckModel {
  formatVersion: 1;
  endActivities: string[];
  /** IANA zone of "hour joining the queue" (null or absent: UTC). */
  timeZone?: string | null;
  activities: ActivityWaitModel[];
}

export interface ActivityWaitModel {
  activity: string;
  ensemble: TreeEnsemble;
  /** Probability that a case whose last step is `from` goes here next. */
  comesFrom: { from: string; probability: number }[];
  /** Predecessors with a "comes from" feature (waits differ by where the case comes from). */
  predecessors: string[];
  waits: number;
  usualWaitHours: number;
  lowLoadWaitHours: number;
  highLoadWaitHours: number;
  /** highLoadWaitHours − lowLoadWaitHours. */
  loadResponseHours: number;
  /** The 10th and 90th percentiles of each feature in training (demand features only vary in the response). */
  low: number[];
  high: number[];
  /** Share of the variance of later waits (log scale) the model explains (held-out last 20%). */
  explainedShare: number;
}

export interface BottleneckOptions {
  endActivities?: string[];
  /** Activities with fewer waits are skipped (default 50). */
  minWaits?: number;
  rounds?: number;
  /** Each activity learns from at most this many of its latest waits (default 50,000). */
  maxWaitsPerActivity?: number;
  /** IANA time zone for the hour of day (the zone people worked in); UTC when absent. */
  timeZone?: string | null;
  onProgress?: (step: { fraction: number; message: string }) => void;
  signal?: AbortSignal;
}

const DEMAND_FEATURES = 3;

/** Predecessors that get a "comes from" column: the most likely ones, up to this many. */
const MAX_PREDECESSORS = 5;

export function waitFeatureNames(activity: string, predecessors: readonly string[] = []): string[] {
  return [
    `cases queued for ${activity}`,
    'arrivals in the last 7 days',
    'open cases',
    `resources on ${activity} in the last 7 days`,
    'hour joining the queue',
    ...predecessors.map((from) => `comes from ${from}`),
  ];
}

/** The feature row of one wait for activity model `m` (also used to score a running case now). */
export function waitFeatureRow(
  m: Pick<ActivityWaitModel, 'predecessors'>,
  load: { queue: number; arrivals: number; open: number; resources: number; hour: number },
  from: string,
): Float32Array {
  // Models saved before predecessors existed have none (`?? []`): their trees read five features.
  const predecessors = m.predecessors ?? [];
  const row = new Float32Array(5 + predecessors.length);
  row.set([load.queue, load.arrivals, load.open, load.resources, load.hour]);
  const k = predecessors.indexOf(from);
  if (k >= 0) row[5 + k] = 1;
  return row;
}

export function trainBottleneckModel(log: EventLog, options: BottleneckOptions = {}): BottleneckModel {
  const endActivities = resolveEndActivities(log, options.endActivities);
  const closes = completedCases(log, endActivities);
  const cases = casesSafeToLearnFrom(log, closes);
  requireCompletedCases(log, closes, cases, endActivities, 'bottleneck');
  const waits = waitsOf(log, cases);
  if (waits.count === 0)
    throw new InputError('There are no waits between activities to learn from.', {
      hint: 'Bottlenecks need completed cases with more than one event.',
    });
  const transitions = transitionProbabilities(log.activities.length, waits);
  const minWaits = options.minWaits ?? 50;
  const local = localClock(options.timeZone ?? null);
  const models: ActivityWaitModel[] = [];
  const byActivity = Array.from(log.activities, () => [] as number[]);
  for (let k = 0; k < waits.count; k++) byActivity[waits.activity[k]].push(k);
  const candidates = byActivity.map((rows, a) => ({ rows, a })).filter((x) => x.rows.length >= minWaits);
  if (candidates.length === 0) {
    const most = byActivity.reduce((best, rows, a) => (rows.length > byActivity[best].length ? a : best), 0);
    throw new InputError(
      `No activity has the ${minWaits} waits a bottleneck model learns from: the most is ${byActivity[most].length}, before "${log.activities[most]}", among ${cases.length} completed cases.`,
      {
        hint: 'Bottlenecks need more completed cases; if cases end with other activities, name them (--end-activity, or the end activities in Models).',
      },
    );
  }

  candidates.forEach(({ rows: all, a }, done) => {
    throwIfCancelled(options.signal);
    options.onProgress?.({ fraction: done / candidates.length, message: `Waits before ${log.activities[a]}` });
    all.sort((x, y) => waits.queuedAt[x] - waits.queuedAt[y]);
    const rows = all.slice(-(options.maxWaitsPerActivity ?? 50_000));
    // One sweep per activity over its own waits keeps memory at (its waits × activities), not (all waits × activities).
    const load = workloadAt(
      log,
      closes,
      Float64Array.from(rows, (k) => waits.queuedAt[k]),
      { resourcesPerActivity: true },
    );
    const fromCounts = new Float64Array(log.activities.length);
    for (const k of rows) fromCounts[waits.from[k]]++;
    const predecessorCodes = [...fromCounts.keys()]
      .filter((x) => fromCounts[x] >= 0.05 * rows.length && fromCounts[x] < rows.length)
      .sort((x, y) => fromCounts[y] - fromCounts[x] || x - y)
      .slice(0, MAX_PREDECESSORS);
    const predecessors = predecessorCodes.map((x) => log.activities[x]);
    const names = waitFeatureNames(log.activities[a], predecessors);
    const width = names.length;
    const features = new Float32Array(rows.length * width);
    const labels = new Float64Array(rows.length);
    rows.forEach((k, i) => {
      features[i * width] = queueFor(a, transitions, load.waitingAfter, i);
      features[i * width + 1] = load.arrivalsLast7Days[i];
      features[i * width + 2] = load.openCases[i];
      features[i * width + 3] = load.resourcesOnActivityLast7Days![a][i];
      features[i * width + 4] = utcHour(local(waits.queuedAt[k]));
      const p = predecessorCodes.indexOf(waits.from[k]);
      if (p >= 0) features[i * width + 5 + p] = 1;
      labels[i] = Math.log1p(Math.max(0, waits.hours[k]));
    });
    const cut = Math.floor(0.8 * rows.length);
    const trained = trainGradientBoosting(
      { features: features.subarray(0, cut * width), labels: labels.subarray(0, cut), nRows: cut },
      {
        featureNames: names,
        loss: 'l2',
        rounds: options.rounds ?? 100,
        learningRate: 0.1,
        maxLeaves: 8,
        minDataInLeaf: Math.max(20, Math.floor(cut / 50)),
        validation: {
          features: features.subarray(cut * width),
          labels: labels.subarray(cut),
          nRows: rows.length - cut,
        },
        earlyStoppingRounds: 15,
        signal: options.signal,
      },
    );
    const { low, high } = percentiles(features, rows.length, width);
    const [lowWait, highWait] = [low, high].map((level) =>
      meanWaitWithDemandAt(trained.ensemble, features, rows.length, width, level),
    );
    const heldOut = predict(trained.ensemble, features.subarray(cut * width), rows.length - cut).raw;
    models.push({
      activity: log.activities[a],
      ensemble: trained.ensemble,
      comesFrom: transitions
        .map((row, from) => ({ from: log.activities[from], probability: row[a] }))
        .filter((x) => x.probability > 0)
        .sort((x, y) => y.probability - x.probability),
      predecessors,
      waits: rows.length,
      usualWaitHours: median(Float64Array.from(rows, (k) => waits.hours[k])),
      lowLoadWaitHours: lowWait,
      highLoadWaitHours: highWait,
      loadResponseHours: highWait - lowWait,
      low,
      high,
      explainedShare: explained(labels.subarray(cut), heldOut),
    });
  });
  models.sort((x, y) => y.loadResponseHours - x.loadResponseHours);
  return { formatVersion: 1, endActivities, timeZone: options.timeZone ?? null, activities: models };
}

/** Expected cases queued for activity a at workload row k: Σ over last steps X of P(a | X) × open cases waiting after X. */
export function queueFor(a: number, transitions: Float64Array[], waitingAfter: Float32Array[], k: number): number {
  let q = 0;
  for (let x = 0; x < transitions.length; x++) if (transitions[x][a] > 0) q += transitions[x][a] * waitingAfter[x][k];
  return q;
}

function percentiles(features: Float32Array, n: number, width: number): { low: number[]; high: number[] } {
  const low: number[] = [];
  const high: number[] = [];
  for (let f = 0; f < width; f++) {
    const column = Float64Array.from({ length: n }, (_, i) => features[i * width + f]).sort();
    low.push(column[Math.floor(0.1 * (n - 1))]);
    high.push(column[Math.ceil(0.9 * (n - 1))]);
  }
  return { low, high };
}

/** Mean predicted wait (hours) with the demand features set to `level`, other features as observed. */
function meanWaitWithDemandAt(
  ensemble: TreeEnsemble,
  features: Float32Array,
  n: number,
  width: number,
  level: number[],
): number {
  const moved = Float32Array.from(features);
  for (let i = 0; i < n; i++) for (let f = 0; f < DEMAND_FEATURES; f++) moved[i * width + f] = level[f];
  const { raw } = predict(ensemble, moved, n);
  let sum = 0;
  for (const r of raw) sum += Math.expm1(Math.max(0, r));
  return n ? sum / n : 0;
}

function median(xs: Float64Array): number {
  const s = Float64Array.from(xs).sort();
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function explained(actual: Float64Array, predicted: Float64Array): number {
  if (actual.length < 2) return 0;
  let mean = 0;
  for (const y of actual) mean += y;
  mean /= actual.length;
  let total = 0;
  let residual = 0;
  for (let i = 0; i < actual.length; i++) {
    total += (actual[i] - mean) ** 2;
    residual += (actual[i] - predicted[i]) ** 2;
  }
  return total > 0 ? Math.max(0, 1 - residual / total) : 0;
}
