import { InputError } from '../../main/engine/errors.ts';
import { ensembleFromJson, ensembleToJson } from '../ensemble/index.ts';
import { ensembleToOnnx } from '../onnx/index.ts';
import type { DataBasis, ModelRecord, NewModel } from '../registry/index.ts';
import type { RunningCaseEvaluation } from './evaluate-running-case.ts';
import type { RunningCaseModel } from './running-case-model.ts';
import type { TrainedRunningCaseModel } from './train-running-case.ts';

/** What a running-case model keeps in the registry's `details` besides its trees and encoding. */
export interface RunningCaseDetails {
  formatVersion: 1;
  target: RunningCaseModel['target'];
  endActivities: string[];
  maxPrefixLength: number;
  trainedOn: RunningCaseModel['trainedOn'];
  rounds: number;
  evaluation: RunningCaseEvaluation;
}

/**
 * A trained running-case model as the registry stores it: the ONNX bytes and canonical JSON of
 * its trees, the prefix encoding, and the honest evaluation (test cases, baselines, drift) as
 * details; the headline figures become its metrics.
 */
export function runningCaseNewModel(trained: TrainedRunningCaseModel, basis: DataBasis, trainingMs: number): NewModel {
  const { model, evaluation, rounds } = trained;
  const details: RunningCaseDetails = {
    formatVersion: 1,
    target: model.target,
    endActivities: model.endActivities,
    maxPrefixLength: model.maxPrefixLength,
    trainedOn: model.trainedOn,
    rounds,
    evaluation,
  };
  return {
    kind: model.target.kind,
    onnx: ensembleToOnnx(model.ensemble, { kind: model.target.kind }),
    ensembleJson: ensembleToJson(model.ensemble),
    featureNames: model.ensemble.featureNames,
    encoding: model.encoding,
    details,
    basis,
    metrics: runningCaseMetrics(trained),
    trainingMs,
  };
}

/** The model back from its registry record, ready for `predictForRunningCases`. */
export function runningCaseModelOf(record: ModelRecord): RunningCaseModel {
  const details = record.details as Partial<RunningCaseDetails> | null;
  if (!details || details.formatVersion !== 1 || !details.target) {
    throw new InputError(`Model ${record.label} is not a running-case model this version of Gemba can read.`, { hint: 'Train it again on this workspace.' });
  }
  return {
    formatVersion: 1,
    target: details.target,
    endActivities: details.endActivities ?? [],
    maxPrefixLength: details.maxPrefixLength ?? 40,
    encoding: record.encoding as RunningCaseModel['encoding'],
    ensemble: ensembleFromJson(record.ensembleJson),
    trainedOn: details.trainedOn ?? { cases: 0, rows: 0, from: '', to: '' },
  };
}

function runningCaseMetrics({ model, evaluation, rounds }: TrainedRunningCaseModel): Record<string, number | string | null> {
  const common = { trees: rounds, trainingCases: model.trainedOn.cases, trainingRows: model.trainedOn.rows };
  const target = model.target;
  if (evaluation.kind === 'remaining-time') {
    const wip = evaluation.workInProgress;
    return {
      ...common,
      maeHoursRunningCases: finite(wip.maeHours),
      bestBaseline: wip.bestBaseline.baseline,
      bestBaselineMaeHours: finite(wip.bestBaseline.value),
      improvementOverBestBaseline: finite(wip.improvement),
      maeHoursAtEvents: finite(evaluation.atEvents.maeHours),
      testRows: wip.rows,
    };
  }
  return {
    ...common,
    ...(target.kind === 'sla-breach' ? { slaHours: target.slaHours } : target.kind === 'outcome' ? { outcome: target.activity } : {}),
    auc: finite(evaluation.atEvents.auc),
    brier: finite(evaluation.atEvents.brier),
    aucRunningCases: finite(evaluation.workInProgress.auc),
    precision: finite(evaluation.workInProgress.precision),
    recall: finite(evaluation.workInProgress.recall),
    positiveRate: finite(evaluation.atEvents.positiveRate),
    testRows: evaluation.atEvents.rows,
  };
}

function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
