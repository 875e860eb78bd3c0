import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  allowPermission,
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  isAllowedNavigation,
  isAllowedRequestUrl,
  isAppUrl,
  isTrustedSender,
  secureWebPreferences,
  WINDOW_OPEN_POLICY,
} from './security.ts';

describe('Electron security settings', () => {
  it('runs the renderer isolated, sandboxed, without Node and with web security', () => {
    const prefs = secureWebPreferences('/app/dist/preload/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/dist/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('uses a CSP that allows only our own scripts, styles and connections', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name!, values];
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    // No inline script, no eval of any kind.
    expect(directives.get('script-src')).toEqual(["'self'"]);
    for (const values of directives.values()) {
      expect(values.some((v) => /^https?:|^\*$|^ws/.test(v))).toBe(false);
    }
  });

  it('denies window.open, every permission, and navigation away from the app', () => {
    expect(WINDOW_OPEN_POLICY).toEqual({ action: 'deny' });
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
    ]) {
      expect(allowPermission(permission)).toBe(false);
    }
    expect(isAllowedNavigation(APP_ENTRY_URL + '#/summary')).toBe(true);
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'gemba://other/index.html',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(isAllowedNavigation(url), url).toBe(false);
    }
  });

  it('lets only app, data, blob and devtools requests through the session', () => {
    for (const url of [
      APP_ENTRY_URL,
      'gemba://app/assets/index-abc.js',
      'data:image/png;base64,AAAA',
      'blob:gemba://app/1234',
      'devtools://devtools/bundled/inspector.html',
    ]) {
      expect(isAllowedRequestUrl(url), url).toBe(true);
    }
    for (const url of [
      'https://cdn.example.com/plotly.js',
      'http://localhost:3000/',
      'ws://127.0.0.1:1/',
      'file:///home/u/.ssh/id_rsa',
      'ftp://x/',
      'gemba://evil/x',
      '',
    ]) {
      expect(isAllowedRequestUrl(url), url).toBe(false);
    }
  });

  it('trusts IPC only from the top frame of an app page', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL + '#/home', isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: APP_ENTRY_URL, isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/x.html', isMainFrame: true })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isAppUrl('gemba://app.evil/x')).toBe(false);
  });

  it('is wired into the window, the session and every web contents', () => {
    // The wiring modules cannot run without Electron; check they use these settings and nothing looser.
    const main = readFileSync(new URL('./main.ts', import.meta.url), 'utf8');
    expect(main).toContain('webPreferences: secureWebPreferences(');
    expect(main).toContain('app.enableSandbox()');
    expect(main).toContain('hardenSession(session.defaultSession)');
    expect(main).toContain('hardenEveryWebContents(app)');
    expect(main).not.toMatch(
      /nodeIntegration\s*:\s*true|contextIsolation\s*:\s*false|sandbox\s*:\s*false|webSecurity\s*:\s*false/,
    );
    const hardening = readFileSync(new URL('./hardening.ts', import.meta.url), 'utf8');
    for (const hook of [
      'onBeforeRequest',
      'onHeadersReceived',
      'setPermissionRequestHandler',
      'setPermissionCheckHandler',
      "'will-navigate'",
      'setWindowOpenHandler',
      "'will-attach-webview'",
    ]) {
      expect(hardening, hook).toContain(hook);
    }
  });
});
