import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../main/engine/workspace/workspace.ts';
import { ModelRegistry, type NewModel } from '../registry/index.ts';
import { losesToBaseline, modelInUse } from './model-in-use.ts';

const remaining = (maeHours: number, baselineHours: number) => ({
  evaluation: {
    kind: 'remaining-time',
    workInProgress: { maeHours, bestBaseline: { baseline: 'median after the last activity', value: baselineHours } },
  },
});
const probability = (auc: number, baselines: number[]) => ({
  evaluation: {
    kind: 'sla-breach',
    atEvents: { auc, baselines: baselines.map((b, i) => ({ baseline: `rule ${i + 1}`, auc: b, brier: 0.2 })) },
  },
});

describe('losesToBaseline', () => {
  it('remaining time: the model loses when its MAE on running cases exceeds the best baseline’s', () => {
    // The trial's figures: 247,561.8 h against 216,600 h (the model 14.3% worse).
    expect(losesToBaseline({ details: remaining(247_561.8, 216_600) })).toEqual({
      baseline: 'median after the last activity',
      metric: 'MAE in hours',
      model: 247_561.8,
      best: 216_600,
    });
    expect(losesToBaseline({ details: remaining(80, 100) })).toBeNull();
    expect(losesToBaseline({ details: remaining(100, 100) })).toBeNull();
  });

  it('probabilities: the model loses when a baseline’s AUC is higher; models without an evaluation never lose', () => {
    expect(losesToBaseline({ details: probability(0.61, [0.5, 0.7, 0.65]) })).toMatchObject({
      baseline: 'rule 2',
      metric: 'AUC',
      model: 0.61,
      best: 0.7,
    });
    expect(losesToBaseline({ details: probability(0.8, [0.5, 0.7]) })).toBeNull();
    expect(losesToBaseline({ details: { endActivities: ['close'] } })).toBeNull();
    expect(losesToBaseline({ details: null })).toBeNull();
  });
});

describe('modelInUse', () => {
  const ws = Workspace.create(mkdtempSync(join(tmpdir(), 'gemba-in-use-')));
  afterAll(() => ws.close());
  const registry = new ModelRegistry(ws);
  const basis = { importId: 1, fileName: 'o.csv', sha256: 'ab', fixesInForce: [], filters: [], cases: 10, events: 40 };
  const save = (details: unknown): void => {
    const entry: NewModel = {
      kind: 'remaining-time',
      onnx: Uint8Array.of(8),
      ensembleJson: '{}',
      featureNames: ['x'],
      encoding: null,
      details,
      basis,
      metrics: {},
      trainingMs: 1,
    };
    registry.save(entry);
  };

  it('keeps the newest version that beats its baseline; uses the newest when none does', () => {
    expect(modelInUse(registry, 'remaining-time')).toBeNull();
    save(remaining(120, 100)); // v1 loses: nothing better, so it is used.
    expect(modelInUse(registry, 'remaining-time')).toMatchObject({
      record: { label: 'remaining-time v1' },
      passedOver: [],
    });
    save(remaining(80, 100)); // v2 wins: used.
    save(remaining(130, 100)); // v3 loses: v2 stays in use, v3 passed over.
    const use = modelInUse(registry, 'remaining-time')!;
    expect(use.record.label).toBe('remaining-time v2');
    expect(use.passedOver.map((r) => r.label)).toEqual(['remaining-time v3']);
    save(remaining(70, 100)); // v4 wins: the newest again.
    expect(modelInUse(registry, 'remaining-time')).toMatchObject({
      record: { label: 'remaining-time v4' },
      passedOver: [],
    });
  });
});
