import { describe, expect, it } from 'vitest';
import { CancelledError, ReportedError } from '../engine/errors.ts';
import { runOnThread } from './job-thread.ts';

const BUSY = new URL('./busy-thread.fixture.ts', import.meta.url);

describe('runOnThread: a job on a thread of its own', () => {
  it('answers the thread result and relays its progress', async () => {
    const seen: [string, number, number][] = [];
    const result = await runOnThread<{ turns: number; ms: number }>(
      BUSY,
      { ms: 60 },
      new AbortController().signal,
      (phase, done, total) => seen.push([phase, done, total]),
    );
    expect(result.ms).toBe(60);
    expect(result.turns).toBeGreaterThan(0);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every(([phase, done, total]) => phase === 'fitting' && done > 0 && done <= 60 && total === 60)).toBe(
      true,
    );
  });

  it('keeps the calling thread free while the job thread is busy', async () => {
    // The caller's timer must keep firing during 600 ms of CPU-bound work on the job thread: run on
    // the calling thread instead, the busy loop would let it fire at most once, at the end.
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    await runOnThread(BUSY, { ms: 600 }, new AbortController().signal, () => undefined);
    clearInterval(timer);
    expect(ticks).toBeGreaterThanOrEqual(10);
  });

  it('cancel stops even a loop that never looks at a signal', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const run = runOnThread(BUSY, { ms: 60_000 }, controller.signal, () => controller.abort());
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('a failure in the thread reaches the caller as the same user-facing error', async () => {
    const run = runOnThread(BUSY, { ms: 1, fail: true }, new AbortController().signal, () => undefined);
    await expect(run).rejects.toBeInstanceOf(ReportedError);
    await expect(run).rejects.toMatchObject({
      report: { kind: 'input', message: 'The training data has no cases.', hint: 'Import a log first.' },
    });
  });

  it('a job already cancelled never starts a thread', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(runOnThread(BUSY, { ms: 60_000 }, controller.signal, () => undefined)).rejects.toBeInstanceOf(
      CancelledError,
    );
  });
});
