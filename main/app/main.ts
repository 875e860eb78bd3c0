// Electron main process: one window onto the UI, wired to the engine service over IPC.
// Bundled by scripts/build.mjs to dist/app/main.cjs (package.json "main").
import path from 'node:path';
import { app, BrowserWindow, protocol, session } from 'electron';
import { createEngineService } from '../worker/engine-service.ts';
import { serveRendererOnAppScheme } from './app-protocol.ts';
import { hardenEveryWebContents, hardenSession } from './hardening.ts';
import { forwardJobEvents, registerCallHandler } from './ipc.ts';
import { installApplicationMenu } from './menu.ts';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, secureWebPreferences } from './security.ts';

// Must happen before 'ready': makes gemba:// a secure, standard origin.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
// Every renderer sandboxed, even one created by mistake without our webPreferences.
app.enableSandbox();
// Tests point this at a temp folder so each run starts clean.
if (process.env.GEMBA_USER_DATA) app.setPath('userData', path.resolve(process.env.GEMBA_USER_DATA));

if (!app.requestSingleInstanceLock()) app.quit();

// app.getAppPath() is the folder with package.json: the repo in development, app.asar when packaged.
const distDir = path.join(app.getAppPath(), 'dist');

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 900,
    minHeight: 600,
    title: 'Gemba',
    show: false,
    webPreferences: secureWebPreferences(path.join(distDir, 'preload', 'preload.cjs')),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession);
  hardenEveryWebContents(app);
  serveRendererOnAppScheme(path.join(distDir, 'renderer'));

  const service = createEngineService({ mode: 'electron', userDataDir: app.getPath('userData') });
  registerCallHandler(service);
  forwardJobEvents(service);
  await installApplicationMenu(service);

  let window = createWindow();
  app.on('second-instance', () => {
    if (window.isDestroyed()) window = createWindow();
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) window = createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    closed = true;
    service.close().finally(() => app.quit());
  });
}

start().catch((error: unknown) => {
  console.error('Gemba could not start:', error);
  app.exit(1);
});
