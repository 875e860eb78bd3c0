import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../main/engine/errors.ts';
import { Workspace } from '../../main/engine/workspace/workspace.ts';
import { ensembleFromJson, predict } from '../ensemble/index.ts';
import { encodeCases, type ProcessStatistics } from '../features/index.ts';
import { generatedLog } from '../features/generated-log.fixture.ts';
import { FindingsStore, ModelRegistry } from '../registry/index.ts';
import { scorePercentile } from './anomaly-model.ts';
import { scoreFindings } from './score-findings.ts';
import { trainAnomalyModel } from './train-anomaly-model.ts';

const { log, anomalies } = generatedLog(3_000, 11);
const basis = { importId: 1, fileName: 'orders.csv', sha256: 'f00d', fixesInForce: [], filters: [] };
const ws = Workspace.create(mkdtempSync(join(tmpdir(), 'gemba-anomaly-')));
afterAll(() => ws.close());

describe('trainAnomalyModel → registry → scoreFindings', async () => {
  const phases: string[] = [];
  const trained = trainAnomalyModel(log, { basis }, { onProgress: (phase) => phases.push(phase) });
  const registry = new ModelRegistry(ws);
  const saved = registry.save(trained);
  const { findings, drift, casesScored } = await scoreFindings(log, saved);
  const cases = findings.filter((f) => f.kind === 'anomaly');

  it('reports progress and versions the model with its data fingerprint and an audit entry', () => {
    expect(phases[0]).toBe('measuring what is usual');
    expect(phases.at(-1)).toBe('done');
    expect(saved.label).toBe('anomaly v1');
    expect(registry.save(trained).label).toBe('anomaly v2');
    expect(saved.dataFingerprint).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(saved.basis).toMatchObject({ ...basis, cases: 3_000, events: log.eventCount });
    expect(ws.auditTrail().filter((a) => a.action === 'train')).toHaveLength(2);
  });

  it('scores the same after saving and reopening: ONNX equals the in-process scorer', () => {
    const reopened = registry.get(saved.id);
    const ensemble = ensembleFromJson(reopened.ensembleJson);
    const m = encodeCases(log, reopened.encoding as ProcessStatistics);
    const inProcess = predict(ensemble, m.values, m.rows).raw;
    for (const f of cases) {
      const r = log.caseIds.indexOf(f.case!);
      expect(Math.abs(f.score - inProcess[r]) / Math.max(1, inProcess[r])).toBeLessThan(1e-5);
    }
    expect(casesScored).toBe(3_000);
  });

  it('refuses stored ONNX bytes that are not the graph of its own trees, before onnxruntime sees them', async () => {
    const tampered = new Uint8Array(saved.onnx);
    tampered[tampered.length - 1] ^= 0xff;
    await expect(scoreFindings(log, { ...saved, onnx: tampered })).rejects.toThrow(
      /stored ONNX graph is not the one Gemba writes/,
    );
    const appended = new Uint8Array(saved.onnx.length + 1);
    appended.set(saved.onnx);
    await expect(scoreFindings(log, { ...saved, onnx: appended })).rejects.toThrow(InputError);
  });

  it('flags the injected anomalies, each finding additive and in words', () => {
    const truePositives = cases.filter((f) => anomalies.has(f.case!)).length;
    expect(truePositives / anomalies.size).toBeGreaterThanOrEqual(0.8);
    expect(truePositives / cases.length).toBeGreaterThanOrEqual(0.8);
    for (const f of findings) {
      const sum = f.baseValue + f.explanation.reduce((s, e) => s + e.contribution, 0);
      expect(Math.abs(sum - f.prediction) / Math.max(1, Math.abs(f.prediction))).toBeLessThan(1e-9);
      expect(f.conditions.length).toBeGreaterThan(0);
      expect(f.modelVersion).toBe('anomaly v1');
      expect(f.dataFingerprint).toBe(saved.dataFingerprint);
    }
    const amount = cases.find((f) => anomalies.get(f.case!) === 'extreme_value')!;
    expect(amount.conditions[0]).toMatch(/^amount = [\d,]+, usual [\d,]+–[\d,]+$/);
    const skipped = cases.find((f) => anomalies.get(f.case!) === 'skipped_approval')!;
    expect(skipped.conditions[0]).toMatch(
      /^Approve Order missing; it is present in 9\d% of cases with amount > [\d,.]+/,
    );
    const night = cases.find((f) => anomalies.get(f.case!) === 'night_work')!;
    // The generator gives a contractor a step at night (22–06 local) or at a weekend; the model reads UTC,
    // so the words say when in UTC, and the case is flagged for the resource itself.
    expect(night.conditions[0]).toMatch(
      /done by Contractor \d\d on \w+day \d\d:00–\d\d:00(, at [a-z ]+)? \(1 of [\d,]+ /,
    );
    // Sorted, highest score first; confidence is the score's percentile among the training cases.
    for (let i = 1; i < cases.length; i++) expect(cases[i - 1].score).toBeGreaterThanOrEqual(cases[i].score);
    expect(cases[0].confidence).toBeGreaterThan(0.99);
  });

  it('groups the findings into named exception types with count and trend', () => {
    const types = findings.filter((f) => f.kind === 'exception-type');
    const names = types.map((t) => t.conditions[0]);
    expect(names.some((n) => n.startsWith('usual step skipped at Approve Order'))).toBe(true);
    expect(names.some((n) => /^(night and weekend )?work by unusual resources \(Contractor\)/.test(n))).toBe(true);
    expect(types.reduce((s, t) => s + Number(t.kpiEffect.cases), 0)).toBe(cases.length);
  });

  it('measures no drift against its own training data', () => {
    expect(drift.every((d) => d.psi < 1e-9)).toBe(true);
  });

  it('stores findings, keeps status on rescoring and audits every action', () => {
    const store = new FindingsStore(ws);
    // The list shows the newest model's findings: v2 was saved above.
    const newest = registry.latest('anomaly')!.id;
    store.record(newest, 1, findings);
    const top = store.list({ kind: 'anomaly', top: 1 })[0];
    expect(top.id).toBe(cases[0].id);
    // A limit beyond any count lists them all (it once reached SQL as 'LIMIT 1e+300').
    const all = store.list({ kind: 'anomaly' }).length;
    expect(store.list({ kind: 'anomaly', top: 1e300 })).toHaveLength(all);
    expect(store.list({ kind: 'anomaly', top: 0 })).toHaveLength(0);
    store.setStatus(top.id, 'dismissed');
    store.comment(top.id, 'known customer, data entry fixed');
    store.record(newest, 1, findings);
    const again = store.get(top.id);
    expect(again.status).toBe('dismissed');
    expect(again.comments?.map((c) => c.text)).toEqual(['known customer, data entry fixed']);
    const actions = ws.auditTrail().map((a) => a.action);
    expect(actions.filter((a) => a === 'score')).toHaveLength(2);
    expect(actions).toContain('finding_dismiss');
    expect(actions).toContain('finding_comment');
    expect(() => store.setStatus(top.id, 'maybe' as never)).toThrow(/not a finding status/);
  });

  it('confidence interpolates between stored quantiles', () => {
    expect(scorePercentile([0, 1, 2, 3, 4], 2.5)).toBeCloseTo(0.625, 12);
    expect(scorePercentile([0, 1, 2, 3, 4], -1)).toBe(0);
    expect(scorePercentile([0, 1, 2, 3, 4], 9)).toBe(1);
  });
});
