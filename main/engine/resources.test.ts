import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { resourcePath } from './resources.ts';

const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const proc = process as { resourcesPath?: string };

describe('resourcePath', () => {
  const dirs: string[] = [];
  const saved = { env: process.env.GEMBA_RESOURCES, packaged: proc.resourcesPath };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
    if (saved.env === undefined) delete process.env.GEMBA_RESOURCES;
    else process.env.GEMBA_RESOURCES = saved.env;
    proc.resourcesPath = saved.packaged;
  });
  const folderWith = (file: string, text: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'gemba-resources-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'resources', 'measures'), { recursive: true });
    writeFileSync(join(dir, 'resources', file), text);
    return dir;
  };

  it('finds the repository resources/ in development and from the CLI', () => {
    delete process.env.GEMBA_RESOURCES;
    proc.resourcesPath = undefined;
    expect(resourcePath('measures', 'default.json')).toBe(join(REPO, 'resources', 'measures', 'default.json'));
  });

  it('prefers the packaged app folder (process.resourcesPath/resources) when it holds the file', () => {
    delete process.env.GEMBA_RESOURCES;
    proc.resourcesPath = folderWith('measures/default.json', '{"packaged":true}');
    expect(JSON.parse(readFileSync(resourcePath('measures', 'default.json'), 'utf8'))).toEqual({ packaged: true });
    // Electron in development: resourcesPath is Electron's own folder, without ours: the repository's.
    proc.resourcesPath = mkdtempSync(join(tmpdir(), 'gemba-electron-'));
    dirs.push(proc.resourcesPath);
    expect(resourcePath('measures', 'default.json')).toBe(join(REPO, 'resources', 'measures', 'default.json'));
  });

  it('GEMBA_RESOURCES comes first, and a missing resource is a clear error', () => {
    const dir = folderWith('measures/default.json', '{}');
    process.env.GEMBA_RESOURCES = join(dir, 'resources');
    expect(resourcePath('measures', 'default.json')).toBe(join(dir, 'resources', 'measures', 'default.json'));
    expect(() => resourcePath('samples', 'nope.csv')).toThrow(/samples\/nope\.csv that ships with Gemba is missing/);
  });
});
