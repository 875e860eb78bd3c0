import { Worker } from 'node:worker_threads';

/**
 * Reads the file and hashes it on a thread of its own. The import parses the same file at the same
 * time on the main thread: hashed there, its 76 MB (1M events) cost the parse ~80 ms of its
 * thread; here they take the second core. Plain CommonJS evaluated by the thread, so it needs no
 * file of its own beside the bundle.
 */
const HASH_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { closeSync, openSync, readSync } = require('node:fs');
const hash = createHash('sha256');
const fd = openSync(workerData.path, 'r');
try {
  const chunk = Buffer.allocUnsafe(1 << 20);
  for (let n; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0; ) hash.update(chunk.subarray(0, n));
} finally {
  closeSync(fd);
}
parentPort.postMessage(hash.digest('hex'));
`;

/** SHA-256 of a file: the audit trail's proof of which bytes were imported. Abort stops the thread. */
export function sha256OfFile(path: string, signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const worker = new Worker(HASH_THREAD, { eval: true, workerData: { path } });
    const stop = () => {
      void worker.terminate();
      reject(signal!.reason as Error);
    };
    const settle = () => signal?.removeEventListener('abort', stop);
    signal?.addEventListener('abort', stop, { once: true });
    worker.once('message', (hex: string) => {
      settle();
      resolve(hex);
    });
    worker.once('error', (error) => {
      settle();
      reject(error);
    });
    worker.once('exit', (code) => {
      settle();
      // After a message or an error this changes nothing; otherwise the thread died without either.
      reject(new Error(`hashing ${path} stopped (exit ${code})`));
    });
  });
}
