import {
  API_CALLS,
  proxyOf,
  IPC_CALL_CHANNEL,
  IPC_JOB_EVENT_CHANNEL,
  IPC_MENU_CHANNEL,
  type GembaApi,
  type GembaBridge,
  type JobEvent,
  type MenuCommand,
  type CallOutcome,
} from './api.ts';

/** The few pieces of Electron's preload API the bridge uses; injected so it is testable. */
export interface PreloadIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): void;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): void;
  getPathForFile(file: { readonly name: string }): string;
}

function subscribe<T>(ipc: PreloadIpc, channel: string, listener: (payload: T) => void): () => void {
  // Only the payload reaches the page: the IpcRendererEvent (with its `sender`) never does.
  const handler = (_event: unknown, payload: unknown) => listener(payload as T);
  ipc.on(channel, handler);
  return () => ipc.removeListener(channel, handler);
}

/**
 * What the preload exposes as `window.gemba`: exactly the typed calls of GembaBridge, each one
 * fixed IPC channel. No ipcRenderer, no generic send/invoke, no Node.
 *
 * A failed call rejects with the engine's UserFacingError as a plain object (kind, message,
 * file, line, column, hint); contextBridge copies plain objects whole, whereas it would strip
 * every field but `message` from an Error.
 */
export function createPreloadBridge(ipc: PreloadIpc): GembaBridge {
  const calls = proxyOf<GembaApi>(API_CALLS, async (method, args) => {
    const outcome = (await ipc.invoke(IPC_CALL_CHANNEL, method, args)) as CallOutcome;
    if (outcome.ok) return outcome.result;
    throw outcome.error;
  });
  return {
    ...calls,
    onJobEvent: (listener: (event: JobEvent) => void) => subscribe(ipc, IPC_JOB_EVENT_CHANNEL, listener),
    onMenuCommand: (listener: (command: MenuCommand) => void) => subscribe(ipc, IPC_MENU_CHANNEL, listener),
    pathForFile: (file: { readonly name: string }) => ipc.getPathForFile(file) || undefined,
  };
}
