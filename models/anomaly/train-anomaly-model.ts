import { compactLog, type EventLog } from '../../main/engine/eventlog/index.ts';
import { InputError, throwIfCancelled } from '../../main/engine/errors.ts';
import { machineTimeZone } from '../../main/engine/import/timestamps/index.ts';
import { ensembleToJson, predict } from '../ensemble/index.ts';
import { encodeCases, fitProcessStatistics, medianOf } from '../features/index.ts';
import { ensembleToOnnx } from '../onnx/index.ts';
import { driftReference, type DataBasis, type NewModel } from '../registry/index.ts';
import { ANOMALY_MODEL_KIND, type AnomalyModelDetails } from './anomaly-model.ts';
import { fitTailProbabilityModel } from './tail-probability.ts';

export interface TrainAnomalyOptions {
  /** Where the log came from (import, file hash, fixes, filters): the data fingerprint. */
  basis: Omit<DataBasis, 'cases' | 'events'>;
  /** Cases to train on (1 = keep); all when absent. */
  mask?: Uint8Array | null;
  /**
   * IANA time zone in which hours and weekdays are read; default the machine's zone (as working
   * calendars), so the app and the CLI read the same hours. null: UTC.
   */
  timeZone?: string | null;
}

export interface TrainingHooks {
  /** Called with the phase and the share done (0..1). */
  onProgress?: (phase: string, done: number) => void;
  signal?: AbortSignal;
}

/** A case must have some feature rarer than 1 in this many × training cases to be a finding. */
export const FINDING_RARITY_FACTOR = 10;

/**
 * Trains the case-anomaly model on a log: process statistics, features, the tail-probability
 * ensemble, its ONNX bytes and what scoring and explaining need. Pure (no workspace): the caller
 * stores the result with `ModelRegistry.save`. Runs on a training worker.
 */
export function trainAnomalyModel(log: EventLog, options: TrainAnomalyOptions, hooks: TrainingHooks = {}): NewModel {
  const started = performance.now();
  const progress = hooks.onProgress ?? (() => {});
  const { signal } = hooks;
  const mask = options.mask ?? null;
  let cases = log.caseCount;
  let events = log.eventCount;
  if (mask) {
    cases = 0;
    events = 0;
    for (let c = 0; c < log.caseCount; c++) {
      if (!mask[c]) continue;
      cases++;
      events += log.caseStart[c + 1] - log.caseStart[c];
    }
  }
  if (cases < 50) {
    throw new InputError(`The anomaly model needs at least 50 cases to learn what is usual; ${cases} are selected.`, {
      hint: 'Import a larger log or loosen the filters.',
    });
  }
  progress('measuring what is usual', 0);
  const training = mask ? subLog(log, mask) : log;
  const stats = fitProcessStatistics(training, {
    timeZone: options.timeZone === undefined ? machineTimeZone() : options.timeZone,
    signal,
  });
  throwIfCancelled(signal);
  progress('computing case features', 0.35);
  const matrix = encodeCases(training, stats, { signal });
  throwIfCancelled(signal);
  progress('fitting tail probabilities', 0.6);
  const model = fitTailProbabilityModel(matrix);
  throwIfCancelled(signal);
  progress('scoring the training cases', 0.75);
  const scores = predict(model.ensemble, matrix.values, matrix.rows).raw;
  const sorted = Float64Array.from(scores).sort();
  const scoreQuantiles = Array.from(
    { length: 201 },
    (_, q) => sorted[Math.min(sorted.length - 1, Math.floor((q / 200) * (sorted.length - 1)))],
  );
  const findingThreshold = FINDING_RARITY_FACTOR * matrix.rows;
  let flagged = 0;
  for (const s of scores) if (s >= findingThreshold) flagged++;
  const durationColumn = matrix.features.findIndex((f) => f.name === 'case duration');
  const durations: number[] = [];
  for (let r = 0; r < matrix.rows; r++) durations.push(matrix.values[r * matrix.columns + durationColumn]);
  throwIfCancelled(signal);
  progress('writing the ONNX model', 0.9);
  const details: AnomalyModelDetails = {
    features: matrix.features,
    usual: model.usual,
    scoreQuantiles,
    findingThreshold,
    trainingCases: matrix.rows,
    medianCaseHours: medianOf(durations.filter(Number.isFinite)),
    drift: driftReference(matrix.values, matrix.rows, matrix.columns),
  };
  const onnx = ensembleToOnnx(model.ensemble, { kind: ANOMALY_MODEL_KIND, features: String(matrix.columns) });
  progress('done', 1);
  return {
    kind: ANOMALY_MODEL_KIND,
    onnx,
    ensembleJson: ensembleToJson(model.ensemble),
    featureNames: model.ensemble.featureNames,
    encoding: stats,
    details,
    basis: { ...options.basis, cases, events },
    metrics: {
      model: 'tail-probability ensemble',
      cases: matrix.rows,
      features: matrix.columns,
      trees: model.ensemble.trees.length,
      findingThreshold,
      casesFlagged: flagged,
      shareFlagged: flagged / matrix.rows,
    },
    trainingMs: performance.now() - started,
  };
}

/**
 * The cases of a mask as a log of their own (the engine's compactLog with every event of a kept
 * case kept). The statistics of a filtered view must describe the view, not the whole log.
 */
export function subLog(log: EventLog, mask: Uint8Array): EventLog {
  const keep = new Uint8Array(log.eventCount);
  for (let c = 0; c < log.caseCount; c++) if (mask[c]) keep.fill(1, log.caseStart[c], log.caseStart[c + 1]);
  return compactLog(log, { keep });
}
