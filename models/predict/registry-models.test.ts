import { describe, expect, it } from 'vitest';
import { predict } from '../ensemble/predict.ts';
import { encodePrefixes } from '../features/prefix/prefix-features.ts';
import { runningCaseRows } from '../features/prefix/prefix-rows.ts';
import { OnnxScorer } from '../runtime/onnx-scorer.ts';
import { trainBottleneckModel } from './bottleneck.ts';
import { bottlenecksNow } from './bottlenecks-now.ts';
import { completedCases } from './end-activities.ts';
import { generatedLog } from './generated-log.fixture.ts';
import { predictForRunningCases } from './predict-running.ts';
import { bottleneckEntry, bottleneckModelOf, runningCaseEntry, runningCaseModelOf } from './registry-models.ts';
import { rowMajor } from './running-case-model.ts';
import { casesWhere } from './temporal-split.ts';
import { trainRunningCaseModel } from './train-running-case.ts';

const g = generatedLog(1200, { cutAtShare: 0.85, seed: 9 });
const basis = {
  importId: 1,
  fileName: 'orders.csv',
  sha256: 'x'.repeat(64),
  fixesInForce: [],
  filters: [],
  cases: g.log.caseCount,
  events: g.log.eventCount,
};
/** What the registry does to details and encodings: JSON text in SQLite, parsed on the way out. */
const throughJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('prediction models in the registry', () => {
  const trained = trainRunningCaseModel(g.log, { kind: 'sla-breach', slaHours: 200 }, { rounds: 40 });
  const entry = runningCaseEntry(trained.model, trained.evaluation, basis, 1);

  it('reopens a saved running-case model that predicts exactly the same', () => {
    const reopened = runningCaseModelOf({
      ensembleJson: entry.ensembleJson,
      encoding: throughJson(entry.encoding),
      details: throughJson(entry.details),
    });
    const before = predictForRunningCases(g.log, { slaBreach: trained.model }, { now: g.cutAt });
    const after = predictForRunningCases(g.log, { slaBreach: reopened }, { now: g.cutAt });
    expect(after).toEqual(before);
    expect(entry.metrics.auc).toBe(trained.evaluation.kind === 'sla-breach' ? trained.evaluation.atEvents.auc : NaN);
  });

  it('writes ONNX that onnxruntime scores like the in-process scorer (relative 1e-5)', async () => {
    const closes = completedCases(g.log, trained.model.endActivities);
    const rows = runningCaseRows(g.log, casesWhere(closes, 0), g.cutAt);
    const features = rowMajor(encodePrefixes(g.log, rows, trained.model.encoding, closes));
    const scorer = await OnnxScorer.open(entry.onnx);
    try {
      const onnx = await scorer.score(features, rows.count);
      const inProcess = predict(trained.model.ensemble, features, rows.count).output;
      expect(rows.count).toBeGreaterThan(5);
      for (let i = 0; i < rows.count; i++)
        expect(Math.abs(onnx.output[i] - inProcess[i])).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(inProcess[i])));
    } finally {
      await scorer.close();
    }
  });

  it('reopens a bottleneck model with every activity’s trees', () => {
    const model = trainBottleneckModel(g.log, { rounds: 30 });
    const stored = bottleneckEntry(model, basis, 1);
    const reopened = bottleneckModelOf({ details: throughJson(stored.details) });
    expect(bottlenecksNow(g.log, reopened, { now: g.cutAt })).toEqual(bottlenecksNow(g.log, model, { now: g.cutAt }));
    expect(stored.metrics.topActivity).toBe(model.activities[0].activity);
  });
});
