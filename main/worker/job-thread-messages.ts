import type { UserFacingError } from '../../preload/api.ts';

/** Messages between runOnThread (job-thread.ts) and the job's own thread (job-thread-port.ts). */
export type ToJobThread = { type: 'start'; input: unknown };

export type FromJobThread =
  | { type: 'progress'; phase: string; done: number; total: number }
  | { type: 'done'; result: unknown }
  | { type: 'failed'; error: UserFacingError };
