import { describe, expect, it, vi } from 'vitest';
import type { ImportSummary, JobEvent, TrainingResult } from '../../preload/api.ts';
import { CancelledError } from '../engine/errors.ts';
import { JobQueue } from './job-queue.ts';

const summary = { importId: 1 } as ImportSummary;

describe('JobQueue', () => {
  it('runs jobs one at a time and keeps going when a listener throws', async () => {
    const queue = new JobQueue();
    const events: JobEvent[] = [];
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    queue.onEvent(() => {
      throw new Error('listener bug');
    });
    queue.onEvent((e) => events.push(e));
    const order: string[] = [];
    const a = queue.start('import', async () => {
      order.push('a');
      return summary;
    });
    const b = queue.start('import', async () => {
      order.push('b');
      return summary;
    });
    await queue.idle();
    expect(order).toEqual(['a', 'b']);
    expect(events.map((e) => [e.type, e.jobId])).toEqual([
      ['done', a],
      ['done', b],
    ]);
    expect(logged).toHaveBeenCalledTimes(2);
    logged.mockRestore();
  });

  it('cancelAll ends the running and the queued jobs as cancelled', async () => {
    const queue = new JobQueue();
    const events: JobEvent[] = [];
    queue.onEvent((e) => events.push(e));
    const work = (signal: AbortSignal) =>
      new Promise<ImportSummary>((_, reject) => signal.addEventListener('abort', () => reject(new CancelledError())));
    queue.start('import', work);
    queue.start('import', work);
    queue.cancelAll();
    await queue.idle();
    expect(events.map((e) => e.type)).toEqual(['cancelled', 'cancelled']);
    expect((await Promise.resolve(queue.list())).every((e) => e.type === 'cancelled')).toBe(true);
  });

  it('runs jobs of different threads side by side: an import does not wait for a training run', async () => {
    const queue = new JobQueue();
    const events: JobEvent[] = [];
    queue.onEvent((e) => events.push(e));
    let finishTraining: (result: TrainingResult) => void = () => undefined;
    const training = queue.start('train', () => new Promise<TrainingResult>((resolve) => (finishTraining = resolve)));
    const first = queue.start('import', async () => summary);
    const second = queue.start('import', async () => summary);
    // Both imports end while the training run still waits; imports among themselves keep their order.
    await vi.waitFor(() =>
      expect(events.filter((e) => e.type === 'done').map((e) => e.jobId)).toEqual([first, second]),
    );
    expect(events.some((e) => e.jobId === training && e.type !== 'progress')).toBe(false);
    finishTraining({} as TrainingResult);
    await queue.idle();
    expect(events.filter((e) => e.type === 'done').map((e) => [e.kind, e.jobId])).toEqual([
      ['import', first],
      ['import', second],
      ['train', training],
    ]);
  });
});
