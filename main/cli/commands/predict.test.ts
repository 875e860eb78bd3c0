import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { END_ACTIVITY, OrderToCash } from '../../../bench/generator/order-to-cash.ts';
import { gemba } from '../cli-run.fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'gemba-predict-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'orders-in-progress.csv');
const ws = join(dir, 'ws');
/** Cases of the written log whose last event is not the end activity, and those whose last is Receive Payment. */
const running = new Set<string>();
let waitingForClose = 0;

beforeAll(async () => {
  // 1,200 generated orders (seasonal load), the file cut at 90% of the arrivals: work in progress.
  const model = new OrderToCash(21, 1200 * 8, { load: true });
  const cases = Array.from({ length: 1200 }, (_, i) => model.simulate(i));
  const cutAt = cases[Math.floor(0.9 * cases.length)].times[0];
  const lines = ['case,activity,timestamp,resource,amount,region'];
  for (const c of cases) {
    if (c.times[0] > cutAt) continue;
    let last = '';
    for (let i = 0; i < c.activities.length && c.times[i] <= cutAt; i++) {
      lines.push(
        [
          c.id,
          c.activities[i],
          new Date(c.times[i]).toISOString(),
          c.resources[i],
          c.amount.toFixed(2),
          c.region.name,
        ].join(','),
      );
      last = c.activities[i];
    }
    if (last !== END_ACTIVITY) running.add(c.id);
    if (last === 'Receive Payment') waitingForClose++;
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  const imported = await gemba(
    'import',
    file,
    '--workspace',
    ws,
    '--case',
    'case',
    '--activity',
    'activity',
    '--timestamp',
    'timestamp',
    '--resource',
    'resource',
    '--json',
  );
  expect(imported.code, imported.stderr).toBe(0);
}, 60_000);

describe('gemba predict', () => {
  it('predicts every running case with remaining time, SLA risk and an additive explanation', async () => {
    const { code, stdout, stderr } = await gemba('predict', ws, '--sla', '240', '--top', '3', '--json');
    expect(code, stderr).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.endActivities).toEqual([END_ACTIVITY]);
    expect(result.runningCases).toBe(running.size);
    expect(new Set(result.predictions.map((p: { case: string }) => p.case))).toEqual(running);
    for (const p of result.predictions) {
      expect(p.remainingSeconds).toBeGreaterThanOrEqual(0);
      expect(p.slaBreachProbability).toBeGreaterThanOrEqual(0);
      expect(p.slaBreachProbability).toBeLessThanOrEqual(1);
      expect(p.explanation.length).toBeLessThanOrEqual(3);
      expect(Object.keys(p.explanation[0])).toEqual(['feature', 'value', 'contribution']);
      const sum =
        p.baseValue +
        p.explanation.reduce((s: number, c: { contribution: number }) => s + c.contribution, 0) +
        p.otherFeatures;
      expect(sum).toBeCloseTo(p.rawScore, 6);
    }
    expect(result.basis.fileName).toBe('orders-in-progress.csv');
  }, 240_000);

  it('reuses the saved models, and takes end activities from the user', async () => {
    const { code, stdout } = await gemba(
      'predict',
      ws,
      '--end-activity',
      END_ACTIVITY,
      '--end-activity',
      'Receive Payment',
      '--json',
    );
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.endActivities).toEqual([END_ACTIVITY, 'Receive Payment']);
    expect(result.runningCases).toBe(running.size - waitingForClose);
  }, 120_000);

  it('says it in words without --json: one line per running case with its remaining time and why', async () => {
    const { code, stdout } = await gemba('predict', ws, '--sla', '240');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${running.size} running cases at .* \\(end activities: ${END_ACTIVITY}\\)$`));
    // The unit of the bracketed contributions is said once, then one line per case.
    expect(lines[1]).toMatch(/^Why: each feature's value, and in brackets what it adds to the forecast in .*hours/);
    expect(lines).toHaveLength(running.size + 2);
    expect(lines[2]).toMatch(/^C\d{7}: after .+, about \d+(\.\d)? [hd] to go, SLA risk \d+%; .+ = .+ \([+-]\d/);
  }, 120_000);

  it('refuses an unknown end activity or a bad SLA with a hint', async () => {
    const unknown = await gemba('predict', ws, '--end-activity', 'Ship Rocket', '--json');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/"Ship Rocket" is not an activity of this log/);
    const sla = await gemba('predict', ws, '--sla', 'soon');
    expect(sla.code).toBe(2);
    expect(sla.stderr).toMatch(/--sla must be a positive number of hours/);
  });
});

describe('gemba train with the prediction models', () => {
  it('trains the bottleneck model and lists its findings naming activities', async () => {
    const trained = await gemba('train', ws, '--model', 'bottleneck', '--json');
    expect(trained.code, trained.stderr).toBe(0);
    const [model] = JSON.parse(trained.stdout).models;
    expect(model).toMatchObject({ kind: 'bottleneck', modelVersion: 'bottleneck v1' });
    const { code, stdout } = await gemba('findings', ws, '--kind', 'bottleneck', '--json');
    expect(code).toBe(0);
    const findings = JSON.parse(stdout) as { kind: string; activity: string; score: number; modelVersion: string }[];
    // Only activities whose wait grows with load (by at least 3 minutes) are findings.
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.score >= 0.05)).toBe(true);
    expect(
      findings.every(
        (f) => f.kind === 'bottleneck' && f.modelVersion === 'bottleneck v1' && typeof f.activity === 'string',
      ),
    ).toBe(true);
    expect(findings.map((f) => f.score)).toEqual([...findings.map((f) => f.score)].sort((a, b) => b - a));
  }, 120_000);

  it('trains an outcome model and says what the SLA model needs', async () => {
    const outcome = await gemba('train', ws, '--model', 'outcome', '--outcome', 'Send Reminder', '--json');
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(JSON.parse(outcome.stdout).models[0].metrics.auc).toBeGreaterThan(0.5);
    const sla = await gemba('train', ws, '--model', 'sla-breach');
    expect(sla.code).toBe(2);
    expect(sla.stderr).toMatch(/needs the SLA in hours \(--sla HOURS/);
  }, 120_000);
});
