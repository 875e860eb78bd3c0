#!/usr/bin/env node
/**
 * Runs the benchmarks: `node bench/run.mjs [name ...] [--flag value ...]` (no name: all of them).
 * `npm run bench` runs all, `npm run bench:import` only the import one; flags such as --10m are
 * passed through to each bench. Each bench is a TypeScript file run through tsx; it prints its
 * side-by-side table and writes bench/results/<name>.json.
 *
 * Adding a benchmark is one line here.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BENCHES = {
  import: 'bench/import.bench.ts',
  map: 'bench/map.bench.ts',
  quality: 'bench/quality.bench.ts',
  parsers: 'bench/parsers.bench.ts',
  measures: 'bench/measures.bench.ts',
  models: 'bench/models.bench.ts',
  anomaly: 'bench/anomaly.bench.ts',
  predict: 'bench/predict.bench.ts',
  'control-chart-draw': 'bench/control-chart-draw.bench.ts',
  'replay-fps': 'bench/replay-fps.bench.ts',
  commands: 'bench/commands.bench.ts',
  window: 'bench/window.bench.ts',
  'snapshot-write': 'bench/snapshot-write.bench.ts',
};

const repo = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
// Names come first; everything from the first flag on is passed through (e.g. --events 100k).
const firstFlag = args.findIndex((a) => a.startsWith('-'));
const names = firstFlag < 0 ? args : args.slice(0, firstFlag);
const flags = firstFlag < 0 ? [] : args.slice(firstFlag);
for (const name of names) {
  if (!(name in BENCHES)) {
    console.error(`unknown bench "${name}"; known: ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
}
let failed = 0;
for (const name of names.length ? names : Object.keys(BENCHES)) {
  const file = BENCHES[name];
  if (!existsSync(new URL(`../${file}`, import.meta.url))) {
    console.log(`\n== ${name}: skipped (${file} not written yet)`);
    continue;
  }
  console.log(`\n== ${name} (${file})`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', file, ...flags], { cwd: repo, stdio: 'inherit' });
  if (run.status !== 0) {
    failed++;
    console.error(`== ${name} failed (exit ${run.status ?? run.signal})`);
  }
}
process.exit(failed ? 1 : 0);
