import { describe, expect, it } from 'vitest';
import { CancelledError } from '../../main/engine/errors.ts';
import { predict } from '../ensemble/predict.ts';
import { generatedLog } from './generated-log.fixture.ts';
import { predictForRunningCases } from './predict-running.ts';
import { trainRunningCaseModel, type TrainingStep } from './train-running-case.ts';

// 1,500 generated order-to-cash cases cut at 80% of their arrivals: about 20 still running.
const g = generatedLog(1500, { cutAtShare: 0.8, seed: 3 });

describe('running-case models', () => {
  const steps: TrainingStep[] = [];
  const remaining = trainRunningCaseModel(
    g.log,
    { kind: 'remaining-time' },
    { rounds: 60, onProgress: (s) => steps.push(s) },
  );
  const sla = trainRunningCaseModel(g.log, { kind: 'sla-breach', slaHours: 240 }, { rounds: 60, segmentBy: 'region' });

  it('trains with progress, infers the end activity and evaluates against every baseline', () => {
    expect(remaining.model.endActivities).toEqual(['Close Order']);
    expect(steps.map((s) => s.stage)).toContain('training');
    expect(steps.every((s, i) => i === 0 || s.fraction >= steps[i - 1].fraction)).toBe(true);
    const e = remaining.evaluation;
    if (e.kind !== 'remaining-time') throw new Error('expected a remaining-time evaluation');
    expect(e.atEvents.baselines.map((b) => b.baseline)).toEqual([
      'training mean',
      'mean per last activity and prefix length',
      'transition system',
    ]);
    // The per-length table covers lengths 1.. in order, and its rows add up to the whole.
    expect(e.atEvents.byPrefixLength[0].length).toBe(1);
    expect(e.atEvents.byPrefixLength.reduce((n, p) => n + p.rows, 0)).toBe(e.atEvents.rows);
    for (const p of e.atEvents.byPrefixLength) {
      expect(p.baselines.map((b) => b.baseline)).toEqual(e.atEvents.baselines.map((b) => b.baseline));
      expect(p.bestBaselineMaeHours).toBe(Math.min(...p.baselines.map((b) => b.value)));
    }
    // The per-length baseline errors, weighted by rows, add up to the overall ones.
    e.atEvents.baselines.forEach((b, j) => {
      const weighted =
        e.atEvents.byPrefixLength.reduce((sum, p) => sum + p.rows * p.baselines[j].value, 0) / e.atEvents.rows;
      expect(weighted).toBeCloseTo(b.value, 9);
    });
    expect(e.atEvents.maeHours).toBeGreaterThan(0);
    // Training and test prefixes are sampled alike, so "time since the last event" (0 at an event) never drifts.
    expect(e.drift.find((d) => d.feature === 'time since the last event (h)')?.psi ?? 0).toBeLessThan(0.01);
    // A model that knows the process beats the one-number baseline.
    expect(e.atEvents.maeHours).toBeLessThan(e.atEvents.baselines[0].value);
  });

  it('learns SLA breach far better than chance, with per-segment figures', () => {
    const e = sla.evaluation;
    if (e.kind !== 'sla-breach') throw new Error('expected an SLA evaluation');
    expect(e.atEvents.auc).toBeGreaterThan(0.7);
    expect(e.atEvents.brier).toBeLessThan(0.25);
    expect(e.segments?.map((s) => s.segment).sort()).toEqual(['APAC', 'EU', 'US']);
  });

  it('predicts one entry per running case, explained additively by TreeSHAP', () => {
    const result = predictForRunningCases(
      g.log,
      { remainingTime: remaining.model, slaBreach: sla.model },
      { now: g.cutAt, topFeatures: 3 },
    );
    const running = [...g.trueEnd.keys()].filter((id) => {
      const c = g.log.caseIds.indexOf(id);
      return g.log.activities[g.log.activity[g.log.caseStart[c + 1] - 1]] !== 'Close Order';
    });
    expect(result.runningCases).toBe(running.length);
    expect(result.predictions.map((p) => p.case).sort()).toEqual(running.sort());
    for (const p of result.predictions) {
      expect(p.explanation.length).toBeLessThanOrEqual(3);
      const sum = p.baseValue + p.explanation.reduce((s, x) => s + x.contribution, 0) + p.otherFeatures;
      expect(sum).toBeCloseTo(p.rawScore, 6);
      expect(Math.expm1(Math.max(0, p.rawScore)) * 3600).toBeCloseTo(p.remainingSeconds!, 3);
      expect(p.slaBreachProbability).toBeGreaterThanOrEqual(0);
      expect(p.slaBreachProbability).toBeLessThanOrEqual(1);
    }
    // Sorted by SLA risk.
    const risks = result.predictions.map((p) => p.slaBreachProbability!);
    expect(risks).toEqual([...risks].sort((a, b) => b - a));
  });

  it('scores the same as the ensemble itself and honours an end activity given by the user', () => {
    const result = predictForRunningCases(
      g.log,
      { remainingTime: remaining.model },
      { now: g.cutAt, endActivities: ['Close Order', 'Receive Payment'] },
    );
    expect(
      result.predictions.every((p) => p.lastActivity !== 'Receive Payment' && p.lastActivity !== 'Close Order'),
    ).toBe(true);
    const { raw } = predict(
      remaining.model.ensemble,
      new Float32Array(remaining.model.ensemble.featureNames.length).fill(NaN),
      1,
    );
    expect(Number.isFinite(raw[0])).toBe(true);
  });

  it('answers an empty list when no case is running', () => {
    const result = predictForRunningCases(
      g.log,
      { remainingTime: remaining.model },
      { endActivities: [...new Set(g.log.activities)] },
    );
    expect(result).toMatchObject({ runningCases: 0, predictions: [] });
  });

  it('stops when cancelled', () => {
    const controller = new AbortController();
    controller.abort();
    expect(() => trainRunningCaseModel(g.log, { kind: 'remaining-time' }, { signal: controller.signal })).toThrow(
      CancelledError,
    );
  });

  it('refuses an outcome activity the log does not have', () => {
    expect(() => trainRunningCaseModel(g.log, { kind: 'outcome', activity: 'Escalate' }, {})).toThrow(
      /"Escalate" is not an activity/,
    );
  });
});
