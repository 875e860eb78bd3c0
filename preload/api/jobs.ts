/** Long work (imports now; training, scoring and report export next): its events, cancel and list. */
import type { CallKinds, UserFacingError } from './calls.ts';
import type { ImportSummary } from './import.ts';

export type JobEvent =
  /**
   * `unit` says what done/total count: in the 'reading' phase bytes of the input file (compressed
   * bytes for .gz), in 'checking' and 'saving' steps.
   */
  | { type: 'progress'; jobId: string; phase: string; done: number; total: number; unit: 'bytes' | 'steps' }
  | { type: 'done'; jobId: string; result: ImportSummary }
  | { type: 'failed'; jobId: string; error: UserFacingError }
  | { type: 'cancelled'; jobId: string };


export interface JobCalls {
  cancelJob(jobId: string): Promise<void>;
  /** The latest event of every job running now or ended in the last hour, newest first: lets a reloaded UI re-attach. */
  jobs(): Promise<JobEvent[]>;
}

export const JOB_CALLS = {
  cancelJob: 'call',
  jobs: 'call',
} as const satisfies CallKinds<JobCalls>;
