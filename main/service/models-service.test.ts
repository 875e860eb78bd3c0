import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobEvent, TrainingResult } from '../../preload/api.ts';
import { generateLog } from '../../bench/generate.ts';
import { LocalEngine } from './local-engine.ts';
import { checkCallArguments } from './call-arguments.ts';

/**
 * The models calls end to end in one process: a generated order-to-cash log with injected
 * anomalies, cut while work is in progress, imported; training as a job; findings listed,
 * opened, dismissed and commented (audited); running cases forecast.
 */
const dir = mkdtempSync(join(tmpdir(), 'gemba-models-'));
let engine: LocalEngine;
let workspace: string;
let injected: Set<string>;
let training: TrainingResult;
const progress: Extract<JobEvent, { type: 'progress' }>[] = [];

/** Keeps the rows up to 85% of the time span: cases that started late are still running. */
function cutLog(file: string): void {
  const [header, ...rows] = readFileSync(file, 'utf8').trimEnd().split('\n');
  const times = rows.map((r) => Date.parse(r.split(',')[2]));
  const cut = Math.min(...times) + 0.85 * (Math.max(...times) - Math.min(...times));
  writeFileSync(file, [header, ...rows.filter((_, i) => times[i] <= cut)].join('\n') + '\n');
}

function ended(jobId: string): Promise<JobEvent> {
  return new Promise((resolve) => {
    const off = engine.onJobEvent((e) => {
      if (e.jobId !== jobId) return;
      if (e.type === 'progress') progress.push(e);
      else {
        off();
        resolve(e);
      }
    });
  });
}

beforeAll(async () => {
  const file = join(dir, 'o2c.csv');
  const truth = await generateLog({ events: 6000, seed: 5, format: 'csv', out: file });
  injected = new Set(truth.anomalies.cases.map((c) => c.caseId));
  cutLog(file);
  // No runOnThread: the training job runs in this process (the thread is tested in main/worker).
  engine = new LocalEngine({ mode: 'cli', userDataDir: join(dir, 'user'), defaultWorkspaceDir: dir });
  workspace = (await engine.createWorkspace('ws')).path;
  const imported = await ended((await engine.startImport({ workspace, file: { kind: 'path', path: file } })).jobId);
  expect(imported.type).toBe('done');
  progress.length = 0;
  const end = await ended(
    (
      await engine.startTraining(workspace, {
        models: ['anomaly', 'remaining-time', 'bottleneck'],
        segmentBy: 'region',
      })
    ).jobId,
  );
  if (end.type !== 'done' || end.kind !== 'train') throw new Error(`training ended ${JSON.stringify(end)}`);
  training = end.result;
}, 120_000);

afterAll(() => engine.close());

describe('models over the contract', () => {
  it('trains as a job whose progress counts models and names each one', () => {
    expect(training.models.map((m) => m.modelVersion)).toEqual(['anomaly v1', 'remaining-time v1', 'bottleneck v1']);
    expect(progress.every((e) => e.kind === 'train' && e.unit === 'models' && e.total === 3)).toBe(true);
    expect(progress.some((e) => e.phase.startsWith('anomaly:'))).toBe(true);
    expect(progress.some((e) => e.phase.startsWith('remaining-time:') && e.done >= 1)).toBe(true);
  });

  it('lists the versions with metrics, baselines and drift', async () => {
    const overview = await engine.models(workspace);
    const rt = overview.versions.find((v) => v.kind === 'remaining-time')!;
    expect(rt).toMatchObject({ label: 'remaining-time v1', current: true, stale: false });
    expect(rt.baselines[0]).toMatchObject({ name: 'this model', model: true });
    expect(rt.baselines.length).toBeGreaterThan(1);
    expect(rt.baselines[0].value).toBeCloseTo(rt.metrics.workInProgressMaeHours as number, 9);
    // The fairness view by region: the segments' errors weighted by their rows are the whole's error.
    const fairness = rt.fairness!;
    expect(fairness.by).toBe('region');
    expect(overview.attributes).toContain('region');
    const rows = fairness.segments.reduce((n, s) => n + s.rows, 0);
    const weighted = fairness.segments.reduce((sum, s) => sum + s.rows * s.error, 0) / rows;
    expect(weighted).toBeCloseTo(rt.metrics.workInProgressMaeHours as number, 6);
    const anomaly = overview.versions.find((v) => v.kind === 'anomaly')!;
    // Drift of the anomaly model against the very cases it was trained on is none at all.
    expect(anomaly.drift.length).toBeGreaterThan(0);
    expect(anomaly.drift.every((d) => d.psi < 1e-9 && d.level === 'stable')).toBe(true);
    expect(overview.trainable.every((t) => t.available)).toBe(true);
    // No SLA target in the default measures: the suggestion reads like a target (whole hours under 2 days, else whole days).
    expect(overview.slaHours).toBeNull();
    const suggested = overview.suggestedSlaHours!;
    expect(suggested).toBeGreaterThan(0);
    expect(suggested < 48 ? Number.isInteger(suggested) : suggested % 24 === 0).toBe(true);
  });

  it('lists findings highest score first, injected cases among them, each additive', async () => {
    const { findings, total } = await engine.findings(workspace, { kind: 'anomaly' });
    expect(total).toBeGreaterThanOrEqual(findings.length);
    expect(findings.length).toBeGreaterThan(0);
    for (let i = 1; i < findings.length; i++) expect(findings[i - 1].score).toBeGreaterThanOrEqual(findings[i].score);
    // The log is cut mid-flight, so unfinished cases are unusual too; still, injected ones are found.
    expect(findings.some((f) => injected.has(f.case!))).toBe(true);
    for (const f of findings)
      expect(f.baseValue + f.explanation.reduce((s, e) => s + e.contribution, 0)).toBeCloseTo(f.prediction, 3);
    const filtered = await engine.findings(workspace, {
      kind: 'anomaly',
      filters: [{ kind: 'cases', caseIds: [findings[0].case!] }],
    });
    expect(filtered.findings.map((f) => f.case)).toEqual([findings[0].case]);
  });

  it('opens an exception type with its cases, as many as it counts', async () => {
    const { findings } = await engine.findings(workspace, { kind: 'exception-type' });
    expect(findings.length).toBeGreaterThan(0);
    const anomalies = new Set((await engine.findings(workspace, { kind: 'anomaly' })).findings.map((f) => f.id));
    let members = 0;
    for (const type of findings) {
      const detail = await engine.finding(workspace, type.id);
      expect(detail.members).toHaveLength(type.kpiEffect.cases as number);
      for (const m of detail.members) expect(anomalies.has(m.findingId)).toBe(true);
      members += detail.members.length;
    }
    // Every anomaly with an explanation belongs to exactly one type.
    expect(members).toBe(anomalies.size);
  });

  it('lists bottleneck findings, each naming its activity', async () => {
    const { findings } = await engine.findings(workspace, { kind: 'bottleneck' });
    expect(findings.length).toBeGreaterThan(0);
    const activities = (await engine.statistics(workspace)).activities;
    expect(activities).toBeGreaterThan(0);
    for (const f of findings) expect(typeof f.activity).toBe('string');
  });

  it('opens a finding with its case, then dismissing and commenting are audited', async () => {
    const [first] = (await engine.findings(workspace, { kind: 'anomaly', top: 1 })).findings;
    const detail = await engine.finding(workspace, first.id);
    expect(detail.caseIndex).not.toBeNull();
    expect((await engine.caseDetail(workspace, detail.caseIndex!)).id).toBe(first.case);
    expect(detail.model.label).toBe('anomaly v1');
    // Its unusual events point at events of the case itself.
    const events = (await engine.caseDetail(workspace, detail.caseIndex!)).events;
    for (const e of detail.unusualEvents) expect(events[e.position].activity).toBe(e.activity);
    const top10 = (await engine.findings(workspace, { kind: 'anomaly', top: 10 })).findings;
    const withEvents = await Promise.all(
      top10.map(async (f) => (await engine.finding(workspace, f.id)).unusualEvents.length),
    );
    expect(withEvents.some((n) => n > 0)).toBe(true);
    const loaded = engine.sessions.currentLog(workspace).log;
    const dismissed = await engine.updateFinding(workspace, first.id, {
      status: 'dismissed',
      comment: 'Known customer',
    });
    // Reviewing a finding is audited but does not change the log: every view keeps it loaded.
    expect(engine.sessions.currentLog(workspace).log).toBe(loaded);
    expect(dismissed.status).toBe('dismissed');
    expect(dismissed.comments.map((c) => c.text)).toEqual(['Known customer']);
    expect(dismissed.audit.map((a) => a.action)).toEqual(['finding_comment', 'finding_dismiss']);
    const trail = await engine.auditTrail(workspace, { limit: 2 });
    expect(trail.map((a) => a.action)).toEqual(['finding_comment', 'finding_dismiss']);
    expect((await engine.findings(workspace, { status: 'dismissed' })).findings.map((f) => f.id)).toEqual([first.id]);
    await expect(engine.updateFinding(workspace, first.id, {})).rejects.toThrow(/Nothing to change/);
  });

  it('forecasts the running cases, each explained additively', async () => {
    const view = await engine.runningCases(workspace, {});
    expect(view.models).toEqual(['remaining-time v1']);
    expect(view.runningCases).toBeGreaterThan(0);
    for (const row of view.cases) {
      expect(row.remainingSeconds).toBeGreaterThanOrEqual(0);
      expect(row.baseValue + row.explanation.reduce((s, e) => s + e.contribution, 0) + row.otherFeatures).toBeCloseTo(
        row.rawScore,
        4,
      );
    }
    const one = view.cases[0];
    expect((await engine.caseDetail(workspace, one.caseIndex)).id).toBe(one.case);
  });

  it('refuses a model the log cannot support in the call itself', async () => {
    await expect(engine.startTraining(workspace, { models: ['outcome'], outcome: 'Nope' })).rejects.toThrow(
      /not an activity/,
    );
    expect(() => checkCallArguments('startTraining', [workspace, { models: ['magic'] }])).toThrow(/must be one of/);
    expect(() => checkCallArguments('updateFinding', [workspace, 'x', { status: 'gone' }])).toThrow(
      /status must be one of/,
    );
  });

  // Last: it changes the log under the models.
  it('says when the models in use were trained on other data, with the request that retrains them alike', async () => {
    expect((await engine.runningCases(workspace, {})).stale).toBeNull();
    expect((await engine.findings(workspace, {})).stale).toBeNull();
    await engine.applyFix(workspace, { kind: 'drop_duplicates', description: 'drop exact duplicates', params: {} });
    const running = await engine.runningCases(workspace, {});
    expect(running.stale).toEqual({ models: ['remaining-time v1'], retrain: { models: ['remaining-time'] } });
    const { stale } = await engine.findings(workspace, {});
    expect(stale?.models.sort()).toEqual(['anomaly v1', 'bottleneck v1']);
    expect(stale?.retrain.models?.sort()).toEqual(['anomaly', 'bottleneck']);
  });
});
