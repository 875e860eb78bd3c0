import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { API_CALLS, proxyOf, type GembaApi } from '../../preload/api.ts';
import { dispatchCall, withDesktopCalls } from './call-dispatch.ts';
import { saveExportFile, type SaveDialogOptions } from './save-export.ts';
import { APP_ENTRY_URL } from './security.ts';

const dir = mkdtempSync(join(tmpdir(), 'gemba-save-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in for Electron's dialog: remembers what it was asked and answers as told. */
function fakeDialog(answer: { canceled: boolean; filePath?: string }) {
  const asked: SaveDialogOptions[] = [];
  return { asked, showSaveDialog: async (options: SaveDialogOptions) => (asked.push(options), answer) };
}

describe('saving an export from the desktop app', () => {
  it('asks where to save, starting in Downloads with the proposed name, and writes the bytes', async () => {
    const target = join(dir, 'chart.png');
    const dialog = fakeDialog({ canceled: false, filePath: target });
    const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0, 255);
    const saved = await saveExportFile(
      { name: 'Cycle time.png', mimeType: 'image/png', data: Buffer.from(png).toString('base64'), encoding: 'base64' },
      { ...dialog, writeFile, defaultDir: '/home/u/Downloads' },
    );
    expect(saved).toEqual({ status: 'saved', path: target, bytes: 6 });
    expect([...readFileSync(target)]).toEqual([...png]);
    expect(dialog.asked[0]).toMatchObject({
      defaultPath: join('/home/u/Downloads', 'Cycle time.png'),
      filters: [
        { name: 'PNG image', extensions: ['png'] },
        { name: 'All files', extensions: ['*'] },
      ],
    });
  });

  it('writes text as UTF-8 and does nothing when the user cancels', async () => {
    const target = join(dir, 'map.svg');
    await saveExportFile(
      { name: 'map.svg', mimeType: 'image/svg+xml', data: '<svg>Ø</svg>', encoding: 'utf8' },
      { ...fakeDialog({ canceled: false, filePath: target }), writeFile, defaultDir: dir },
    );
    expect(readFileSync(target, 'utf8')).toBe('<svg>Ø</svg>');
    let wrote = false;
    const cancelled = await saveExportFile(
      { name: 'x.csv', mimeType: 'text/csv', data: 'a', encoding: 'utf8' },
      { ...fakeDialog({ canceled: true }), writeFile: async () => void (wrote = true), defaultDir: dir },
    );
    expect(cancelled).toEqual({ status: 'cancelled' });
    expect(wrote).toBe(false);
  });

  it('refuses a name with a folder in it and content that is not base64', async () => {
    const deps = { ...fakeDialog({ canceled: false, filePath: join(dir, 'no') }), writeFile, defaultDir: dir };
    await expect(
      saveExportFile({ name: '../evil.png', mimeType: 'image/png', data: '', encoding: 'base64' }, deps),
    ).rejects.toThrow(/not a file name/);
    await expect(
      saveExportFile({ name: 'a.png', mimeType: 'image/png', data: 'not base64!', encoding: 'base64' }, deps),
    ).rejects.toThrow(/not base64/);
    await expect(saveExportFile({ name: 'a.png', mimeType: 'image/png', data: 7 } as never, deps)).rejects.toThrow(
      /saveExport takes/,
    );
  });

  it('answers saveExport in the shell itself, every other call still reaching the engine', async () => {
    const reached: string[] = [];
    const engine = proxyOf<GembaApi>(API_CALLS, async (method) => (reached.push(method), { status: 'download' }));
    const desktop = withDesktopCalls(engine, { saveExport: async () => ({ status: 'cancelled' }) });
    const frame = { url: APP_ENTRY_URL, isMainFrame: true };
    expect(
      await dispatchCall(desktop, frame, 'saveExport', [
        { name: 'a.png', mimeType: 'image/png', data: '', encoding: 'base64' },
      ]),
    ).toEqual({ ok: true, result: { status: 'cancelled' } });
    await dispatchCall(desktop, frame, 'environment', []);
    expect(reached).toEqual(['environment']);
  });
});
