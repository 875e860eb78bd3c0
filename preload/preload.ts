// Runs in the sandboxed renderer before the page: it may require only 'electron', so esbuild
// bundles this file with bridge.ts and api.ts into one CommonJS script (dist/preload/preload.cjs).
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createPreloadBridge } from './bridge.ts';

contextBridge.exposeInMainWorld(
  'gemba',
  createPreloadBridge({
    invoke: (channel, ...args) => ipcRenderer.invoke(channel, ...args),
    on: (channel, listener) => ipcRenderer.on(channel, listener),
    removeListener: (channel, listener) => ipcRenderer.removeListener(channel, listener),
    getPathForFile: (file) => webUtils.getPathForFile(file as File),
  }),
);
