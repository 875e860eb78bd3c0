import { Worker } from 'node:worker_threads';
import { CancelledError, ReportedError } from '../engine/errors.ts';
import type { JobProgress } from '../service/job-queue.ts';
import type { RunOnThread } from '../service/job-kinds.ts';
import type { FromJobThread, ToJobThread } from './job-thread-messages.ts';

/**
 * Runs one job on a thread of its own and answers its result: the slot for CPU-bound work such
 * as model training, so neither the engine thread (map and analysis calls) nor the window waits
 * on it. A fresh thread per job: its memory is returned when the job ends, and cancel is
 * `terminate()`, which stops even a loop that never looks at a signal.
 *
 * `entry` is the thread's module, which calls `serveThreadJob` (job-thread-port.ts). A `.ts` entry
 * (development, tests) is started through thread.boot.mjs, which registers the TypeScript loader;
 * packaged builds pass the bundled `.js` (list the entry in scripts/build.mjs). `input` may be a
 * promise: the thread is started at once and sent the input when it is ready.
 */
export const runOnThread: RunOnThread = <R>(
  entry: URL | string,
  input: unknown,
  signal: AbortSignal,
  progress: JobProgress,
) =>
  new Promise<R>((resolve, reject) => {
    if (signal.aborted) {
      reject(new CancelledError());
      return;
    }
    const href = entry instanceof URL ? entry.href : entry;
    const worker = href.endsWith('.ts')
      ? new Worker(new URL('./thread.boot.mjs', import.meta.url), { workerData: { entry: href } })
      : new Worker(entry);
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', cancel);
      void worker.terminate();
      outcome();
    };
    const cancel = () => settle(() => reject(new CancelledError()));
    signal.addEventListener('abort', cancel, { once: true });
    worker.on('message', (message: FromJobThread) => {
      if (message.type === 'progress') progress(message.phase, message.done, message.total);
      else if (message.type === 'done') settle(() => resolve(message.result as R));
      else settle(() => reject(new ReportedError(message.error)));
    });
    const died = (reason: string) =>
      settle(() =>
        reject(
          new ReportedError({
            kind: 'internal',
            message: `Internal error: the job's thread stopped (${reason}).`,
            hint: 'Try again; nothing was saved.',
          }),
        ),
      );
    worker.on('error', (error) => died(error.message));
    worker.on('exit', (code) => died(`exit code ${code}`));
    // The thread boots while the caller still works out the input (e.g. a CSV piece waits for
    // the head analysis): a failed input stops it like a cancel.
    Promise.resolve(input).then(
      (ready) => {
        if (!settled) worker.postMessage({ type: 'start', input: ready } satisfies ToJobThread);
      },
      (error: unknown) => settle(() => reject(error)),
    );
  });
