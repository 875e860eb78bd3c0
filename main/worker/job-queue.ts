import { randomUUID } from 'node:crypto';
import type { ImportSummary, JobEvent } from '../../preload/api.ts';
import { CancelledError, toUserFacingError } from '../engine/errors.ts';

export type JobProgress = (phase: string, done: number, total: number) => void;
export type JobWork = (signal: AbortSignal, progress: JobProgress) => Promise<ImportSummary>;

const PROGRESS_INTERVAL_MS = 100;

/**
 * Long work (imports) one job at a time, each with progress and cancel. Events go to every
 * listener; progress is throttled so a fast parser cannot flood the UI.
 */
export class JobQueue {
  private readonly listeners = new Set<(event: JobEvent) => void>();
  private readonly running = new Map<string, AbortController>();
  private tail: Promise<unknown> = Promise.resolve();

  onEvent(listener: (event: JobEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(work: JobWork): string {
    const jobId = randomUUID();
    const controller = new AbortController();
    this.running.set(jobId, controller);
    this.tail = this.tail.then(() => this.run(jobId, controller, work));
    return jobId;
  }

  cancel(jobId: string): void {
    this.running.get(jobId)?.abort();
  }

  /** Resolves when every job queued so far has ended. */
  idle(): Promise<unknown> {
    return this.tail;
  }

  private async run(jobId: string, controller: AbortController, work: JobWork): Promise<void> {
    let lastProgress = 0;
    const progress: JobProgress = (phase, done, total) => {
      const now = Date.now();
      if (now - lastProgress < PROGRESS_INTERVAL_MS && done < total) return;
      lastProgress = now;
      this.emit({ type: 'progress', jobId, phase, done, total });
    };
    try {
      if (controller.signal.aborted) throw new CancelledError();
      const result = await work(controller.signal, progress);
      this.emit({ type: 'done', jobId, result });
    } catch (error) {
      if (error instanceof CancelledError || controller.signal.aborted) this.emit({ type: 'cancelled', jobId });
      else this.emit({ type: 'failed', jobId, error: toUserFacingError(error) });
    } finally {
      this.running.delete(jobId);
    }
  }

  private emit(event: JobEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
