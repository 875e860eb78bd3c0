import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { API_METHODS } from '../preload/api.ts';
import { REPO_ROOT } from './gemba-host.ts';
import { chooseLogFile, createWorkspace, sampleLog, startImportAndWaitForSummary } from './ui-steps.ts';

/** The Electron binary, or why there is none (npm drops the optional package when its download fails). */
function electronBinary(): { path: string } | { missing: string } {
  try {
    const binary: unknown = createRequire(import.meta.url)('electron');
    if (typeof binary === 'string' && existsSync(binary)) return { path: binary };
    return { missing: `no file at ${String(binary)}` };
  } catch (error) {
    return { missing: (error as Error).message.split('\n')[0]! };
  }
}

const binary = electronBinary();
const ALLOWED = /^(gemba:\/\/app\/|data:|blob:|devtools:)/;

test.describe('Electron app', () => {
  test.skip('missing' in binary, `Electron binary not installed: ${'missing' in binary ? binary.missing : ''}`);

  let app: ElectronApplication;
  let window: Page;
  let root = '';
  const foreign: string[] = [];

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build.mjs')], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
    });
    root = await mkdtemp(path.join(os.tmpdir(), 'gemba-electron-'));
    app = await electron.launch({
      executablePath: (binary as { path: string }).path,
      args: [REPO_ROOT, '--no-sandbox', '--disable-gpu'],
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        GEMBA_USER_DATA: path.join(root, 'user-data'),
        GEMBA_WORKSPACES: path.join(root, 'workspaces'),
        ELECTRON_DISABLE_SECURITY_WARNINGS: 'false',
      },
    });
    window = await app.firstWindow();
    window.on('request', (request) => {
      if (!ALLOWED.test(request.url())) foreign.push(request.url());
    });
  });

  test.afterAll(async () => {
    await app?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  test('the page has the typed bridge and no Node', async () => {
    const seen = await window.evaluate(() => {
      const page = globalThis as unknown as {
        require?: unknown;
        process?: unknown;
        gemba: object;
        location: { href: string };
      };
      return {
        require: typeof page.require,
        process: typeof page.process,
        bridge: Object.keys(page.gemba).sort(),
        url: page.location.href,
      };
    });
    expect(seen.require).toBe('undefined');
    expect(seen.process).toBe('undefined');
    expect(seen.bridge).toEqual([...API_METHODS, 'onJobEvent', 'onMenuCommand', 'pathForFile'].sort());
    expect(seen.url.startsWith('gemba://app/')).toBe(true);
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const w = BrowserWindow.getAllWindows()[0]!;
      return (w.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> }).getLastWebPreferences();
    });
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
  });

  test('imports running-example.csv, shows the summary and a case', async () => {
    await createWorkspace(window, 'electron');
    await chooseLogFile(window, sampleLog('running-example.csv'));
    await expect(window.getByTestId('preview-table')).toBeVisible();
    await window.getByTestId('map-case').selectOption('case:concept:name');
    await window.getByTestId('map-activity').selectOption('concept:name');
    await window.getByTestId('map-timestamp').selectOption('time:timestamp');
    await startImportAndWaitForSummary(window);
    await expect(window.getByTestId('stat-cases-value')).toHaveText('6');
    await expect(window.getByTestId('stat-events-value')).toHaveText('42');
    await window.getByTestId('nav-cases').click();
    await window.locator('[data-testid="case-row"][data-case-id="3"]').click();
    await expect(window.getByTestId('case-detail-id')).toHaveText('3');
  });

  test('window.open and navigation away are refused, and nothing left the machine', async () => {
    const before = app.windows().length;
    await window.evaluate(() => {
      const page = globalThis as unknown as { open(url: string): unknown; location: { href: string } };
      page.open('https://example.invalid/');
      page.location.href = 'https://example.invalid/';
    });
    await window.waitForTimeout(500);
    expect(app.windows().length).toBe(before);
    expect(window.url().startsWith('gemba://app/')).toBe(true);
    expect(foreign).toEqual([]);
  });
});
