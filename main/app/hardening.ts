import type { App, Session, WebContents } from 'electron';
import {
  allowPermission,
  CONTENT_SECURITY_POLICY,
  isAllowedNavigation,
  isAllowedRequestUrl,
  WINDOW_OPEN_POLICY,
} from './security.ts';

/** Session-wide: block the network, add the CSP to every response, refuse every permission. */
export function hardenSession(session: Session): void {
  session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url) });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
        'X-Content-Type-Options': ['nosniff'],
      },
    });
  });
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(allowPermission(permission)));
  session.setPermissionCheckHandler((_contents, permission) => allowPermission(permission));
  session.setDevicePermissionHandler(() => false);
  // No downloads: nothing a page could trigger should land on disk unasked. Exports are saved
  // through the contract's saveExport instead, which asks with the system's save dialog (save-export.ts).
  session.on('will-download', (event) => event.preventDefault());
}

/** Per page: no navigation away, no new windows, no <webview>. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => WINDOW_OPEN_POLICY);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function hardenEveryWebContents(app: App): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
