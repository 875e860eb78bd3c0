import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../lib/child.ts';

/** What the UI bundle is built from: the renderer and the API types it shares with the preload. */
const SOURCES = ['renderer', 'preload'];
const BUILT = join(REPO, 'dist', 'renderer', 'index.html');

function newestIn(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Builds the UI (`node scripts/build.mjs --renderer`, as `npm run test:e2e` does) unless
 * dist/renderer is newer than every source file: a bench of an old bundle would measure old code.
 */
export function ensureRendererBuilt(): 'current' | 'built' {
  const newestSource = Math.max(...SOURCES.map((s) => newestIn(join(REPO, s))));
  if (existsSync(BUILT) && statSync(BUILT).mtimeMs >= newestSource) return 'current';
  const build = spawnSync(process.execPath, ['scripts/build.mjs', '--renderer'], { cwd: REPO, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`node scripts/build.mjs --renderer failed (exit ${build.status})`);
  return 'built';
}
