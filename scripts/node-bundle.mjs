// The prebuilt JavaScript that `gemba` and `npm run serve` start from (dist/node/), so a command
// does not pay for compiling TypeScript at every start (tsx: ~1 s; the bundle: a tenth of that).
//
//   dist/node/cli.js              the `gemba` command (main/cli/main.ts)
//   dist/node/serve.js            the browser host (main/host/serve.ts)
//   dist/node/engine-worker.js    the engine thread; engine-service.ts looks for it beside itself
//   dist/node/training-thread.js  a training job's thread; models-service.ts looks for it beside itself
//   dist/node/csv-piece-thread.js a piece of a parallel CSV import; csv-piece-runner.ts looks for it beside itself
//   dist/node/xes-piece-thread.js the second piece of a split XES import; xes-piece-runner.ts looks for it beside itself
//   dist/node/chunk-*.js          code shared by those, and what they import dynamically
//   dist/node/inputs.json         every source file the bundle was built from, with size and mtime
//
// Built from the entry points, not from a list of files: whatever main/cli imports is in it.
// npm packages stay external (native ones cannot be bundled), so a heavy package costs only the
// commands that import it, when they import it.
//
// A stale bundle never runs: `bundleIsCurrent` compares every recorded input with the file on
// disk, and bin/launch.mjs rebuilds (or falls back to tsx) when one differs.
//
// `node scripts/node-bundle.mjs` builds it (npm's `prepare` runs this at `npm install`/`npm ci`);
// with --if-possible it exits 0 when esbuild is not installed (a production install), and the
// commands then run through tsx.
import { readFileSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const INPUTS_FILE = 'inputs.json';
const FORMAT = 1;

/** Entry name (dist/node/<name>.js) → TypeScript source. */
export const ENTRIES = {
  cli: 'main/cli/main.ts',
  serve: 'main/host/serve.ts',
  'engine-worker': 'main/worker/engine-worker.ts',
  'training-thread': 'main/worker/training-thread.ts',
  'csv-piece-thread': 'main/worker/csv-piece-thread.ts',
  'xes-piece-thread': 'main/worker/xes-piece-thread.ts',
};

/**
 * True when dist/node was built from exactly the sources on disk now: every recorded input has
 * the recorded size and modification time. A source edited, replaced by a checkout or deleted
 * makes it stale; a new file can only enter the program through an import in a recorded file,
 * which then has changed too.
 */
export function bundleIsCurrent(root = ROOT) {
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(path.join(root, 'dist', 'node', INPUTS_FILE), 'utf8'));
  } catch {
    return false;
  }
  if (recorded.format !== FORMAT || !Array.isArray(recorded.inputs)) return false;
  for (const [file, size, mtimeMs] of recorded.inputs) {
    let s;
    try {
      s = statSync(path.join(root, file));
    } catch {
      return false;
    }
    if (s.size !== size || s.mtimeMs !== mtimeMs) return false;
  }
  return true;
}

/**
 * Builds dist/node. Each file is written beside its place and renamed over it, the inputs record
 * last, so a command starting meanwhile sees either the old bundle (and its old record, which it
 * then finds stale) or the new one, never half a file. Chunks no longer referenced are removed
 * once they are a day old: a long-running host may still load one it was started with.
 */
export async function buildNodeBundle(root = ROOT, entries = ENTRIES) {
  const esbuild = await import('esbuild');
  const outdir = path.join(root, 'dist', 'node');
  // Each source's size and time are taken just before it is read, by the plugin that reads it:
  // a file edited after that no longer matches its record, so the next start rebuilds.
  const seen = new Map();
  const recordReads = {
    name: 'record-inputs',
    setup(build) {
      build.onLoad({ filter: /\.(ts|tsx|mts|js|mjs|json)$/ }, async (args) => {
        if (args.namespace !== 'file') return undefined;
        const s = await stat(args.path);
        const contents = await readFile(args.path);
        seen.set(path.resolve(args.path), [s.size, s.mtimeMs]);
        const ext = path.extname(args.path).slice(1);
        return { contents, loader: ext === 'mts' ? 'ts' : ext === 'mjs' ? 'js' : ext };
      });
    },
  };
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: entries,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    // Chunks beside the entries: modules that find files from import.meta.url (package.json,
    // the worker entries) see the same folder depth wherever esbuild puts them.
    chunkNames: 'chunk-[hash]',
    sourcemap: 'linked',
    metafile: true,
    write: false,
    logLevel: 'silent',
    plugins: [recordReads],
  });
  const inputs = [];
  for (const file of Object.keys(result.metafile.inputs)) {
    const read = seen.get(path.resolve(root, file));
    if (!read) throw new Error(`esbuild read ${file} without the record-inputs plugin`);
    inputs.push([file, ...read]);
  }
  await mkdir(outdir, { recursive: true });
  const written = new Set([INPUTS_FILE]);
  // Chunks first, entries after: an entry never points at a chunk not yet on disk.
  const isEntry = (file) => Object.hasOwn(entries, path.basename(file).replace(/\.js(\.map)?$/, ''));
  const files = [...result.outputFiles].sort((a, b) => Number(isEntry(a.path)) - Number(isEntry(b.path)));
  for (const file of files) {
    written.add(path.basename(file.path));
    const temporary = `${file.path}.${process.pid}.tmp`;
    await writeFile(temporary, file.contents);
    await rename(temporary, file.path);
  }
  const record = path.join(outdir, INPUTS_FILE);
  await writeFile(`${record}.${process.pid}.tmp`, JSON.stringify({ format: FORMAT, inputs }));
  await rename(`${record}.${process.pid}.tmp`, record);
  const dayAgo = Date.now() - 86_400_000;
  for (const name of await readdir(outdir)) {
    if (written.has(name)) continue;
    const old = path.join(outdir, name);
    const s = await stat(old).catch(() => null);
    if (s && s.mtimeMs < dayAgo) await rm(old, { force: true });
  }
  return { inputs: inputs.length, outdir };
}

async function hasEsbuild() {
  try {
    await import('esbuild');
    return true;
  } catch {
    return false;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--if-possible');
  if (unknown.length > 0) {
    console.error(`Unknown option ${unknown.join(' ')}. Usage: node scripts/node-bundle.mjs [--if-possible]`);
    process.exit(2);
  }
  if (args.includes('--if-possible') && !(await hasEsbuild())) {
    console.log('esbuild is not installed (production install): gemba will run its TypeScript through tsx.');
    process.exit(0);
  }
  const started = Date.now();
  try {
    const { inputs } = await buildNodeBundle();
    console.log(
      `Built dist/node (gemba, serve, engine and training threads) from ${inputs} files in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } catch (error) {
    console.error(`Building dist/node failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
