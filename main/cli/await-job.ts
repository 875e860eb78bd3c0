import type { JobEvent, JobEventOf, JobKind, JobKinds, JobStarted } from '../../preload/api.ts';
import { CancelledError, ReportedError } from '../engine/errors.ts';
import type { CliApi } from './command.ts';

type Progress<K extends JobKind> = Extract<JobEventOf<K>, { type: 'progress' }>;

/**
 * Starts a job through the contract and waits for its end, as the app's import screen does: the
 * job's result, or the user-facing error it failed with (thrown as a ReportedError, so the CLI
 * words it like any other error). Events are heard from before the start, so a job that ends
 * before `start` answers is not missed.
 */
export async function awaitJob<K extends JobKind>(
  api: CliApi,
  kind: K,
  start: () => Promise<JobStarted>,
  onProgress: (event: Progress<K>) => void = () => undefined,
): Promise<JobKinds[K]['result']> {
  const early: JobEvent[] = [];
  let jobId: string | null = null;
  let settle: ((event: JobEvent) => void) | null = null;
  const ended = new Promise<JobEvent>((resolve) => (settle = resolve));
  const hear = (event: JobEvent) => {
    if (event.kind !== kind || event.jobId !== jobId) return;
    if (event.type === 'progress') onProgress(event as Progress<K>);
    else settle!(event);
  };
  const off = api.onJobEvent((event) => (jobId === null ? early.push(event) : hear(event)));
  try {
    jobId = (await start()).jobId;
    for (const event of early) hear(event);
    const end = await ended;
    if (end.type === 'done') return end.result as JobKinds[K]['result'];
    if (end.type === 'cancelled') throw new CancelledError();
    if (end.type === 'failed') throw new ReportedError(end.error);
    throw new Error(`unexpected job event ${end.type}`);
  } finally {
    off();
  }
}
