import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobEvent } from '../../preload/api.ts';
import { ReportedError, toUserFacingError } from '../engine/errors.ts';
import { LocalEngine } from './local-engine.ts';
import { failedAfter, trainModels } from './model-training.ts';

/**
 * receipt.xes (1,434 cases) with its inferred end activity "T15 Print document X request
 * unlicensed" has 39 completed cases: the trial's training crashed there with "reading
 * 'ensemble'" and said the workspace was unchanged while anomaly and remaining-time versions
 * had been saved. Models the log cannot support are skipped with their reason instead.
 */
const RECEIPT = fileURLToPath(new URL('../../../shared/data/receipt.xes', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'gemba-receipt-train-'));
let engine: LocalEngine;
let workspace: string;

beforeAll(async () => {
  engine = new LocalEngine({ mode: 'cli', userDataDir: join(dir, 'user'), defaultWorkspaceDir: dir });
  workspace = (await engine.createWorkspace('rx')).path;
  const { jobId } = await engine.startImport({ workspace, file: { kind: 'path', path: RECEIPT } });
  const end = await new Promise<JobEvent>((resolve) => {
    const off = engine.onJobEvent((e) => {
      if (e.jobId === jobId && e.type !== 'progress') {
        off();
        resolve(e);
      }
    });
  });
  expect(end.type).toBe('done');
}, 60_000);

afterAll(() => engine.close());

describe('training on receipt.xes', () => {
  it('trains what the log supports and skips, with the count, the models that need completed cases', async () => {
    const result = await trainModels({ workspace, timeZone: 'UTC' }, () => {});
    expect(result.models.map((m) => m.modelVersion)).toEqual(['anomaly v1']);
    const why = Object.fromEntries(result.skipped.map((s) => [s.kind, s.reason]));
    expect(why['remaining-time']).toContain('the remaining-time model needs at least 50 completed cases');
    expect(why['remaining-time']).toContain(
      '"T15 Print document X request unlicensed" as the end activity the log has 39 completed of 1434',
    );
    expect(why.bottleneck).toContain('the bottleneck model needs at least 50 completed cases');
    // Exactly what was saved: the anomaly model alone.
    expect((await engine.models(workspace)).versions.map((v) => v.label)).toEqual(['anomaly v1']);
  }, 60_000);

  it('asked for a model the log cannot support alone, answers an input error with the reason', async () => {
    await expect(trainModels({ workspace, models: ['bottleneck'], timeZone: 'UTC' }, () => {})).rejects.toThrow(
      /No model could be trained on this log/,
    );
  });
});

describe('a fault while training says exactly what the workspace holds', () => {
  it('names the versions saved before it, and never claims the workspace was unchanged when it was', () => {
    const after = toUserFacingError(
      failedAfter('bottleneck', new TypeError('boom'), ['anomaly v2', 'remaining-time v2']),
    );
    expect(after).toEqual({
      kind: 'internal',
      message: 'Internal error while training the bottleneck model: boom',
      hint: 'Saved before it and kept: anomaly v2, remaining-time v2; the bottleneck model was not saved. This is a bug in Gemba.',
    });
    const first = failedAfter('anomaly', new Error('boom'), []);
    expect(first).toBeInstanceOf(ReportedError);
    expect(first.report.hint).toBe('No model was saved; the workspace was not changed. This is a bug in Gemba.');
  });
});
