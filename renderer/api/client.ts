import type { FileRef, GembaBridge } from '../../preload/api.ts';
import { createHttpBridge, type HttpBridge } from './http-client.ts';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser mode. */
    gemba?: GembaBridge;
  }
}

let bridge: GembaBridge | null = null;
let httpBridge: HttpBridge | null = null;

/** The API the whole UI talks to: the Electron preload when present, else the local host. */
export function gemba(): GembaBridge {
  if (bridge) return bridge;
  if (window.gemba) {
    bridge = window.gemba;
  } else {
    httpBridge = createHttpBridge();
    bridge = httpBridge;
  }
  return bridge;
}

/**
 * A File the user dropped or picked, as something the engine can read: its local path in
 * Electron, the uploaded bytes in the browser mode.
 */
export async function fileRefFor(file: File): Promise<FileRef> {
  const api = gemba();
  const path = api.pathForFile?.(file);
  if (path) return { kind: 'path', path };
  if (httpBridge) return httpBridge.upload(file);
  throw new Error(`Cannot read "${file.name}": this window has no access to local file paths.`);
}
