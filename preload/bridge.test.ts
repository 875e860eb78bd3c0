import { describe, expect, it } from 'vitest';
import { API_METHODS, IPC_CALL_CHANNEL, IPC_JOB_EVENT_CHANNEL, IPC_MENU_CHANNEL } from './api.ts';
import { createPreloadBridge, type PreloadIpc } from './bridge.ts';

function fakeIpc() {
  const invoked: unknown[][] = [];
  const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
  const ipc: PreloadIpc = {
    invoke: async (channel, ...args) => {
      invoked.push([channel, ...args]);
      const [method] = args;
      return method === 'statistics'
        ? { ok: false, error: { kind: 'input', message: 'No log.', line: 3 } }
        : { ok: true, result: 'r' };
    },
    on: (channel, listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    },
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
    getPathForFile: (file) => (file.name === 'dropped.csv' ? '/home/u/dropped.csv' : ''),
  };
  return { ipc, invoked, listeners };
}

describe('preload bridge', () => {
  it('exposes exactly the API calls plus onJobEvent, onMenuCommand and pathForFile', () => {
    const bridge = createPreloadBridge(fakeIpc().ipc);
    expect(Object.keys(bridge).sort()).toEqual([...API_METHODS, 'onJobEvent', 'onMenuCommand', 'pathForFile'].sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('sends every call over the one call channel as (method, args)', async () => {
    const { ipc, invoked } = fakeIpc();
    const bridge = createPreloadBridge(ipc);
    await expect(bridge.cases('ws', { offset: 0, limit: 2 })).resolves.toBe('r');
    expect(invoked).toEqual([[IPC_CALL_CHANNEL, 'cases', ['ws', { offset: 0, limit: 2 }]]]);
  });

  it('rejects with the UserFacingError itself, so the UI keeps line and hint', async () => {
    const bridge = createPreloadBridge(fakeIpc().ipc);
    await expect(bridge.statistics('ws')).rejects.toEqual({ kind: 'input', message: 'No log.', line: 3 });
  });

  it('passes event payloads but never the IPC event object, and unsubscribes', () => {
    const { ipc, listeners } = fakeIpc();
    const bridge = createPreloadBridge(ipc);
    const seen: unknown[] = [];
    const off = bridge.onJobEvent((event) => seen.push(event));
    bridge.onMenuCommand!((command) => seen.push(command));
    for (const l of listeners.get(IPC_JOB_EVENT_CHANNEL)!) l({ sender: 'secret' }, { type: 'cancelled', jobId: 'j' });
    for (const l of listeners.get(IPC_MENU_CHANNEL)!)
      l({ sender: 'secret' }, { type: 'import-log', file: { kind: 'path', path: '/x.csv' } });
    expect(seen).toEqual([
      { type: 'cancelled', jobId: 'j' },
      { type: 'import-log', file: { kind: 'path', path: '/x.csv' } },
    ]);
    off();
    expect(listeners.get(IPC_JOB_EVENT_CHANNEL)!.size).toBe(0);
  });

  it('answers a path for a dropped file and undefined when there is none', () => {
    const bridge = createPreloadBridge(fakeIpc().ipc);
    expect(bridge.pathForFile!({ name: 'dropped.csv' })).toBe('/home/u/dropped.csv');
    expect(bridge.pathForFile!({ name: 'made-in-page.csv' })).toBeUndefined();
  });
});
