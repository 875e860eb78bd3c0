/** Long work (imports now; training, scoring and report export next): its events, cancel and list. */
import type { CallKinds, UserFacingError } from './calls.ts';
import type { ImportSummary } from './import.ts';
import type { TrainingResult } from './models.ts';

/**
 * Each kind of job with what it answers when done and what its progress counts. A kind added
 * here (training, scoring and report export are next) becomes part of JobEvent, and the service's
 * JOB_THREADS then asks the compiler which thread runs it.
 */
export interface JobKinds {
  /**
   * An import: `unit` is bytes of the input file in the 'reading' phase (compressed bytes for
   * .gz), steps in 'checking' and 'saving'.
   */
  import: { result: ImportSummary; unit: 'bytes' | 'steps' };
  /**
   * A training run: `unit` is models (done = models finished plus the share of the one in hand,
   * total = models to train); the phase names the model and its step ("anomaly: computing case features").
   */
  train: { result: TrainingResult; unit: 'models' };
}

export type JobKind = keyof JobKinds;

/** The events of one kind of job: progress in its unit, its result, a failure, or a cancel. */
export type JobEventOf<K extends JobKind> =
  | { type: 'progress'; kind: K; jobId: string; phase: string; done: number; total: number; unit: JobKinds[K]['unit'] }
  | { type: 'done'; kind: K; jobId: string; result: JobKinds[K]['result'] }
  | { type: 'failed'; kind: K; jobId: string; error: UserFacingError }
  | { type: 'cancelled'; kind: K; jobId: string };

/** Every job event, a union by kind: `event.kind` narrows `result` and `unit`. */
export type JobEvent = { [K in JobKind]: JobEventOf<K> }[JobKind];

export interface JobCalls {
  cancelJob(jobId: string): Promise<void>;
  /** The latest event of every job running now or ended in the last hour, newest first: lets a reloaded UI re-attach. */
  jobs(): Promise<JobEvent[]>;
}

export const JOB_CALLS = {
  cancelJob: 'call',
  jobs: 'call',
} as const satisfies CallKinds<JobCalls>;
