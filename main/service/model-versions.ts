import type {
  BaselineFigure,
  FeatureDriftFigure,
  LogBasis,
  ModelVersionInfo,
  TrainableModel,
} from '../../preload/api.ts';
import type { EventLog } from '../engine/eventlog/index.ts';
import { driftSince } from '../../models/anomaly/index.ts';
import { losesToBaseline, type RunningCaseEvaluation } from '../../models/predict/index.ts';
import type { ModelRecord } from '../../models/registry/index.ts';

/** What a running-case model keeps in `details` (models/predict/registry-models.ts): its evaluation among the rest. */
type WithEvaluation = { evaluation?: RunningCaseEvaluation } | null;

/** Drift figures shown per model: the features that moved most. */
const DRIFT_SHOWN = 10;

/** The basis of a model as the UI shows it (counts of fixes and filters, not their bodies). */
export function basisSummary(record: Pick<ModelRecord, 'basis'>): ModelVersionInfo['basis'] {
  const b = record.basis;
  return {
    importId: b.importId,
    fileName: b.fileName,
    sha256: b.sha256,
    cases: b.cases,
    events: b.events,
    fixes: b.fixesInForce.length,
    filters: b.filters.length,
  };
}

/** True when the log now in use is not the one the model saw (another import, other fixes). */
export function isStale(record: Pick<ModelRecord, 'basis'>, current: LogBasis): boolean {
  const fixes = (ids: number[]) => ids.sort((a, b) => a - b).join(',');
  return (
    record.basis.importId !== current.importId ||
    record.basis.sha256 !== current.sha256 ||
    fixes(record.basis.fixesInForce.map((f) => f.id)) !== fixes(current.fixesInForce.map((f) => f.id))
  );
}

/**
 * One stored model as the Models panel lists it. Drift of the newest anomaly model is measured
 * between its training cases and every case of the log now (PSI against the training deciles);
 * a running-case model's drift is the one its evaluation measured, training period against the
 * later test period. Metrics sit beside the baselines the model has to beat.
 */
export function modelVersionInfo(
  record: ModelRecord,
  current: boolean,
  log: EventLog | null,
  basis: LogBasis | null,
  passedOver: readonly ModelRecord[] = [],
): ModelVersionInfo {
  const kind = record.kind as TrainableModel;
  const { baselineMetric, baselines } = baselinesOf(record);
  const drift = current ? driftOf(record, log) : { drift: [], driftBasis: null };
  return {
    id: record.id,
    kind,
    version: record.version,
    label: record.label,
    current,
    createdAt: record.createdAt,
    user: record.user,
    appVersion: record.appVersion,
    trainingMs: record.trainingMs,
    dataFingerprint: record.dataFingerprint,
    basis: basisSummary(record),
    stale: basis ? isStale(record, basis) : false,
    metrics: record.metrics,
    baselineMetric,
    baselines,
    baselineWarning: baselineWarning(record, current, passedOver),
    ...drift,
    fairness: fairnessOf(record),
  };
}

/** Hours as people read them: up to two days in hours, beyond in days. */
export function hoursInWords(hours: number): string {
  return Math.abs(hours) < 48
    ? `${hours.toFixed(1)} h`
    : `${(hours / 24).toLocaleString('en', { maximumFractionDigits: 1 })} d`;
}

/**
 * Why a version is or is not used, when a baseline decides it: a version that loses to its best
 * baseline is not used while an earlier one wins (modelInUse), and is used with this warning when
 * none does; the version in use names the newer ones passed over.
 */
export function baselineWarning(
  record: ModelRecord,
  inUse: boolean,
  passedOver: readonly ModelRecord[],
): string | null {
  const defeat = losesToBaseline(record);
  const newer = passedOver.length
    ? ` ${passedOver.map((p) => p.label).join(', ')}, trained later, ${passedOver.length === 1 ? 'loses' : 'lose'} to ${passedOver.length === 1 ? 'its' : 'their'} best baseline and ${passedOver.length === 1 ? 'is' : 'are'} not used.`
    : '';
  if (!defeat) return newer ? newer.trim() : null;
  const figures =
    defeat.metric === 'AUC'
      ? `AUC ${defeat.model.toFixed(3)} against ${defeat.best.toFixed(3)} for the baseline "${defeat.baseline}" on the test cases`
      : `mean error ${hoursInWords(defeat.model)} against ${hoursInWords(defeat.best)} for the baseline "${defeat.baseline}" on the test period’s running cases, ${(100 * (defeat.model / defeat.best - 1)).toFixed(1)}% worse`;
  return inUse
    ? `Loses to its best baseline: ${figures}. No version beats it, so this one is used: read its forecasts with care, and retrain when more cases have completed.`
    : `Not used: it loses to its best baseline (${figures}); an earlier version that beats it is used instead.`;
}

function fairnessOf(record: ModelRecord): ModelVersionInfo['fairness'] {
  const evaluation = (record.details as WithEvaluation)?.evaluation;
  const by = record.metrics.segmentBy;
  if (!evaluation?.segments?.length || typeof by !== 'string') return null;
  return {
    by,
    error: evaluation.kind === 'remaining-time' ? 'MAE in hours' : 'Brier score',
    segments: evaluation.segments.map((s) => ({
      ...s,
      error: evaluation.kind === 'remaining-time' ? s.error / 3600 : s.error,
    })),
  };
}

function baselinesOf(record: ModelRecord): { baselineMetric: string | null; baselines: BaselineFigure[] } {
  const evaluation = (record.details as WithEvaluation)?.evaluation;
  if (!evaluation) return { baselineMetric: null, baselines: [] };
  if (evaluation.kind === 'remaining-time') {
    const wip = evaluation.workInProgress;
    return {
      baselineMetric:
        'Mean absolute error (MAE) in hours, shown as a duration, on the test period’s running cases (lower is better)',
      baselines: [
        { name: 'this model', value: wip.maeHours, model: true },
        ...wip.baselines.map((b) => ({ name: b.baseline, value: b.value })),
      ],
    };
  }
  return {
    baselineMetric: 'AUC on the test cases’ prefixes (higher is better)',
    baselines: [
      { name: 'this model', value: evaluation.atEvents.auc, model: true },
      ...evaluation.atEvents.baselines.map((b) => ({ name: b.baseline, value: b.auc })),
    ],
  };
}

const levelOf = (psi: number): FeatureDriftFigure['level'] =>
  psi < 0.1 ? 'stable' : psi <= 0.25 ? 'some shift' : 'shift';

/** Drift per loaded log and model: encoding every case again on each visit of the panel is seconds on a large log. */
const driftKept = new WeakMap<EventLog, Map<number, Pick<ModelVersionInfo, 'drift' | 'driftBasis'>>>();

function driftOf(record: ModelRecord, log: EventLog | null): Pick<ModelVersionInfo, 'drift' | 'driftBasis'> {
  if (!log) return measuredDrift(record, null);
  let kept = driftKept.get(log);
  if (!kept) driftKept.set(log, (kept = new Map()));
  let drift = kept.get(record.id);
  if (!drift) kept.set(record.id, (drift = measuredDrift(record, log)));
  return drift;
}

function measuredDrift(record: ModelRecord, log: EventLog | null): Pick<ModelVersionInfo, 'drift' | 'driftBasis'> {
  const largest = (figures: FeatureDriftFigure[]) =>
    figures
      .filter((d) => Number.isFinite(d.psi))
      .sort((a, b) => b.psi - a.psi)
      .slice(0, DRIFT_SHOWN);
  if (record.kind === 'anomaly') {
    if (!log) return { drift: [], driftBasis: null };
    return {
      drift: largest(driftSince(log, null, record)),
      driftBasis: `training cases against all ${log.caseCount.toLocaleString('en')} cases of the current log`,
    };
  }
  const evaluation = (record.details as WithEvaluation)?.evaluation;
  if (!evaluation) return { drift: [], driftBasis: null };
  return {
    drift: largest(evaluation.drift.map((d) => ({ feature: d.feature, psi: d.psi, level: levelOf(d.psi) }))),
    driftBasis: 'training period against the later test period',
  };
}
