import { parentPort, workerData } from 'node:worker_threads';
import { isApiMethod } from '../../preload/api.ts';
import { toUserFacingError } from '../engine/errors.ts';
import { LocalEngine, type EngineOptions } from '../service/local-engine.ts';
import { serveCall } from '../service/serve-call.ts';
import type { FromEngine, ToEngine } from './engine-messages.ts';
import { runOnThread } from './job-thread.ts';

/**
 * The engine thread: holds open workspaces and loaded logs, runs analyses and imports, so the
 * Electron main process and the host's HTTP loop never wait on a parse or a sort.
 */
const port = parentPort;
if (!port) throw new Error('engine-worker must run as a worker thread');
const engine = new LocalEngine(workerData as EngineOptions, runOnThread);
const post = (message: FromEngine) => port.postMessage(message);

engine.onJobEvent((event) => post({ type: 'job', event }));

port.on('message', async (message: ToEngine) => {
  if (message.type === 'close') {
    await engine.close();
    post({ type: 'closed' });
    return;
  }
  const { id, method, args } = message;
  try {
    if (!isApiMethod(method)) throw new Error(`the engine has no call named ${method}`);
    post({ type: 'result', id, value: await serveCall(engine, method, args) });
  } catch (error) {
    post({ type: 'error', id, error: toUserFacingError(error) });
  }
});
