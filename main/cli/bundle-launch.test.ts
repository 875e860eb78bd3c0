import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module without types (scripts/ is not TypeScript)
import { buildNodeBundle, bundleIsCurrent } from '../../scripts/node-bundle.mjs';

const LAUNCH = new URL('../../bin/launch.mjs', import.meta.url).href;
const ENTRIES = { cli: 'src/main.ts' };
const dirs: string[] = [];

/** A project of two TypeScript files: main.ts prints what word.ts exports. */
function project(word: string): string {
  const root = mkdtempSync(join(tmpdir(), 'gemba-bundle-'));
  dirs.push(root);
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(
    join(root, 'src', 'main.ts'),
    "import { word } from './word.ts';\nconst said: string = word;\nconsole.log(said);\n",
  );
  writeFileSync(join(root, 'src', 'word.ts'), `export const word = '${word}';\n`);
  // The launcher as bin/gemba.mjs calls it, pointed at this project; NO_ESBUILD stands for a
  // production install, where building fails.
  writeFileSync(
    join(root, 'run.mjs'),
    [
      `import { launch } from ${JSON.stringify(LAUNCH)};`,
      `const build = process.env.NO_ESBUILD ? async () => { throw new Error('esbuild is not installed'); } : undefined;`,
      `await launch('cli', new URL('./src/main.ts', import.meta.url), { root: ${JSON.stringify(root)}, entries: ${JSON.stringify(ENTRIES)}, ...(build ? { build } : {}) });`,
    ].join('\n'),
  );
  return root;
}

function run(root: string, env: Record<string, string> = {}): string {
  const out = spawnSync(process.execPath, [join(root, 'run.mjs')], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  if (out.status !== 0) throw new Error(out.stderr);
  return out.stdout.trim();
}

/** Rewrites a source as an editor would, its time set past the bundle's so a coarse clock cannot hide it. */
function edit(root: string, word: string): void {
  const file = join(root, 'src', 'word.ts');
  writeFileSync(file, `export const word = '${word}';\n`);
  const later = new Date(Date.now() + 5000);
  utimesSync(file, later, later);
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the prebuilt bundle (dist/node) and its launcher', () => {
  it('records every file reachable from the entry and is current until one of them changes', async () => {
    const root = project('first');
    expect(bundleIsCurrent(root)).toBe(false);
    const { inputs } = (await buildNodeBundle(root, ENTRIES)) as { inputs: number };
    expect(inputs).toBe(2);
    expect(bundleIsCurrent(root)).toBe(true);
    edit(root, 'second');
    expect(bundleIsCurrent(root)).toBe(false);
    await buildNodeBundle(root, ENTRIES);
    expect(bundleIsCurrent(root)).toBe(true);
    rmSync(join(root, 'src', 'word.ts'));
    expect(bundleIsCurrent(root)).toBe(false);
  });

  it('an edit of the same size and an older time still counts as a change', async () => {
    const root = project('aaaa');
    await buildNodeBundle(root, ENTRIES);
    const file = join(root, 'src', 'word.ts');
    writeFileSync(file, "export const word = 'bbbb';\n");
    utimesSync(file, new Date(2001, 0, 1), new Date(2001, 0, 1));
    expect(bundleIsCurrent(root)).toBe(false);
  });

  it('runs the bundle, and after an edit never the old code: it rebuilds, or without esbuild runs the sources', async () => {
    const root = project('first');
    await buildNodeBundle(root, ENTRIES);
    expect(run(root)).toBe('first');
    // Proof that the bundle, not the source, ran: a source change the bundle does not know of
    // is invisible only to the bundle, so make the bundle say something the sources never said.
    const bundled = join(root, 'dist', 'node', 'cli.js');
    writeFileSync(bundled, "console.log('from the bundle');\n");
    expect(run(root)).toBe('from the bundle');

    edit(root, 'second');
    expect(run(root, { NO_ESBUILD: '1' })).toBe('second');
    expect(bundleIsCurrent(root)).toBe(false);
    expect(run(root)).toBe('second');
    expect(bundleIsCurrent(root)).toBe(true);
    expect(run(root, { GEMBA_FROM_SOURCE: '1' })).toBe('second');
  });

  it('a bundle missing its entry file is rebuilt, not trusted', async () => {
    const root = project('whole');
    await buildNodeBundle(root, ENTRIES);
    rmSync(join(root, 'dist', 'node', 'cli.js'));
    expect(run(root, { NO_ESBUILD: '1' })).toBe('whole');
    expect(run(root)).toBe('whole');
  });

  it('without a bundle and without esbuild the sources run through tsx', () => {
    const root = project('plain');
    expect(run(root, { NO_ESBUILD: '1' })).toBe('plain');
  });
});
