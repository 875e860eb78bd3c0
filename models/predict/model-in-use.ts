import type { ModelRecord, ModelRegistry } from '../registry/index.ts';
import type { RunningCaseEvaluation } from './evaluate-running-case.ts';

/** How a running-case model fared against the best of its baselines on its own test period. */
export interface BaselineDefeat {
  baseline: string;
  /** MAE in hours (remaining time) or AUC (SLA breach, outcome). */
  metric: 'MAE in hours' | 'AUC';
  model: number;
  best: number;
}

/**
 * The best baseline when it beats the model, else null. Remaining time: MAE in hours on the test
 * period's running cases (what the forecasts face). SLA breach and outcome: AUC at every event of
 * the test cases (the baselines are scored there). Models without an evaluation never lose.
 */
export function losesToBaseline(record: Pick<ModelRecord, 'details'>): BaselineDefeat | null {
  const evaluation = (record.details as { evaluation?: RunningCaseEvaluation } | null)?.evaluation;
  if (!evaluation) return null;
  if (evaluation.kind === 'remaining-time') {
    const { maeHours, bestBaseline } = evaluation.workInProgress;
    return Number.isFinite(maeHours) && Number.isFinite(bestBaseline.value) && maeHours > bestBaseline.value
      ? { baseline: bestBaseline.baseline, metric: 'MAE in hours', model: maeHours, best: bestBaseline.value }
      : null;
  }
  const { auc, baselines } = evaluation.atEvents;
  const best = baselines
    .filter((b) => Number.isFinite(b.auc))
    .reduce<(typeof baselines)[number] | null>((a, b) => (a === null || b.auc > a.auc ? b : a), null);
  return best && Number.isFinite(auc) && auc < best.auc
    ? { baseline: best.baseline, metric: 'AUC', model: auc, best: best.auc }
    : null;
}

/**
 * The version of a kind that findings and forecasts use: the newest that beats its best
 * baseline, so a retraining that loses never silently replaces one that wins. When every
 * version loses, the newest is used (and shown with its warning): a forecast worse than a
 * simple rule is still flagged, never hidden. `passedOver` lists newer versions left unused.
 */
export function modelInUse(
  registry: ModelRegistry,
  kind: string,
): { record: ModelRecord; passedOver: ModelRecord[] } | null {
  const versions = registry
    .list()
    .filter((m) => m.kind === kind)
    .sort((a, b) => b.version - a.version);
  if (versions.length === 0) return null;
  const passedOver: ModelRecord[] = [];
  for (const v of versions) {
    const record = registry.get(v.id);
    if (!losesToBaseline(record)) return { record, passedOver };
    passedOver.push(record);
  }
  return { record: passedOver[0], passedOver: [] };
}
