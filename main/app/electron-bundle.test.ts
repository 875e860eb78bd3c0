import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { API_METHODS } from '../../preload/api.ts';
import { CONTENT_SECURITY_POLICY } from './security.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const temp = mkdtempSync(path.join(os.tmpdir(), 'gemba-bundle-'));

/**
 * The built Electron main process, booted under Node with a stand-in 'electron'
 * (scripts/electron-bundle-smoke.cjs): what `npm start` would run, minus the binary.
 */
describe('Electron bundle (without the Electron binary)', () => {
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('boots, hardens the window and session, serves the UI and routes IPC to the engine thread', () => {
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--electron'], {
      cwd: root,
      stdio: 'pipe',
    });
    const output = execFileSync(process.execPath, [path.join(root, 'scripts', 'electron-bundle-smoke.cjs')], {
      cwd: root,
      env: { ...process.env, GEMBA_USER_DATA: path.join(temp, 'user'), GEMBA_WORKSPACES: path.join(temp, 'ws') },
      encoding: 'utf8',
      timeout: 60_000,
    });
    const report = JSON.parse(output.trim().split('\n').at(-1)!);
    expect(report.schemes).toEqual([
      { scheme: 'gemba', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
    expect(report.sandboxEnabled).toBe(true);
    expect(report.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(report.webPreferences.preload).toBe(path.join(root, 'dist', 'preload', 'preload.cjs'));
    expect(report.loadedUrl).toBe('gemba://app/index.html');
    expect(report.menu).toEqual(['Open Workspace…', 'Open Recent', 'separator', 'Import Log…', 'separator', 'Quit']);
    expect(report.environment).toEqual({
      ok: true,
      result: expect.objectContaining({ mode: 'electron', defaultWorkspaceDir: path.join(temp, 'ws') }),
    });
    expect(report.foreignSender.ok).toBe(false);
    // saveExport is answered by the shell: the system's save dialog (here a stand-in) and the file written.
    expect(report.saveExport).toEqual({
      ok: true,
      result: { status: 'saved', path: path.join(temp, 'user', 'saved.svg'), bytes: 6 },
    });
    expect(report.savedText).toBe('<svg/>');
    expect(report.saveDialog).toMatchObject({ title: 'Save map.svg', defaultPath: path.join(temp, 'user', 'map.svg') });
    expect(report.unknownMethod).toMatchObject({ ok: false, error: { kind: 'input' } });
    expect(API_METHODS).not.toContain('acceptUpload');
    expect(report.traversal).toBe(404);
    expect(report.cancelled).toEqual({ remote: true, own: false });
    expect(report.permissionGranted).toBe(false);
    if (report.page.status === 200) {
      expect(report.page.csp).toBe(CONTENT_SECURITY_POLICY);
      expect(report.page.html).toBe(true);
    } else {
      expect(report.page.status).toBe(404); // UI not built in this checkout: still no crash
    }
  });
});
