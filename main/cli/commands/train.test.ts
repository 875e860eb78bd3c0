import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLog, type GeneratedTruth } from '../../../bench/generate.ts';
import { gemba } from '../cli-run.fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'gemba-train-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'orders.csv');
const ws = join(dir, 'ws');
let truth: GeneratedTruth;

beforeAll(async () => {
  truth = await generateLog({ events: 24_000, seed: 5, format: 'csv', out: file });
  expect((await gemba('import', file, '--workspace', ws, '--json')).code).toBe(0);
}, 60_000);

describe('gemba train and gemba findings', () => {
  it('says to train first when there are no findings', async () => {
    const { code, stderr } = await gemba('findings', ws, '--json');
    expect(code).toBe(2);
    expect(stderr).toMatch(/no findings yet.*gemba train/s);
  });

  it('trains the anomaly model and reports its version, fingerprint and metrics', async () => {
    const { code, stdout } = await gemba('train', ws, '--model', 'anomaly', '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.models).toHaveLength(1);
    const [model] = result.models;
    expect(model.kind).toBe('anomaly');
    expect(model.modelVersion).toBe('anomaly v1');
    expect(model.dataFingerprint).toMatch(/^sha256:/);
    expect(model.metrics.cases).toBe(truth.cases);
    expect(model.findings.anomaly).toBeGreaterThan(0);
    expect(result.basis.sha256).toHaveLength(64);
  }, 60_000);

  it('lists findings in the issue’s shape, highest score first, additive, naming the injected cases', async () => {
    const { code, stdout } = await gemba('findings', ws, '--kind', 'anomaly', '--top', '20', '--json');
    expect(code).toBe(0);
    const findings = JSON.parse(stdout) as Record<string, unknown>[];
    expect(findings).toHaveLength(20);
    const injected = new Set(truth.anomalies.cases.map((c) => c.caseId));
    for (const [i, f] of findings.entries()) {
      expect(Object.keys(f)).toEqual([
        'id',
        'kind',
        'case',
        'score',
        'confidence',
        'prediction',
        'baseValue',
        'explanation',
        'conditions',
        'kpiEffect',
        'modelVersion',
        'dataFingerprint',
      ]);
      if (i > 0) expect(f.score as number).toBeLessThanOrEqual(findings[i - 1].score as number);
      const explanation = f.explanation as { contribution: number }[];
      const sum = (f.baseValue as number) + explanation.reduce((s, e) => s + e.contribution, 0);
      expect(Math.abs(sum - (f.prediction as number)) / (f.prediction as number)).toBeLessThan(1e-9);
      expect(injected.has(f.case as string)).toBe(true);
    }
  });

  it('lists exception types with count and trend', async () => {
    const { code, stdout } = await gemba('findings', ws, '--kind', 'exception-type', '--json');
    expect(code).toBe(0);
    const types = JSON.parse(stdout) as {
      kind: string;
      conditions: string[];
      kpiEffect: { cases: number; trend: string };
    }[];
    expect(types.length).toBeGreaterThan(1);
    expect(
      types.every((t) => t.kind === 'exception-type' && t.kpiEffect.cases > 0 && typeof t.kpiEffect.trend === 'string'),
    ).toBe(true);
  });

  it('versions a retrained model and shows only the newest model’s findings', async () => {
    // Without --model every model the log supports is trained (the prediction models too).
    const retrained = await gemba('train', ws, '--json');
    expect(retrained.code).toBe(0);
    // Same data as v1: nothing drifted.
    const drift = JSON.parse(retrained.stdout).models[0].driftSincePrevious;
    expect(drift.model).toBe('anomaly v1');
    expect(drift.shifted).toBe(0);
    expect(drift.features[0].psi).toBeLessThan(1e-9);
    const { stdout } = await gemba('findings', ws, '--kind', 'anomaly', '--top', '3', '--json');
    for (const f of JSON.parse(stdout) as { modelVersion: string }[]) expect(f.modelVersion).toBe('anomaly v2');
  }, 240_000);

  it('lists the model versions with fingerprint, basis and drift', async () => {
    const { code, stdout } = await gemba('models', ws, '--json');
    expect(code).toBe(0);
    const overview = JSON.parse(stdout) as {
      versions: {
        label: string;
        current: boolean;
        stale: boolean;
        basis: { cases: number };
        dataFingerprint: string;
      }[];
    };
    const anomaly = overview.versions.filter((v) => v.label.startsWith('anomaly'));
    expect(anomaly.map((v) => [v.label, v.current, v.stale])).toEqual([
      ['anomaly v2', true, false],
      ['anomaly v1', false, false],
    ]);
    expect(anomaly[0].basis.cases).toBe(truth.cases);
  });

  it('dismisses and comments on a finding, audited, and filters by status', async () => {
    const [top] = JSON.parse((await gemba('findings', ws, '--kind', 'anomaly', '--top', '1', '--json')).stdout) as {
      id: string;
    }[];
    const { code, stdout } = await gemba(
      'finding',
      ws,
      top.id,
      '--status',
      'dismissed',
      '--comment',
      'known data entry error',
      '--json',
    );
    expect(code).toBe(0);
    const finding = JSON.parse(stdout);
    expect(finding.status).toBe('dismissed');
    expect(finding.comments.map((c: { text: string }) => c.text)).toEqual(['known data entry error']);
    const open = JSON.parse(
      (await gemba('findings', ws, '--kind', 'anomaly', '--status', 'open', '--json')).stdout,
    ) as { id: string }[];
    expect(open.map((f) => f.id)).not.toContain(top.id);
    const bad = await gemba('finding', ws, top.id, '--status', 'maybe');
    expect(bad.code).toBe(2);
    expect((await gemba('finding', ws, 'no-such-id')).code).toBe(2);
  });

  it('lists unusual events against the model’s statistics, for one case too', async () => {
    const { code, stdout } = await gemba('unusual-events', ws, '--top', '30', '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as {
      statistics: string;
      events: { case: string; score: number; cause: string; reason: string }[];
    };
    expect(result.statistics).toBe('anomaly v2');
    expect(result.events).toHaveLength(30);
    // The extreme-duration cases wait 40–60× their usual at every step: their waits lead.
    const slow = new Set(truth.anomalies.cases.filter((c) => c.kind === 'extreme_duration').map((c) => c.caseId));
    expect(slow.has(result.events[0].case)).toBe(true);
    expect(result.events[0].cause).toBe('wait');
    const contractor = truth.anomalies.cases.find((c) => c.kind === 'night_work')!.caseId;
    const one = JSON.parse((await gemba('unusual-events', ws, '--case', contractor, '--json')).stdout) as typeof result;
    expect(one.events.every((e) => e.case === contractor)).toBe(true);
    expect(one.events[0].reason).toMatch(/done by Contractor \d\d/);
    expect((await gemba('unusual-events', ws, '--case', 'nobody')).code).toBe(2);
  });

  it('refuses an unknown model or kind with a hint', async () => {
    const model = await gemba('train', ws, '--model', 'crystal-ball');
    expect(model.code).toBe(2);
    expect(model.stderr).toMatch(/not a model Gemba trains.*anomaly/s);
    const zone = await gemba('train', ws, '--model', 'anomaly', '--timezone', 'Mars/Olympus_Mons');
    expect(zone.code).toBe(2);
    expect(zone.stderr).toMatch(/not a time zone/);
    const kind = await gemba('findings', ws, '--kind', 'gossip');
    expect(kind.code).toBe(2);
    expect(kind.stderr).toMatch(/not a kind of finding/);
  });
});
