import { ensembleFromJson, ensembleToJson } from '../ensemble/serialise.ts';
import { ensembleToOnnx } from '../onnx/export-onnx.ts';
import type { DataBasis, ModelRecord, NewModel } from '../registry/registry-types.ts';
import type { PrefixEncoding } from '../features/prefix/prefix-encoding.ts';
import type { ActivityWaitModel, BottleneckModel } from './bottleneck.ts';
import type { RunningCaseEvaluation } from './evaluate-running-case.ts';
import type { RunningCaseModel, RunningCaseTarget } from './running-case-model.ts';

/**
 * Running-case and bottleneck models as registry entries (models/registry) and back. The tree
 * ensemble goes in as ONNX bytes and canonical JSON; the prefix encoding as the encoding; what
 * else scoring needs (target, end activities, longest prefix) and the full evaluation in details.
 */
interface RunningCaseDetails {
  target: RunningCaseTarget;
  endActivities: string[];
  maxPrefixLength: number;
  trainedOn: RunningCaseModel['trainedOn'];
  evaluation: RunningCaseEvaluation;
}

export function runningCaseEntry(
  model: RunningCaseModel,
  evaluation: RunningCaseEvaluation,
  basis: DataBasis,
  trainingMs: number,
): NewModel {
  const details: RunningCaseDetails = {
    target: model.target,
    endActivities: model.endActivities,
    maxPrefixLength: model.maxPrefixLength,
    trainedOn: model.trainedOn,
    evaluation,
  };
  return {
    kind: model.target.kind,
    onnx: ensembleToOnnx(model.ensemble, { target: JSON.stringify(model.target) }),
    ensembleJson: ensembleToJson(model.ensemble),
    featureNames: model.ensemble.featureNames,
    encoding: model.encoding,
    details,
    basis,
    metrics: runningCaseMetrics(evaluation),
    trainingMs,
  };
}

export function runningCaseModelOf(
  record: Pick<ModelRecord, 'ensembleJson' | 'encoding' | 'details'>,
): RunningCaseModel {
  const details = record.details as RunningCaseDetails;
  return {
    formatVersion: 1,
    target: details.target,
    endActivities: details.endActivities,
    maxPrefixLength: details.maxPrefixLength,
    encoding: record.encoding as PrefixEncoding,
    ensemble: ensembleFromJson(record.ensembleJson),
    trainedOn: details.trainedOn,
  };
}

/** The headline figures, flat, as the registry and `gemba train --json` show them. */
export function runningCaseMetrics(e: RunningCaseEvaluation): Record<string, number | string | null> {
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  if (e.kind === 'remaining-time') {
    const bestAtEvents = e.atEvents.baselines.reduce((a, b) => (b.value < a.value ? b : a));
    return {
      testPrefixes: e.atEvents.rows,
      maeHours: finite(e.atEvents.maeHours),
      bestBaseline: bestAtEvents.baseline,
      bestBaselineMaeHours: finite(bestAtEvents.value),
      workInProgressMaeHours: finite(e.workInProgress.maeHours),
      workInProgressBestBaseline: e.workInProgress.bestBaseline.baseline,
      workInProgressBestBaselineMaeHours: finite(e.workInProgress.bestBaseline.value),
      improvementOverBestBaseline: finite(e.workInProgress.improvement),
    };
  }
  return {
    testPrefixes: e.atEvents.rows,
    auc: finite(e.atEvents.auc),
    brier: finite(e.atEvents.brier),
    positiveRate: finite(e.atEvents.positiveRate),
    workInProgressAuc: finite(e.workInProgress.auc),
    workInProgressBrier: finite(e.workInProgress.brier),
    precision: finite(e.workInProgress.precision),
    recall: finite(e.workInProgress.recall),
  };
}

type StoredActivity = Omit<ActivityWaitModel, 'ensemble'> & { ensembleJson: string };

/**
 * A bottleneck model holds one small ensemble per activity. The registry's ONNX and JSON are those
 * of the activity whose wait responds most to load (the top finding); every activity's ensemble
 * is kept as canonical JSON in details.
 */
export function bottleneckEntry(model: BottleneckModel, basis: DataBasis, trainingMs: number): NewModel {
  const top = model.activities[0];
  const activities: StoredActivity[] = model.activities.map(({ ensemble, ...rest }) => ({
    ...rest,
    ensembleJson: ensembleToJson(ensemble),
  }));
  return {
    kind: 'bottleneck',
    onnx: ensembleToOnnx(top.ensemble, { activity: top.activity }),
    ensembleJson: ensembleToJson(top.ensemble),
    featureNames: top.ensemble.featureNames,
    encoding: null,
    details: { endActivities: model.endActivities, timeZone: model.timeZone ?? null, activities },
    basis,
    metrics: {
      activities: model.activities.length,
      topActivity: top.activity,
      topLoadResponseHours: top.loadResponseHours,
      topExplainedShare: top.explainedShare,
    },
    trainingMs,
  };
}

export function bottleneckModelOf(record: Pick<ModelRecord, 'details'>): BottleneckModel {
  const details = record.details as { endActivities: string[]; timeZone?: string | null; activities: StoredActivity[] };
  return {
    formatVersion: 1,
    endActivities: details.endActivities,
    timeZone: details.timeZone ?? null,
    activities: details.activities.map(({ ensembleJson, ...rest }) => ({
      ...rest,
      ensemble: ensembleFromJson(ensembleJson),
    })),
  };
}
