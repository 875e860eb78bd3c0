import type { EventLog } from '../../main/engine/eventlog/index.ts';
import { InputError, throwIfCancelled } from '../../main/engine/errors.ts';
import { ensembleFromJson } from '../ensemble/index.ts';
import { caseAttributes, encodeCases, type ProcessStatistics } from '../features/index.ts';
import { featureDrift, type FeatureDrift, type Finding, type ModelRecord } from '../registry/index.ts';
import { ensembleToOnnx } from '../onnx/index.ts';
import { OnnxScorer } from '../runtime/index.ts';
import { ANOMALY_MODEL_KIND, scorePercentile, type AnomalyModelDetails } from './anomaly-model.ts';
import { caseContext, describeCondition } from './conditions-in-words.ts';
import { exceptionTypes } from './exception-types.ts';
import { treeShap } from '../explain/index.ts';

export interface ScoreOptions {
  /** Cases to score (1 = keep); all when absent. */
  mask?: Uint8Array | null;
  /** Conditions in words per finding (the top contributions). */
  conditions?: number;
}

export interface ScoredFindings {
  findings: Finding[];
  /** PSI per feature between the model's training cases and the cases scored now. */
  drift: FeatureDrift[];
  casesScored: number;
}

const CONDITIONS = 3;

/**
 * Scores a log's cases with a stored anomaly model: ONNX through onnxruntime (models/runtime),
 * exact SHAP per finding, conditions in words, confidence = the score's percentile among the
 * training cases, and the effect on cycle time. Cases at or above the model's threshold become
 * findings of kind `anomaly`; groups of them become findings of kind `exception-type`. Pure:
 * the caller stores them with `FindingsStore.record`.
 */
export async function scoreFindings(
  log: EventLog,
  model: ModelRecord,
  options: ScoreOptions = {},
  hooks: { signal?: AbortSignal } = {},
): Promise<ScoredFindings> {
  if (model.kind !== ANOMALY_MODEL_KIND) throw new InputError(`Model ${model.label} is not an anomaly model.`);
  const stats = model.encoding as ProcessStatistics;
  const details = model.details as AnomalyModelDetails;
  const ensemble = ensembleFromJson(model.ensembleJson);
  const matrix = encodeCases(log, stats, { mask: options.mask, signal: hooks.signal });
  throwIfCancelled(hooks.signal);
  const scorer = await OnnxScorer.open(checkedOnnx(model, ensemble));
  let scores: Float32Array;
  try {
    scores = (await scorer.score(matrix.values, matrix.rows)).output;
  } finally {
    await scorer.close();
  }
  throwIfCancelled(hooks.signal);
  // Explain the flagged rows in one TreeSHAP batch (exact; additive: base + Σ = raw score).
  const flagged: number[] = [];
  for (let r = 0; r < matrix.rows; r++) if (scores[r] >= details.findingThreshold) flagged.push(r);
  const rows = new Float32Array(flagged.length * matrix.columns);
  flagged.forEach((r, k) =>
    rows.set(matrix.values.subarray(r * matrix.columns, (r + 1) * matrix.columns), k * matrix.columns),
  );
  const drift = featureDrift(details.drift, model.featureNames, matrix.values, matrix.rows);
  if (flagged.length === 0) return { findings: [], drift, casesScored: matrix.rows };
  const shap = treeShap(ensemble, rows, flagged.length);
  const findings: Finding[] = [];
  const attributes = caseAttributes(log);
  const caseStartTime = new Map<string, number>();
  const durationColumn = matrix.features.findIndex((f) => f.name === 'case duration');
  for (const [k, r] of flagged.entries()) {
    const c = matrix.cases[r];
    const offset = r * matrix.columns;
    const phi = shap.contributions.subarray(k * shap.width, (k + 1) * shap.width);
    const explanation = [...phi.keys()]
      .filter((f) => phi[f] !== 0)
      .sort((a, b) => phi[b] - phi[a])
      .map((f) => ({
        feature: matrix.features[f].name,
        value: finiteOrNull(matrix.values[offset + f]),
        contribution: phi[f],
      }));
    const context = caseContext(log, c, stats, attributes);
    const conditions = explanation
      .filter((e) => e.contribution > 0)
      .slice(0, options.conditions ?? CONDITIONS)
      .map((e) => {
        const f = matrix.features.findIndex((s) => s.name === e.feature);
        return describeCondition(matrix.features[f], matrix.values[offset + f], details.usual[f], context, stats);
      });
    const hours = matrix.values[offset + durationColumn];
    caseStartTime.set(log.caseIds[c], log.timestamp[log.caseStart[c]]);
    findings.push({
      id: `${model.label.replace(' ', '-')}:${log.caseIds[c]}`,
      kind: 'anomaly',
      case: log.caseIds[c],
      score: scores[r],
      confidence: scorePercentile(details.scoreQuantiles, scores[r]),
      prediction: shap.baseValue + phi.reduce((s, v) => s + v, 0),
      baseValue: shap.baseValue,
      explanation,
      conditions,
      kpiEffect: {
        caseDurationHours: finiteOrNull(hours),
        usualCaseDurationHours: details.medianCaseHours,
        addedCycleTimeHours: Number.isFinite(hours) ? Math.max(0, hours - details.medianCaseHours) : null,
      },
      modelVersion: model.label,
      dataFingerprint: model.dataFingerprint,
    });
  }
  findings.sort((a, b) => b.score - a.score || (a.case! < b.case! ? -1 : 1));
  const types = exceptionTypes(findings, matrix.features, caseStartTime, model);
  return {
    findings: [...findings, ...types],
    drift,
    casesScored: matrix.rows,
  };
}

function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/**
 * The stored ONNX bytes, opened only when they are exactly the graph Gemba writes for the model's
 * own trees. A workspace may come from someone else, and onnxruntime would run whatever graph the
 * bytes describe (other operators, external data files read from disk): rebuilding the graph from
 * the checked trees and comparing byte for byte means only our TreeEnsemble graph is ever loaded.
 */
function checkedOnnx(model: ModelRecord, ensemble: ReturnType<typeof ensembleFromJson>): Uint8Array {
  const expected = ensembleToOnnx(ensemble, {
    kind: ANOMALY_MODEL_KIND,
    features: String(ensemble.featureNames.length),
  });
  if (!Buffer.from(expected).equals(Buffer.from(model.onnx.buffer, model.onnx.byteOffset, model.onnx.byteLength))) {
    throw new InputError(
      `Model ${model.label}'s stored ONNX graph is not the one Gemba writes for its trees: it was changed after training or comes from elsewhere, so it is not run.`,
      {
        hint: 'Train the model again in this workspace (Models → Train).',
      },
    );
  }
  return expected;
}
