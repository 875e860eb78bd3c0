import type { JobKind, JobKinds } from '../../preload/api.ts';

/**
 * The threads long work runs on. 'engine' is the thread that also answers map and analysis
 * calls; CPU-bound work (model training, scoring) belongs on 'training', a thread of its own per
 * job (main/worker/job-thread.ts), so a slider move is never queued behind a training run.
 */
export type JobThread = 'engine' | 'training';

/** Which thread each kind of job runs on; a kind added to JobKinds is a compile error here until placed. */
export const JOB_THREADS = {
  import: 'engine',
  train: 'training',
} as const satisfies { readonly [K in JobKind]: JobThread };

/** What a job's progress counts, by kind and phase. */
export const PROGRESS_UNITS: { readonly [K in JobKind]: (phase: string) => JobKinds[K]['unit'] } = {
  import: (phase) => (phase === 'reading' ? 'bytes' : 'steps'),
  train: () => 'models',
};

/**
 * Runs one job's work on a thread of its own and answers its result (main/worker/job-thread.ts).
 * Handed to the service by whoever starts it (the engine thread, the CLI), so the service never
 * imports the threading: `entry` is the thread's module, `input` what it is sent.
 */
export type RunOnThread = <R>(
  entry: URL | string,
  input: unknown | PromiseLike<unknown>,
  signal: AbortSignal,
  progress: (phase: string, done: number, total: number) => void,
) => Promise<R>;
