/**
 * Every security decision of the Electron shell, as plain data and pure functions, so it is
 * unit-tested without Electron (main/app/security.test.ts). The modules that import 'electron'
 * only wire these into the framework.
 */
import { CONTENT_SECURITY_POLICY } from '../host/security-headers.ts';

export { CONTENT_SECURITY_POLICY };

/** The UI is served from this privileged custom scheme, never from file:// or http://. */
export const APP_SCHEME = 'gemba';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Privileges for protocol.registerSchemesAsPrivileged: a secure, standard origin of its own. */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
} as const;

/** BrowserWindow webPreferences: the renderer is an ordinary sandboxed web page. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  } as const;
}

function parse(url: string | undefined | null): URL | null {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** A page of ours: gemba://app/… (any path; the hash carries the route). */
export function isAppUrl(url: string | undefined | null): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/**
 * Requests the session lets through: our own pages and assets, plus in-memory data/blob URLs
 * (plotly image export) and devtools. Everything else — http(s), ws, ftp, file — is cancelled,
 * so nothing leaves the machine and the page cannot read arbitrary local files.
 */
export function isAllowedRequestUrl(url: string): boolean {
  if (isAppUrl(url)) return true;
  const parsed = parse(url);
  if (!parsed) return false;
  return parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.protocol === 'devtools:';
}

/** Navigation away from the app (a link, a dropped file, window.location) is refused. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** window.open and target=_blank: always denied; Gemba has one kind of window. */
export const WINDOW_OPEN_POLICY = { action: 'deny' } as const;

/** Camera, microphone, notifications, geolocation, clipboard-read, …: none are needed. */
export function allowPermission(_permission: string): boolean {
  return false;
}

/**
 * IPC calls are answered only for the top frame of one of our pages; an iframe or any other
 * origin that somehow got loaded would be refused before the method is even looked at.
 */
export function isTrustedSender(frame: { url: string; isMainFrame: boolean } | null | undefined): boolean {
  return frame !== null && frame !== undefined && frame.isMainFrame && isAppUrl(frame.url);
}
