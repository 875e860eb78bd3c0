import type { EventLog } from '../../main/engine/eventlog/index.ts';
import { throwIfCancelled } from '../../main/engine/errors.ts';
import { fitPrefixEncoding, type PrefixEncoding } from '../features/prefix/prefix-encoding.ts';
import { encodePrefixes, type FeatureTable } from '../features/prefix/prefix-features.ts';
import {
  completedCasePrefixes,
  latestCasesWithin,
  prefixLengthLimit,
  snapshotRows,
  type PrefixRows,
} from '../features/prefix/prefix-rows.ts';
import { trainGradientBoosting, type GradientBoostingResult } from '../train/gradient-boosting.ts';
import { casesSafeToLearnFrom, completedCases, requireCompletedCases, resolveEndActivities } from './end-activities.ts';
import { evaluateRunningCaseModel, type RunningCaseEvaluation } from './evaluate-running-case.ts';
import { caseHasActivity, remainingSeconds, slaBreached } from './labels.ts';
import {
  activityCode,
  PSEUDO_HUBER_DELTA_HOURS,
  remainingTimeScale,
  rowMajor,
  trainingLabels,
  type RunningCaseModel,
  type RunningCaseTarget,
} from './running-case-model.ts';
import { temporalSplit } from './temporal-split.ts';

/** Waits after an event at which training also looks at a prefix (see `sinceLastEventHours`). */
export const SINCE_LAST_EVENT_HOURS: readonly number[] = [1, 4, 12, 24, 72, 168, 504];

export interface TrainingStep {
  stage: 'features' | 'training' | 'evaluating' | 'final model';
  /** 0..1 over the whole training. */
  fraction: number;
  message: string;
}

export interface TrainRunningCaseOptions {
  /** Activities that end a case; inferred when absent. */
  endActivities?: string[];
  /** About this many snapshots of the work in progress to evaluate on. Default: 12 per case, at most 300,000. */
  targetRows?: number;
  /** At most this many training rows; a larger log trains on its latest cases (default 400,000). */
  maxTrainingRows?: number;
  /** Most trees (early stopping picks fewer). */
  rounds?: number;
  /** IANA time zone for hours and weekdays (the zone people worked in); UTC when absent. */
  timeZone?: string | null;
  /** A case or event attribute to show metrics and the fairness view by. */
  segmentBy?: string;
  onProgress?: (step: TrainingStep) => void;
  signal?: AbortSignal;
}

export interface TrainedRunningCaseModel {
  model: RunningCaseModel;
  evaluation: RunningCaseEvaluation;
  /** Trees kept after early stopping on the later training cases. */
  rounds: number;
}

/**
 * Trains a running-case model, honestly evaluated, as a pure function (no I/O) so a training
 * worker can run it with progress and cancel:
 * 1. completed cases (those that started early enough to have ended: `casesSafeToLearnFrom`) ordered by start; the first 80% train, the rest test; training rows at or
 *    after the first test start are dropped; prefixes up to min(40, p90 case length);
 * 2. within the training cases, the later 20% stop the boosting early;
 * 3. the model is scored on the test cases against the baselines (evaluate-running-case.ts);
 * 4. the model that is returned is refitted on all completed cases with the rounds found in 2,
 *    so it knows the latest behaviour when it scores today's running cases.
 * Training rows are the benchmarks' prefixes at each event. Snapshots of the work in progress at
 * evenly spaced instants (`snapshotRows`, what `gemba predict` faces) were measured as training
 * rows too and lost, on the test cases and on a log cut mid-flight: they weight the rare very
 * long cases by their length and pull every estimate up. They remain the second test set.
 * looks like when someone asks about it.
 */
export function trainRunningCaseModel(
  log: EventLog,
  target: RunningCaseTarget,
  options: TrainRunningCaseOptions = {},
): TrainedRunningCaseModel {
  const progress = (stage: TrainingStep['stage'], fraction: number, message: string) =>
    options.onProgress?.({ stage, fraction, message });
  if (target.kind === 'outcome') activityCode(log, target.activity);
  const endActivities = resolveEndActivities(log, options.endActivities);
  const closes = completedCases(log, endActivities);
  const completed = casesSafeToLearnFrom(log, closes);
  requireCompletedCases(log, closes, completed, endActivities, target.kind);
  const split = temporalSplit(log, completed);
  const inner = temporalSplit(log, split.training);
  const maxPrefixLength = prefixLengthLimit(log, split.training);
  const encoding = fitPrefixEncoding(log, split.training, options.timeZone ?? null);
  const targetRows = options.targetRows ?? Math.min(300_000, 12 * completed.length);

  progress('features', 0, 'Encoding the running cases of the training period');
  const maxRows = options.maxTrainingRows ?? 400_000;
  const fitOptions = { maxLength: maxPrefixLength, before: inner.splitAt, sinceLastEventHours: SINCE_LAST_EVENT_HOURS };
  const fit = labelledRows(
    log,
    encoding,
    closes,
    target,
    completedCasePrefixes(log, latestCasesWithin(log, inner.training, fitOptions, 0.8 * maxRows), fitOptions),
  );
  const valid = labelledRows(
    log,
    encoding,
    closes,
    target,
    completedCasePrefixes(log, inner.test, {
      maxLength: maxPrefixLength,
      before: split.splitAt,
      sinceLastEventHours: SINCE_LAST_EVENT_HOURS,
    }),
  );
  throwIfCancelled(options.signal);

  const rounds = options.rounds ?? 300;
  const loss =
    target.kind !== 'remaining-time' ? 'log-loss' : remainingTimeScale(target) === 'hours' ? 'pseudo-huber' : 'l2';
  const trained = boost(fit, valid, loss, rounds, options, (round) =>
    progress('training', 0.1 + 0.5 * (round / rounds), `Tree ${round} of at most ${rounds}`),
  );

  progress('evaluating', 0.6, 'Scoring the test cases against the baselines');
  const outputLabel = (rows: PrefixRows) => outputLabels(log, rows, target);
  const testAtEvents = completedCasePrefixes(log, split.test, { maxLength: maxPrefixLength });
  const testSnapshots = snapshotRows(log, split.test, { maxLength: maxPrefixLength, targetRows: 0.2 * targetRows });
  const evaluation = evaluateRunningCaseModel(
    log,
    { ensemble: trained.ensemble, target },
    target,
    {
      trainingAtEvents: completedCasePrefixes(log, split.training, {
        maxLength: maxPrefixLength,
        before: split.splitAt,
      }),
      trainingSnapshots: snapshotRows(log, split.training, {
        maxLength: maxPrefixLength,
        before: split.splitAt,
        targetRows: 0.8 * targetRows,
      }),
      testAtEvents: { rows: testAtEvents, table: encodePrefixes(log, testAtEvents, encoding, closes) },
      testSnapshots: { rows: testSnapshots, table: encodePrefixes(log, testSnapshots, encoding, closes) },
      trainingTable: rowsAtTheirEvent(log, fit),
    },
    outputLabel,
    options.segmentBy,
  );
  throwIfCancelled(options.signal);

  progress('final model', 0.7, 'Refitting on every completed case');
  const finalEncoding = fitPrefixEncoding(log, completed, options.timeZone ?? null);
  const allOptions = { maxLength: maxPrefixLength, sinceLastEventHours: SINCE_LAST_EVENT_HOURS };
  const byStart = Int32Array.from(completed).sort(
    (a, b) => log.timestamp[log.caseStart[a]] - log.timestamp[log.caseStart[b]] || a - b,
  );
  const all = labelledRows(
    log,
    finalEncoding,
    closes,
    target,
    completedCasePrefixes(log, latestCasesWithin(log, byStart, allOptions, maxRows), allOptions),
  );
  const final = boost(all, null, loss, Math.max(1, trained.bestRound), options, (round) =>
    progress(
      'final model',
      0.7 + 0.3 * (round / Math.max(1, trained.bestRound)),
      `Tree ${round} of ${trained.bestRound}`,
    ),
  );
  const starts = Array.from(completed, (c) => log.timestamp[log.caseStart[c]]);
  const model: RunningCaseModel = {
    formatVersion: 1,
    target,
    endActivities,
    maxPrefixLength,
    encoding: finalEncoding,
    ensemble: final.ensemble,
    trainedOn: {
      cases: completed.length,
      rows: all.rows.count,
      from: new Date(Math.min(...starts)).toISOString(),
      to: new Date(Math.max(...starts)).toISOString(),
    },
  };
  return { model, evaluation, rounds: trained.bestRound };
}

interface Labelled {
  rows: PrefixRows;
  table: FeatureTable;
  labels: Float64Array;
}

function labelledRows(
  log: EventLog,
  encoding: PrefixEncoding,
  closes: Uint8Array,
  target: RunningCaseTarget,
  rows: PrefixRows,
): Labelled {
  return { rows, table: encodePrefixes(log, rows, encoding, closes), labels: trainingLabels(log, rows, target) };
}

function boost(
  train: Labelled,
  validation: Labelled | null,
  loss: 'l2' | 'log-loss' | 'pseudo-huber',
  rounds: number,
  options: TrainRunningCaseOptions,
  onRound: (round: number) => void,
): GradientBoostingResult {
  return trainGradientBoosting(
    { features: rowMajor(train.table), labels: train.labels, nRows: train.rows.count },
    {
      featureNames: train.table.names,
      loss,
      huberDelta: PSEUDO_HUBER_DELTA_HOURS,
      rounds,
      maxLeaves: 31,
      minDataInLeaf: 40,
      // Stochastic boosting (Friedman 2002): half the rows per tree, half the time, and prefixes of
      // one case are many near-copies, so fewer of them per tree also overfits less.
      subsample: 0.5,
      learningRate: 0.1,
      ...(validation
        ? {
            validation: {
              features: rowMajor(validation.table),
              labels: validation.labels,
              nRows: validation.rows.count,
            },
            earlyStoppingRounds: 20,
          }
        : {}),
      onProgress: (p) => onRound(p.round),
      signal: options.signal,
    },
  );
}

/** The rows of a training table looked at their own event (not hours later), for drift. */
function rowsAtTheirEvent(log: EventLog, data: Labelled): FeatureTable {
  const keep: number[] = [];
  for (let i = 0; i < data.rows.count; i++) {
    if (data.rows.observedAt[i] === log.timestamp[log.caseStart[data.rows.case[i]] + data.rows.length[i] - 1])
      keep.push(i);
  }
  return {
    rows: keep.length,
    names: data.table.names,
    columns: data.table.columns.map((column) => Float32Array.from(keep, (i) => column[i])),
  };
}

/** Labels in the space users read: remaining seconds, or 0/1. */
function outputLabels(log: EventLog, rows: PrefixRows, target: RunningCaseTarget): Float64Array {
  switch (target.kind) {
    case 'remaining-time':
      return remainingSeconds(log, rows);
    case 'sla-breach':
      return Float64Array.from(slaBreached(log, rows, target.slaHours));
    case 'outcome':
      return Float64Array.from(caseHasActivity(log, rows, activityCode(log, target.activity)));
  }
}
