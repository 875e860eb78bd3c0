#!/usr/bin/env node
// Builds what Electron and the browser mode load:
//   dist/renderer/            the UI (Vite, renderer/vite.config.ts)
//   dist/app/main.cjs         Electron main process (package.json "main")
//   dist/app/engine-worker.js the engine thread beside it (engine-service.ts looks for it there)
//   dist/app/training-thread.js a training job's thread (models-service.ts looks for it there)
//   dist/app/csv-piece-thread.js a piece of a parallel CSV import (csv-piece-runner.ts looks for it there)
//   dist/app/xes-piece-thread.js the second piece of a split XES import (xes-piece-runner.ts looks for it there)
//   dist/preload/preload.cjs  the sandboxed preload: one CommonJS file that requires only 'electron'
// Flags: --renderer (UI only, for `npm run serve` and e2e), --electron (Node bundles only).
// npm packages stay external to the Node bundles: electron-builder ships node_modules, and the
// native ones (better-sqlite3, onnxruntime-node) cannot be bundled anyway.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const unknown = [...args].filter((a) => a !== '--renderer' && a !== '--electron');
if (unknown.length > 0) {
  console.error(`Unknown option ${unknown.join(' ')}. Usage: node scripts/build.mjs [--renderer | --electron]`);
  process.exit(2);
}
const wantRenderer = !args.has('--electron');
const wantElectron = !args.has('--renderer');

async function buildRenderer() {
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
}

async function buildElectron() {
  const esbuild = await import('esbuild');
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    absWorkingDir: root,
  };
  // CommonJS has no import.meta.url; engine-service.ts uses it to find the worker file.
  const cjsImportMeta = {
    define: { 'import.meta.url': '__gembaImportMetaUrl' },
    banner: { js: 'const __gembaImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  };
  await Promise.all([
    esbuild.build({
      ...common,
      ...cjsImportMeta,
      entryPoints: ['main/app/main.ts'],
      outfile: 'dist/app/main.cjs',
      format: 'cjs',
      packages: 'external',
    }),
    esbuild.build({
      ...common,
      entryPoints: ['main/worker/engine-worker.ts'],
      outfile: 'dist/app/engine-worker.js',
      format: 'esm',
      packages: 'external',
    }),
    esbuild.build({
      ...common,
      entryPoints: ['main/worker/training-thread.ts'],
      outfile: 'dist/app/training-thread.js',
      format: 'esm',
      packages: 'external',
    }),
    esbuild.build({
      ...common,
      entryPoints: ['main/worker/csv-piece-thread.ts'],
      outfile: 'dist/app/csv-piece-thread.js',
      format: 'esm',
      packages: 'external',
    }),
    esbuild.build({
      ...common,
      entryPoints: ['main/worker/xes-piece-thread.ts'],
      outfile: 'dist/app/xes-piece-thread.js',
      format: 'esm',
      packages: 'external',
    }),
    esbuild.build({
      ...common,
      entryPoints: ['preload/preload.ts'],
      outfile: 'dist/preload/preload.cjs',
      format: 'cjs',
      platform: 'browser',
      external: ['electron'],
    }),
  ]);
}

const started = Date.now();
try {
  if (wantRenderer) await buildRenderer();
  if (wantElectron) await buildElectron();
} catch (error) {
  console.error(`Build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const built = [wantRenderer && 'UI → dist/renderer', wantElectron && 'Electron → dist/app, dist/preload']
  .filter(Boolean)
  .join(', ');
console.log(`Built ${built} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
