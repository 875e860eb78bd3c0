// Boots the built Electron main process (dist/app/main.cjs) under plain Node with a stand-in
// 'electron' module, to check what can be checked without the Electron binary: the bundle loads,
// the window gets the secure webPreferences, the app protocol serves the UI with the CSP, and an
// IPC call from our page reaches the engine thread (dist/app/engine-worker.js) while one from a
// foreign page is refused. Prints one JSON object. Used by main/app/electron-bundle.test.ts.
const Module = require('node:module');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const report = { schemes: null, sandboxEnabled: false, webPreferences: null, loadedUrl: null, menu: null };
const handlers = {};
let markReady;
const ready = new Promise((resolve) => (markReady = resolve));
const noop = () => {};

class BrowserWindow {
  constructor(options) {
    report.webPreferences = options.webPreferences;
    this.webContents = { send: noop };
    BrowserWindow.all.push(this);
  }
  static getAllWindows() {
    return BrowserWindow.all;
  }
  static getFocusedWindow() {
    return null;
  }
  once() {}
  isDestroyed() {
    return false;
  }
  loadURL(url) {
    report.loadedUrl = url;
    return Promise.resolve();
  }
}
BrowserWindow.all = [];

const electron = {
  app: {
    enableSandbox: () => (report.sandboxEnabled = true),
    setPath: noop,
    requestSingleInstanceLock: () => true,
    whenReady: () => ready,
    getAppPath: () => root,
    getPath: () => process.env.GEMBA_USER_DATA,
    on: noop,
    quit: noop,
    exit: (code) => {
      report.exitCode = code;
    },
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes) => (report.schemes = schemes),
    handle: (_scheme, handler) => (handlers.protocol = handler),
  },
  session: {
    defaultSession: {
      webRequest: { onBeforeRequest: (_f, l) => (handlers.beforeRequest = l), onHeadersReceived: noop },
      setPermissionRequestHandler: (h) => (handlers.permission = h),
      setPermissionCheckHandler: noop,
      setDevicePermissionHandler: noop,
      on: noop,
    },
  },
  BrowserWindow,
  ipcMain: { handle: (channel, handler) => (handlers[channel] = handler) },
  dialog: {
    // The save dialog answers with a file in the user-data folder, as if the user had chosen it.
    showSaveDialog: async (...args) => {
      report.saveDialog = args.at(-1);
      require('node:fs').mkdirSync(process.env.GEMBA_USER_DATA, { recursive: true });
      return { canceled: false, filePath: path.join(process.env.GEMBA_USER_DATA, 'saved.svg') };
    },
  },
  Menu: {
    buildFromTemplate: (t) => t,
    setApplicationMenu: (m) => (report.menu = m[0].submenu.map((i) => i.label ?? i.role ?? i.type)),
  },
};

const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'electron' ? electron : load.call(this, request, ...rest);
};

require(path.join(root, 'dist', 'app', 'main.cjs'));
markReady();

const waitFor = async (check) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
};

(async () => {
  await waitFor(() => handlers['gemba:call'] && report.loadedUrl);
  const call = handlers['gemba:call'];
  report.environment = await call({ senderFrame: { url: 'gemba://app/index.html', parent: null } }, 'environment', []);
  report.foreignSender = await call(
    { senderFrame: { url: 'https://example.invalid/', parent: null } },
    'environment',
    [],
  );
  report.saveExport = await call({ senderFrame: { url: 'gemba://app/index.html', parent: null } }, 'saveExport', [
    { name: 'map.svg', mimeType: 'image/svg+xml', data: '<svg/>', encoding: 'utf8' },
  ]);
  if (report.saveExport.ok)
    report.savedText = require('node:fs').readFileSync(path.join(process.env.GEMBA_USER_DATA, 'saved.svg'), 'utf8');
  report.unknownMethod = await call(
    { senderFrame: { url: 'gemba://app/index.html', parent: null } },
    'acceptUpload',
    [],
  );
  const page = await handlers.protocol(new Request('gemba://app/index.html'));
  report.page = {
    status: page.status,
    csp: page.headers.get('content-security-policy'),
    html: (await page.text()).includes('<div id="root">'),
  };
  report.traversal = (await handlers.protocol(new Request('gemba://app/..%2f..%2fpackage.json'))).status;
  const decide = (url) => new Promise((resolve) => handlers.beforeRequest({ url }, (r) => resolve(r.cancel === true)));
  report.cancelled = {
    remote: await decide('https://example.invalid/x.js'),
    own: await decide('gemba://app/assets/a.js'),
  };
  report.permissionGranted = await new Promise((resolve) => handlers.permission(null, 'media', resolve));
  process.stdout.write(JSON.stringify(report) + '\n');
  process.exit(0);
})().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error) + '\n');
  process.exit(1);
});
