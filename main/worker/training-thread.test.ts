import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobEvent } from '../../preload/api.ts';
import { generateLog } from '../../bench/generate.ts';
import { LocalEngine } from '../service/local-engine.ts';
import { runOnThread } from './job-thread.ts';

/**
 * Training runs on a thread of its own (JOB_THREADS: train → training): while it fits, the
 * thread that answers the map and the statistics keeps answering, and the job's end still
 * arrives with the models stored.
 */
describe('a training job on its own thread', () => {
  it('leaves the engine answering while it trains, then stores the models', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gemba-train-thread-'));
    const file = join(dir, 'o2c.csv');
    await generateLog({ events: 8000, seed: 9, format: 'csv', out: file });
    const engine = new LocalEngine(
      { mode: 'cli', userDataDir: join(dir, 'user'), defaultWorkspaceDir: dir },
      runOnThread,
    );
    const ws = (await engine.createWorkspace('ws')).path;
    const ended = (jobId: string) =>
      new Promise<JobEvent>((resolve) => {
        const off = engine.onJobEvent((e) => {
          if (e.jobId === jobId && e.type !== 'progress') {
            off();
            resolve(e);
          }
        });
      });
    const imported = await engine.startImport({ workspace: ws, file: { kind: 'path', path: file } });
    expect((await ended(imported.jobId)).type).toBe('done');

    const { jobId } = await engine.startTraining(ws, { models: ['anomaly', 'remaining-time'] });
    let training = true;
    const end = ended(jobId).then((e) => {
      training = false;
      return e;
    });
    // Answered on this thread while the training thread works: each within a fraction of the training time.
    const started = performance.now();
    const stats = await engine.statistics(ws);
    const map = await engine.processMap(ws, { activities: 1, paths: 1, view: 'frequency' });
    const answeredIn = performance.now() - started;
    expect(stats.cases).toBeGreaterThan(0);
    expect(map.svg).toContain('<svg');
    expect(training).toBe(true);
    const outcome = await end;
    if (outcome.type !== 'done' || outcome.kind !== 'train')
      throw new Error(`training ended ${JSON.stringify(outcome)}`);
    expect(outcome.result.models.map((m) => m.modelVersion)).toEqual(['anomaly v1', 'remaining-time v1']);
    expect(Math.max(...outcome.result.models.map((m) => m.trainingMs))).toBeGreaterThan(answeredIn);
    expect((await engine.models(ws)).versions).toHaveLength(2);

    // Cancel ends the job as cancelled at once (the thread is terminated): nothing of the model in hand is stored.
    const again = await engine.startTraining(ws, { models: ['remaining-time'] });
    const cancelled = ended(again.jobId);
    await engine.cancelJob(again.jobId);
    expect((await cancelled).type).toBe('cancelled');
    expect((await engine.models(ws)).versions.map((v) => v.label).sort()).toEqual(['anomaly v1', 'remaining-time v1']);
    await engine.close();
  }, 120_000);
});
