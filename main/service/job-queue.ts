import { randomUUID } from 'node:crypto';
import type { JobEvent, JobKind, JobKinds } from '../../preload/api.ts';
import { CancelledError, toUserFacingError } from '../engine/errors.ts';
import { JOB_THREADS, PROGRESS_UNITS, type JobThread } from './job-kinds.ts';

export type JobProgress = (phase: string, done: number, total: number) => void;

/** Ended jobs are remembered this long, so a UI that reloads can still learn how they ended. */
const REMEMBER_ENDED_MS = 60 * 60 * 1000;
/** The body of a job of kind K: resolves to its result, rejects (CancelledError on abort) to end it. */
export type JobWork<K extends JobKind = JobKind> = (
  signal: AbortSignal,
  progress: JobProgress,
) => Promise<JobKinds[K]['result']>;

const PROGRESS_INTERVAL_MS = 100;

/**
 * Long work, each job with progress and cancel. Jobs of one thread (JOB_THREADS) run one at a
 * time in start order; jobs of different threads run side by side, so a training run does not hold
 * up an import. Events go to every listener; progress is throttled so a fast parser cannot flood
 * the UI.
 */
export class JobQueue {
  private readonly listeners = new Set<(event: JobEvent) => void>();
  private readonly running = new Map<string, AbortController>();
  /** Latest event per job, in start order. */
  private readonly latest = new Map<string, { event: JobEvent; at: number }>();
  /** Per thread: the promise that settles when its last queued job has ended. */
  private readonly tails = new Map<JobThread, Promise<unknown>>();

  onEvent(listener: (event: JobEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start<K extends JobKind>(kind: K, work: JobWork<K>): string {
    const jobId = randomUUID();
    const controller = new AbortController();
    this.running.set(jobId, controller);
    const queued = {
      type: 'progress',
      kind,
      jobId,
      phase: 'queued',
      done: 0,
      total: 1,
      unit: PROGRESS_UNITS[kind]('queued'),
    } as JobEvent;
    this.latest.set(jobId, { event: queued, at: Date.now() });
    // `run` never rejects (it reports failures as events), so the chain cannot break.
    const thread = JOB_THREADS[kind];
    this.tails.set(
      thread,
      (this.tails.get(thread) ?? Promise.resolve()).then(() => this.run(kind, jobId, controller, work)),
    );
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
    for (const [jobId, entry] of this.latest)
      if (!this.running.has(jobId) && entry.at < cutoff) this.latest.delete(jobId);
    return [...this.latest.values()].map((e) => e.event).reverse();
  }

  /** Resolves when every job queued so far, on every thread, has ended. */
  idle(): Promise<unknown> {
    return Promise.all(this.tails.values());
  }

  private async run<K extends JobKind>(
    kind: K,
    jobId: string,
    controller: AbortController,
    work: JobWork<K>,
  ): Promise<void> {
    let lastProgress = 0;
    // The events are built per kind K; TypeScript cannot see that a generic K picks one member of
    // the JobEvent union, hence the casts (JobEventOf<K> is exactly that member).
    const progress: JobProgress = (phase, done, total) => {
      const now = Date.now();
      if (now - lastProgress < PROGRESS_INTERVAL_MS && done < total) return;
      lastProgress = now;
      this.emit({ type: 'progress', kind, jobId, phase, done, total, unit: PROGRESS_UNITS[kind](phase) } as JobEvent);
    };
    try {
      if (controller.signal.aborted) throw new CancelledError();
      const result = await work(controller.signal, progress);
      this.emit({ type: 'done', kind, jobId, result } as JobEvent);
    } catch (error) {
      if (error instanceof CancelledError || controller.signal.aborted)
        this.emit({ type: 'cancelled', kind, jobId } as JobEvent);
      else this.emit({ type: 'failed', kind, jobId, error: toUserFacingError(error) } as JobEvent);
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
