import type { EventLog } from '../../main/engine/eventlog/index.ts';
import type { FindingContribution, RunningCaseRow } from '../../preload/api.ts';
import { InputError } from '../../main/engine/errors.ts';
import { predict } from '../ensemble/predict.ts';
import { treeShap } from '../explain/tree-shap.ts';
import { encodePrefixes, type FeatureTable } from '../features/prefix/prefix-features.ts';
import { runningCaseRows } from '../features/prefix/prefix-rows.ts';
import { completedCases, resolveEndActivities } from './end-activities.ts';
import { casesWhere } from './temporal-split.ts';
import { outputOf, remainingTimeScale, rowMajor, type RunningCaseModel } from './running-case-model.ts';

/** The models `predictForRunningCases` can use; any may be absent. */
export interface RunningCaseModels {
  remainingTime?: RunningCaseModel;
  slaBreach?: RunningCaseModel;
  outcome?: RunningCaseModel;
}

export interface PredictOptions {
  /** The moment to predict from (epoch ms); default: the log's last event, i.e. when it was exported. */
  now?: number;
  /** Activities that end a case; default: the models', else inferred. */
  endActivities?: string[];
  /** Features listed in each explanation, largest contribution first (default 5). */
  topFeatures?: number;
}

/** A feature's TreeSHAP contribution to one case's prediction: the contract's shape. */
export type Contribution = FindingContribution;

/** One running case's prediction: the contract's row, before the service adds the case's index. */
export type RunningCasePrediction = Omit<RunningCaseRow, 'caseIndex'>;

export interface RunningCasePredictions {
  now: string;
  endActivities: string[];
  runningCases: number;
  predictions: RunningCasePrediction[];
}

/**
 * One entry per running case (its last event is not an end activity): remaining time, SLA-breach
 * probability and outcome probability from whichever models are given, each explained by exact
 * TreeSHAP contributions of the case's own features. Sorted by SLA risk, then remaining time.
 */
export function predictForRunningCases(
  log: EventLog,
  models: RunningCaseModels,
  options: PredictOptions = {},
): RunningCasePredictions {
  const present = [models.remainingTime, models.slaBreach, models.outcome].filter((m): m is RunningCaseModel => !!m);
  if (present.length === 0)
    throw new InputError('There is no trained model to predict with.', {
      hint: 'Train one first: gemba train WS --model remaining-time.',
    });
  const endActivities = resolveEndActivities(log, options.endActivities ?? present[0].endActivities);
  const closes = completedCases(log, endActivities);
  const running = casesWhere(closes, 0).filter((c) => log.caseStart[c + 1] > log.caseStart[c]);
  const now = options.now ?? lastTimestamp(log);
  const rows = runningCaseRows(log, running, now);
  const top = options.topFeatures ?? 5;

  const scored = (model: RunningCaseModel | undefined) => {
    if (!model) return null;
    const table = encodePrefixes(log, rows, model.encoding, closes);
    checkFeatures(model, table);
    const features = rowMajor(table);
    const { raw, output } = predict(model.ensemble, features, rows.count);
    return { model, table, features, raw, output: output.map((v) => outputOf(model.target, v)) };
  };
  const remaining = scored(models.remainingTime);
  const sla = scored(models.slaBreach);
  const outcome = scored(models.outcome);
  const explained = remaining ?? sla ?? outcome!;
  const shap = treeShap(explained.model.ensemble, explained.features, rows.count);
  const width = explained.table.names.length;

  const predictions: RunningCasePrediction[] = Array.from(running, (c, i) => {
    const first = log.caseStart[c];
    const last = log.caseStart[c + 1] - 1;
    const contributions: Contribution[] = [];
    for (let f = 0; f < width; f++) {
      const contribution = shap.contributions[i * width + f];
      if (contribution === 0) continue;
      const value = explained.table.columns[f][i];
      contributions.push({
        feature: explained.table.names[f],
        value: Number.isNaN(value) ? null : value,
        contribution,
      });
    }
    contributions.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
    const listed = contributions.slice(0, top);
    const rest = contributions.slice(top).reduce((sum, x) => sum + x.contribution, 0);
    const remainingSeconds = remaining ? remaining.output[i] : null;
    const outcomeTarget = outcome?.model.target;
    return {
      case: log.caseIds[c],
      events: last - first + 1,
      lastActivity: log.activities[log.activity[last]],
      lastEventAt: new Date(log.timestamp[last]).toISOString(),
      elapsedSeconds: (now - log.timestamp[first]) / 1000,
      remainingSeconds,
      expectedEnd: remainingSeconds === null ? null : new Date(now + remainingSeconds * 1000).toISOString(),
      slaBreachProbability: sla ? sla.output[i] : null,
      outcome:
        outcome && outcomeTarget?.kind === 'outcome'
          ? { activity: outcomeTarget.activity, probability: outcome.output[i] }
          : null,
      explanation: listed,
      explanationUnit: unitOf(explained.model),
      baseValue: shap.baseValue,
      otherFeatures: rest,
      rawScore: explained.raw[i],
    };
  });
  predictions.sort(
    (a, b) =>
      (b.slaBreachProbability ?? 0) - (a.slaBreachProbability ?? 0) ||
      (b.remainingSeconds ?? 0) - (a.remainingSeconds ?? 0),
  );
  return { now: new Date(now).toISOString(), endActivities, runningCases: running.length, predictions };
}

function unitOf(model: RunningCaseModel): string {
  if (model.target.kind === 'remaining-time')
    return remainingTimeScale(model.target) === 'hours' ? 'remaining hours' : 'log(1 + remaining hours)';
  return model.target.kind === 'sla-breach'
    ? 'log-odds of SLA breach'
    : `log-odds of reaching ${model.target.activity}`;
}

function lastTimestamp(log: EventLog): number {
  let t = -Infinity;
  for (let c = 0; c < log.caseCount; c++)
    if (log.caseStart[c + 1] > log.caseStart[c]) t = Math.max(t, log.timestamp[log.caseStart[c + 1] - 1]);
  return t;
}

function checkFeatures(model: RunningCaseModel, table: FeatureTable): void {
  const expected = model.ensemble.featureNames;
  if (expected.length !== table.names.length || expected.some((n, i) => n !== table.names[i])) {
    throw new InputError('This model was saved by another version of Gemba and reads different features.', {
      hint: 'Train it again on this workspace.',
    });
  }
}
