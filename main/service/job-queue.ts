import { randomUUID } from 'node:crypto';
import type { ImportSummary, JobEvent } from '../../preload/api.ts';
import { CancelledError, toUserFacingError } from '../engine/errors.ts';

export type JobProgress = (phase: string, done: number, total: number) => void;

/** Ended jobs are remembered this long, so a UI that reloads can still learn how they ended. */
const REMEMBER_ENDED_MS = 60 * 60 * 1000;
export type JobWork = (signal: AbortSignal, progress: JobProgress) => Promise<ImportSummary>;

const PROGRESS_INTERVAL_MS = 100;

/**
 * Long work (imports) one job at a time, each with progress and cancel. Events go to every
 * listener; progress is throttled so a fast parser cannot flood the UI.
 */
export class JobQueue {
  private readonly listeners = new Set<(event: JobEvent) => void>();
  private readonly running = new Map<string, AbortController>();
  /** Latest event per job, in start order. */
  private readonly latest = new Map<string, { event: JobEvent; at: number }>();
  private tail: Promise<unknown> = Promise.resolve();

  onEvent(listener: (event: JobEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(work: JobWork): string {
    const jobId = randomUUID();
    const controller = new AbortController();
    this.running.set(jobId, controller);
    this.latest.set(jobId, { event: { type: 'progress', jobId, phase: 'queued', done: 0, total: 1, unit: 'steps' }, at: Date.now() });
    // `run` never rejects (it reports failures as events), so the chain cannot break.
    this.tail = this.tail.then(() => this.run(jobId, controller, work));
    return jobId;
  }

  cancel(jobId: string): void {
    this.running.get(jobId)?.abort();
  }

  /** Cancels every queued and running job (on shutdown: quitting must not wait for an import). */
  cancelAll(): void {
    for (const controller of this.running.values()) controller.abort();
  }

  /** The latest event of each job running or ended within the last hour, newest job first. */
  list(): JobEvent[] {
    const cutoff = Date.now() - REMEMBER_ENDED_MS;
    for (const [jobId, entry] of this.latest) if (!this.running.has(jobId) && entry.at < cutoff) this.latest.delete(jobId);
    return [...this.latest.values()].map((e) => e.event).reverse();
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
      this.emit({ type: 'progress', jobId, phase, done, total, unit: phase === 'reading' ? 'bytes' : 'steps' });
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

  /** A throwing listener must neither stop the queue nor keep the event from the others. */
  private emit(event: JobEvent): void {
    this.latest.set(event.jobId, { event, at: Date.now() });
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        console.error('job event listener failed:', error);
      }
    }
  }
}
