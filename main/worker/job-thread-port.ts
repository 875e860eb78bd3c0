import { parentPort } from 'node:worker_threads';
import { toUserFacingError } from '../engine/errors.ts';
import type { JobProgress } from '../service/job-queue.ts';
import type { FromJobThread, ToJobThread } from './job-thread-messages.ts';

/**
 * The thread side of runOnThread: call once at the top of a job thread's module with the work it
 * does. Progress is posted as it comes (the job queue throttles it); a thrown error reaches the
 * caller as the same UserFacingError it would be on the engine thread.
 */
export function serveThreadJob<I, R>(
  work: (input: I, progress: JobProgress) => Promise<R> | R,
  /** Buffers of the result to move to the caller rather than copy (they are unusable here after). */
  transferables?: (result: R) => ArrayBuffer[],
): void {
  const port = parentPort;
  if (!port) throw new Error('serveThreadJob must run in a worker thread started by runOnThread');
  const post = (message: FromJobThread, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  port.once('message', async (message: ToJobThread) => {
    try {
      const result = await work(message.input as I, (phase, done, total) =>
        post({ type: 'progress', phase, done, total }),
      );
      post({ type: 'done', result }, transferables?.(result));
    } catch (error) {
      post({ type: 'failed', error: toUserFacingError(error) });
    }
  });
}
