import { describe, expect, it } from 'vitest';
import { completedCasePrefixes, prefixLengthLimit, runningCaseRows, snapshotRows } from '../features/prefix/prefix-rows.ts';
import { fitBaselines } from './baselines.ts';
import { casesSafeToLearnFrom, completedCases } from './end-activities.ts';
import { remainingTimeBaselinesForWip } from './evaluate-running-case.ts';
import { generatedLog } from './generated-log.fixture.ts';
import { remainingSeconds } from './labels.ts';
import { meanAbsoluteError } from './metrics.ts';
import { predictForRunningCases } from './predict-running.ts';
import { casesWhere } from './temporal-split.ts';
import { trainRunningCaseModel } from './train-running-case.ts';

/**
 * The issue's measurement: remaining time on a generated log cut while work is in progress,
 * against the best baseline. Measured (4,000 orders with seasonal load, seed 13, cut at 80% of
 * arrivals; 79 running cases): on the benchmarks' test prefixes the GBDT's MAE is 68.7 h against
 * 73.6 h for the best baseline (transition system), 7% lower; on the running cases at the cut it
 * is 839 h against 834 h — on par, not the 20% the issue asks for. Why: the cut-log MAE is
 * dominated by the handful of extreme-duration cases (waits 40× normal, 1.4 years long), of
 * which almost none completed in the training period, and the rest of a case's remaining time is
 * exponential waiting (the 120 h hand-over to Dispatch Shipment) that no feature can foresee.
 * These bounds hold that measurement in place; they do not claim the 20%.
 */
describe('remaining time on a log cut while work is in progress', () => {
  const g = generatedLog(4000, { cutAtShare: 0.8, seed: 13 });
  const log = g.log;
  const trained = trainRunningCaseModel(log, { kind: 'remaining-time' });

  it('beats the best of the three baselines by at least 5% on the test prefixes (Teinemaa et al.)', () => {
    const e = trained.evaluation;
    if (e.kind !== 'remaining-time') throw new Error('expected a remaining-time evaluation');
    const best = Math.min(...e.atEvents.baselines.map((b) => b.value));
    expect(e.atEvents.maeHours).toBeLessThan(0.95 * best);
  });

  it('stays within 10% of the best of nine baseline variants on the running cases at the cut', () => {
    const result = predictForRunningCases(log, { remainingTime: trained.model }, { now: g.cutAt });
    const truth = (id: string) => (g.trueEnd.get(id)! - g.cutAt) / 1000;
    const model = meanAbsoluteError(
      result.predictions.map((p) => p.remainingSeconds!),
      result.predictions.map((p) => truth(p.case)),
    );
    const closes = completedCases(log, ['Close Order']);
    const safe = casesSafeToLearnFrom(log, closes);
    const maxLength = prefixLengthLimit(log, safe);
    const atEvents = completedCasePrefixes(log, safe, { maxLength });
    const snapshots = snapshotRows(log, safe, { maxLength, targetRows: 12 * safe.length });
    const running = casesWhere(closes, 0);
    const rows = runningCaseRows(log, running, g.cutAt);
    const actual = Array.from(running, (c) => truth(log.caseIds[c]));
    const baselines = remainingTimeBaselinesForWip(log, rows, fitBaselines(log, atEvents, remainingSeconds(log, atEvents)), fitBaselines(log, snapshots, remainingSeconds(log, snapshots)));
    expect(baselines).toHaveLength(9);
    const best = Math.min(...baselines.map((b) => meanAbsoluteError(b.predicted, actual)));
    expect(result.runningCases).toBe(running.length);
    expect(model).toBeLessThan(1.1 * best);
  });
});
