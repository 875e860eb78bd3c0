import type { EventLog } from '../../main/engine/eventlog/index.ts';
import { predict } from '../ensemble/predict.ts';
import type { FeatureTable } from '../features/prefix/prefix-features.ts';
import type { PrefixRows } from '../features/prefix/prefix-rows.ts';
import { BASELINES, fitBaselines, type BaselineName } from './baselines.ts';
import { probabilityBySegment, regressionBySegment, segmentRows, type SegmentFigures } from './fairness.ts';
import {
  areaUnderRoc,
  brierScore,
  maeByPrefixLength,
  meanAbsoluteError,
  populationStabilityIndex,
  precisionRecall,
} from './metrics.ts';
import { outputOf, rowMajor, type RunningCaseModel, type RunningCaseTarget } from './running-case-model.ts';

const HOUR = 3600;

/**
 * Rows of the test cases (the later 20% by start), and of the training cases for the baselines,
 * in the two ways a running case is looked at: at each event (the benchmarks' prefixes) and as
 * the work in progress at evenly spaced instants.
 */
export interface EvaluationRows {
  trainingAtEvents: PrefixRows;
  trainingSnapshots: PrefixRows;
  testAtEvents: { rows: PrefixRows; table: FeatureTable };
  testSnapshots: { rows: PrefixRows; table: FeatureTable };
  /** Training features of prefixes looked at their event, for drift against the test period's (same sampling). */
  trainingTable: FeatureTable;
}

export interface BaselineScore {
  baseline: string;
  value: number;
}

export interface RemainingTimeEvaluation {
  kind: 'remaining-time';
  /** Test prefixes at each event (Teinemaa et al. 2019). */
  atEvents: {
    rows: number;
    maeHours: number;
    baselines: BaselineScore[];
    byPrefixLength: {
      length: number;
      rows: number;
      maeHours: number;
      bestBaselineMaeHours: number;
      baselines: BaselineScore[];
    }[];
  };
  /** Test cases as work in progress at evenly spaced instants: what `gemba predict` faces. */
  workInProgress: {
    rows: number;
    maeHours: number;
    baselines: BaselineScore[];
    bestBaseline: BaselineScore;
    improvement: number;
  };
  segments?: SegmentFigures[];
  drift: { feature: string; psi: number }[];
}

export interface ProbabilityEvaluation {
  kind: 'sla-breach' | 'outcome';
  atEvents: {
    rows: number;
    auc: number;
    brier: number;
    positiveRate: number;
    baselines: { baseline: string; auc: number; brier: number }[];
    byPrefixLength: { length: number; rows: number; auc: number }[];
  };
  workInProgress: {
    rows: number;
    auc: number;
    brier: number;
    precision: number;
    recall: number;
    positiveRate: number;
    flagRate: number;
  };
  segments?: SegmentFigures[];
  drift: { feature: string; psi: number }[];
}

export type RunningCaseEvaluation = RemainingTimeEvaluation | ProbabilityEvaluation;

/** The model's predictions (remaining seconds or probabilities) for encoded rows. */
export function predictRows(model: Pick<RunningCaseModel, 'ensemble' | 'target'>, table: FeatureTable): Float64Array {
  const { output } = predict(model.ensemble, rowMajor(table), table.rows);
  return output.map((v) => outputOf(model.target, v));
}

export function evaluateRunningCaseModel(
  log: EventLog,
  model: Pick<RunningCaseModel, 'ensemble' | 'target'>,
  target: RunningCaseTarget,
  rows: EvaluationRows,
  label: (rows: PrefixRows) => Float64Array,
  segmentBy?: string,
): RunningCaseEvaluation {
  const atEvents = rows.testAtEvents;
  const wip = rows.testSnapshots;
  const drift = featureDrift(rows.trainingTable, atEvents.table);
  const predictedAtEvents = predictRows(model, atEvents.table);
  const predictedWip = predictRows(model, wip.table);
  const actualAtEvents = label(atEvents.rows);
  const actualWip = label(wip.rows);
  const fromEvents = fitBaselines(log, rows.trainingAtEvents, label(rows.trainingAtEvents));
  const segments = segmentBy ? segmentRows(log, wip.rows, segmentBy) : null;

  if (target.kind === 'remaining-time') {
    const fromSnapshots = fitBaselines(log, rows.trainingSnapshots, label(rows.trainingSnapshots));
    const atEventBaselines = BASELINES.map((name) => ({
      name,
      predicted: fromEvents.predict(name, log, atEvents.rows),
    }));
    const perLength = maeByPrefixLength(predictedAtEvents, actualAtEvents, atEvents.rows.length);
    const baselinePerLength = atEventBaselines.map((b) =>
      maeByPrefixLength(b.predicted, actualAtEvents, atEvents.rows.length),
    );
    const wipBaselines = remainingTimeBaselinesForWip(log, wip.rows, fromEvents, fromSnapshots).map(
      ({ baseline, predicted }) => ({
        baseline,
        value: meanAbsoluteError(predicted, actualWip) / HOUR,
      }),
    );
    const best = wipBaselines.reduce((a, b) => (b.value < a.value ? b : a));
    const maeHours = meanAbsoluteError(predictedWip, actualWip) / HOUR;
    return {
      kind: 'remaining-time',
      atEvents: {
        rows: atEvents.rows.count,
        maeHours: meanAbsoluteError(predictedAtEvents, actualAtEvents) / HOUR,
        baselines: atEventBaselines.map((b) => ({
          baseline: b.name,
          value: meanAbsoluteError(b.predicted, actualAtEvents) / HOUR,
        })),
        byPrefixLength: perLength.map((p, k) => ({
          length: p.length,
          rows: p.rows,
          maeHours: p.mae / HOUR,
          bestBaselineMaeHours: Math.min(...baselinePerLength.map((b) => b[k].mae)) / HOUR,
          baselines: atEventBaselines.map((b, j) => ({ baseline: b.name, value: baselinePerLength[j][k].mae / HOUR })),
        })),
      },
      workInProgress: {
        rows: wip.rows.count,
        maeHours,
        baselines: wipBaselines,
        bestBaseline: best,
        improvement: 1 - maeHours / best.value,
      },
      ...(segments ? { segments: regressionBySegment(segments, predictedWip, actualWip) } : {}),
      drift,
    };
  }

  const perLength = groupAuc(predictedAtEvents, actualAtEvents, atEvents.rows.length);
  const confusion = precisionRecall(predictedWip, actualWip);
  return {
    kind: target.kind,
    atEvents: {
      rows: atEvents.rows.count,
      auc: areaUnderRoc(predictedAtEvents, actualAtEvents),
      brier: brierScore(predictedAtEvents, actualAtEvents),
      positiveRate: mean(actualAtEvents),
      baselines: BASELINES.map((name) => {
        const p = fromEvents.predict(name, log, atEvents.rows);
        return { baseline: name, auc: areaUnderRoc(p, actualAtEvents), brier: brierScore(p, actualAtEvents) };
      }),
      byPrefixLength: perLength,
    },
    workInProgress: {
      rows: wip.rows.count,
      auc: areaUnderRoc(predictedWip, actualWip),
      brier: brierScore(predictedWip, actualWip),
      precision: confusion.precision,
      recall: confusion.recall,
      positiveRate: mean(actualWip),
      flagRate: wip.rows.count ? confusion.flagged / wip.rows.count : NaN,
    },
    ...(segments ? { segments: probabilityBySegment(segments, predictedWip, actualWip) } : {}),
    drift,
  };
}

/**
 * Every fair way a baseline can answer for a case looked at mid-wait: its at-event estimate as
 * is, that estimate less the time already waited since the last event (never below 0), and the
 * baseline fitted on the training work in progress itself. The best of them is the bar.
 */
export function remainingTimeBaselinesForWip(
  log: EventLog,
  rows: PrefixRows,
  fromEvents: ReturnType<typeof fitBaselines>,
  fromSnapshots: ReturnType<typeof fitBaselines>,
): { baseline: string; predicted: Float64Array }[] {
  const out: { baseline: string; predicted: Float64Array }[] = [];
  const waited = Float64Array.from(
    { length: rows.count },
    (_, i) => (rows.observedAt[i] - log.timestamp[log.caseStart[rows.case[i]] + rows.length[i] - 1]) / 1000,
  );
  for (const name of BASELINES as readonly BaselineName[]) {
    const atEvent = fromEvents.predict(name, log, rows);
    out.push({ baseline: name, predicted: atEvent });
    out.push({
      baseline: `${name}, less the time since the last event`,
      predicted: atEvent.map((p, i) => Math.max(0, p - waited[i])),
    });
    out.push({ baseline: `${name}, fitted on work in progress`, predicted: fromSnapshots.predict(name, log, rows) });
  }
  return out;
}

function groupAuc(
  predicted: Float64Array,
  actual: Float64Array,
  lengths: Int32Array,
): { length: number; rows: number; auc: number }[] {
  const byLength = new Map<number, number[]>();
  lengths.forEach((l, i) => {
    const list = byLength.get(l) ?? [];
    list.push(i);
    byLength.set(l, list);
  });
  return [...byLength.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([length, idx]) => ({
      length,
      rows: idx.length,
      auc: areaUnderRoc(
        idx.map((i) => predicted[i]),
        idx.map((i) => actual[i]),
      ),
    }));
}

/**
 * PSI of every feature, training period against the test period; the ten that moved most. Both
 * tables must sample prefixes the same way (e.g. at their events), or the sampling itself shows
 * up as drift.
 */
export function featureDrift(
  training: FeatureTable,
  recent: FeatureTable,
  top = 10,
): { feature: string; psi: number }[] {
  return training.names
    .map((feature, f) => ({ feature, psi: populationStabilityIndex(training.columns[f], recent.columns[f]) }))
    .sort((a, b) => b.psi - a.psi)
    .slice(0, top);
}

function mean(xs: Float64Array): number {
  let s = 0;
  for (const x of xs) s += x;
  return xs.length ? s / xs.length : NaN;
}
