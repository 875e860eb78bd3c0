import { Worker } from 'node:worker_threads';
import { API_CALLS, proxyOf, type FileRef, type GembaApi, type JobEvent, type JobKind } from '../../preload/api.ts';
import { ReportedError } from '../engine/errors.ts';
import type { FromEngine, ToEngine } from './engine-messages.ts';
import { runOnThread } from './job-thread.ts';
import { LocalEngine, type EngineOptions } from '../service/local-engine.ts';
import { serveCall } from '../service/serve-call.ts';
import { UploadStore } from '../service/uploads.ts';

export interface EngineService extends GembaApi {
  onJobEvent(listener: (event: JobEvent) => void): () => void;
  /** Stores an uploaded file (browser mode) and returns the FileRef to pass to previewCsv/startImport. */
  acceptUpload(name: string, body: NodeJS.ReadableStream): Promise<Extract<FileRef, { kind: 'upload' }>>;
  close(): Promise<void>;
}

export interface EngineServiceOptions extends EngineOptions {
  /** Run the engine in this thread (debugging, or where threads are unwanted). */
  inProcess?: boolean;
  /** The engine thread's entry file; packaged builds point at their bundled worker. */
  workerEntry?: URL | string;
}

/**
 * The engine as the app and the host see it: every GembaApi call is forwarded to one engine
 * thread, so parsing, sorting and analyses never block the caller's event loop. The calls are a
 * proxyOf the contract, so a call added to it is forwarded without touching this file.
 */
export function createEngineService(options: EngineServiceOptions): EngineService {
  if (options.inProcess || process.env.GEMBA_ENGINE_IN_PROCESS === '1') return inProcessService(options);
  const uploads = new UploadStore(options.userDataDir);
  const listeners = new Set<(event: JobEvent) => void>();
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 1;
  let worker: Worker | null = null;
  let closed: (() => void) | null = null;

  const spawn = (): Worker => {
    const entry = options.workerEntry ?? defaultWorkerEntry();
    const { inProcess: _inProcess, workerEntry: _workerEntry, ...engineOptions } = options;
    const w = new Worker(entry, { workerData: engineOptions });
    w.on('message', (message: FromEngine) => {
      if (message.type === 'job') for (const listener of listeners) listener(message.event);
      else if (message.type === 'closed') closed?.();
      else {
        const call = pending.get(message.id);
        pending.delete(message.id);
        if (message.type === 'result') call?.resolve(message.value);
        else call?.reject(new ReportedError(message.error));
      }
    });
    // Jobs this thread runs; if it dies they end as failed, or the UI would wait for them forever.
    const runningJobs = new Map<string, JobKind>();
    w.on('message', (message: FromEngine) => {
      if (message.type !== 'job') return;
      if (message.event.type === 'progress') runningJobs.set(message.event.jobId, message.event.kind);
      else runningJobs.delete(message.event.jobId);
    });
    const fail = (reason: string) => {
      if (worker !== w) return; // already handled (an 'error' is followed by an 'exit')
      worker = null;
      const error = {
        kind: 'internal' as const,
        message: `Internal error: the engine stopped (${reason}).`,
        hint: 'Try again; the workspace was not changed.',
      };
      for (const call of pending.values()) call.reject(new ReportedError(error));
      pending.clear();
      for (const [jobId, kind] of runningJobs)
        for (const listener of listeners) listener({ type: 'failed', kind, jobId, error });
      runningJobs.clear();
      closed?.();
    };
    w.on('error', (error) => fail(error.message));
    w.on('exit', (code) => fail(`exit code ${code}`));
    return w;
  };

  const call = (method: string, args: unknown[]): Promise<unknown> =>
    new Promise((resolve, reject) => {
      if (!worker) worker = spawn();
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ type: 'call', id, method, args } satisfies ToEngine);
    });

  return {
    ...proxyOf<GembaApi>(API_CALLS, call),
    onJobEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    acceptUpload: (name, body) => uploads.save(name, body),
    close: async () => {
      const w = worker;
      if (!w) return;
      await new Promise<void>((resolve) => {
        closed = resolve;
        w.postMessage({ type: 'close' } satisfies ToEngine);
      });
      await w.terminate();
    },
  };
}

function defaultWorkerEntry(): URL {
  const self = import.meta.url;
  return new URL(self.endsWith('.ts') ? './engine-worker.boot.mjs' : './engine-worker.js', self);
}

function inProcessService(options: EngineOptions): EngineService {
  const engine = new LocalEngine(options, runOnThread);
  return {
    // async: a bad argument rejects the call, as it does across the thread.
    ...proxyOf<GembaApi>(API_CALLS, async (method, args) => serveCall(engine, method, args)),
    onJobEvent: (listener) => engine.onJobEvent(listener),
    acceptUpload: (name, body) => engine.uploads.save(name, body),
    close: () => engine.close(),
  };
}
