import type { JobEvent } from '../../../preload/api.ts';

/**
 * The import job this window started, kept in sessionStorage so a reload of the window (or a
 * return to the import screen) finds it again through jobs() and shows its progress or outcome.
 */
export interface RememberedJob {
  jobId: string;
  fileName: string;
  workspace: string;
}

const KEY = 'gemba.importJob';

export function rememberJob(job: RememberedJob): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(job));
  } catch {
    // without storage a reload cannot re-attach; the import itself is unaffected
  }
}

export function recallJob(): RememberedJob | null {
  try {
    const job = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as RememberedJob | null;
    return job && typeof job.jobId === 'string' && typeof job.workspace === 'string' ? job : null;
  } catch {
    return null;
  }
}

export function forgetJob(jobId: string): void {
  try {
    if (recallJob()?.jobId === jobId) sessionStorage.removeItem(KEY);
  } catch {
    // nothing to forget
  }
}

/** What jobs() says about one job: its latest event, or that the engine no longer knows it. */
export type JobOutcome =
  | { kind: 'running'; event: JobEvent & { type: 'progress' } }
  | { kind: 'ended'; event: JobEvent }
  | { kind: 'unknown' };

export function jobOutcome(events: readonly JobEvent[], jobId: string): JobOutcome {
  const event = events.find((e) => e.jobId === jobId);
  if (!event) return { kind: 'unknown' };
  return event.type === 'progress' ? { kind: 'running', event } : { kind: 'ended', event };
}

/** How often the import screen asks jobs() while it waits, in case the event stream missed the end. */
export const JOB_POLL_MS = 3000;
