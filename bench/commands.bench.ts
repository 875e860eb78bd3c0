/**
 * Speed as a user meets it (issue 11): each row of the table as whole processes, side by
 * side with its reference in the same run, the two alternating:
 *   - `gemba help`, `gemba stats` on the 42-event running example   vs `node -e 0`
 *   - `gemba stats` on the 1M-event workspace (reopen + statistics)  vs `gemba import` of it
 *   - `gemba dfg` + `gemba variants` on it                           vs Node + DuckDB on a database file
 *   - `gemba import` of the 1M-event CSV                             vs Node + DuckDB read_csv
 *   - `gemba import` of the XES log                                  vs Node + pm4js
 *   - reopen alone (in process: bench/tasks/gemba-reopen.ts)
 *   - peak memory of `gemba stats`, 1M over 42 events, per event
 * Each process is timed by GNU time (`/usr/bin/time`): wall, CPU and peak RSS. The median of
 * --repeat runs (default 3) is reported; the machine's load average is recorded with the figures.
 * Flags: --events N (default 1M), --xes-events N (default 100k), --seed N, --repeat N.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCount } from './generate.ts';
import { REPO, runTask } from './lib/child.ts';
import { GEMBA, timed, type ProcessRun } from './lib/timed-process.ts';
import { benchArgs } from './lib/bench-args.ts';
import { dataset } from './lib/datasets.ts';
import { DATA_DIR, printTable, writeResults } from './lib/report.ts';

const { option } = benchArgs();
const events = parseCount(option('--events', '1M'));
const xesEvents = parseCount(option('--xes-events', '100k'));
const seed = Number(option('--seed', '42'));
const repeat = Number(option('--repeat', '3'));

const scratch = mkdtempSync(join(tmpdir(), 'gemba-commands-bench-'));

/** Several commands as one step (`gemba dfg` then `gemba variants`): times and CPU add, peak is the largest. */
function sequence(...steps: string[][]): ProcessRun {
  const runs = steps.map(timed);
  return {
    wall: runs.reduce((s, r) => s + r.wall, 0),
    cpu: runs.reduce((s, r) => s + r.cpu, 0),
    peakMiB: Math.max(...runs.map((r) => r.peakMiB)),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** Runs the two sides in turn `repeat` times and keeps each side's median per figure. */
function sideBySide(
  gemba: () => ProcessRun,
  reference: () => ProcessRun,
): { gemba: ProcessRun; reference: ProcessRun } {
  const a: ProcessRun[] = [];
  const b: ProcessRun[] = [];
  for (let k = 0; k < repeat; k++) {
    a.push(gemba());
    b.push(reference());
  }
  const med = (runs: ProcessRun[]): ProcessRun => ({
    wall: median(runs.map((r) => r.wall)),
    cpu: median(runs.map((r) => r.cpu)),
    peakMiB: median(runs.map((r) => r.peakMiB)),
  });
  return { gemba: med(a), reference: med(b) };
}

const running = join(REPO, '..', 'shared', 'data', 'running-example.csv');
const csv = await dataset(events, 'csv', seed);
const xes = await dataset(xesEvents, 'xes', seed);
const tiny = join(scratch, 'tiny');
const big = join(scratch, 'big');
timed([...GEMBA, 'import', running, '--workspace', tiny]);
timed([...GEMBA, 'import', csv.path, '--workspace', big]);
const duckdbFile = join(DATA_DIR, `order-to-cash-${events}-s${seed}.duckdb`);
if (!existsSync(duckdbFile)) timed([process.execPath, 'bench/processes/duckdb-make-db.mjs', csv.path, duckdbFile]);
// The start-up of a whole process (the table was measured so); the bundle is current after the imports above.
const nodeOnly = () => timed([process.execPath, '-e', '0']);

const rows = {
  help: sideBySide(() => timed([...GEMBA, 'help']), nodeOnly),
  statsTiny: sideBySide(() => timed([...GEMBA, 'stats', tiny]), nodeOnly),
  statsBig: sideBySide(
    () => timed([...GEMBA, 'stats', big]),
    () => timed([...GEMBA, 'import', csv.path, '--workspace', join(scratch, `again-${Math.random()}`)]),
  ),
  dfgVariants: sideBySide(
    () => sequence([...GEMBA, 'dfg', big, '--json'], [...GEMBA, 'variants', big, '--json']),
    () => timed([process.execPath, 'bench/processes/duckdb-dfg-variants.mjs', duckdbFile]),
  ),
  csvImport: sideBySide(
    () => timed([...GEMBA, 'import', csv.path, '--workspace', join(scratch, `csv-${Math.random()}`)]),
    () => timed([process.execPath, 'bench/processes/duckdb-read-csv.mjs', csv.path]),
  ),
  xesImport: sideBySide(
    () => timed([...GEMBA, 'import', xes.path, '--workspace', join(scratch, `xes-${Math.random()}`)]),
    () => timed([process.execPath, 'bench/processes/pm4js-xes.mjs', xes.path]),
  ),
};
// Reopen alone, in process (bench/tasks/gemba-reopen.ts): the workspace to a log with every
// column read (it sums the resident bytes, which reads the columns a command would read lazily).
const reopen = await runTask('gemba-reopen', [big]);
const statsMemoryPerEvent = ((rows.statsBig.gemba.peakMiB - rows.statsTiny.gemba.peakMiB) * 2 ** 20) / csv.truth.events;
rmSync(scratch, { recursive: true, force: true });

const s = (r: ProcessRun) => `${r.wall.toFixed(2)} s (CPU ${r.cpu.toFixed(2)} s, ${r.peakMiB.toFixed(0)} MiB)`;
const ratio = (row: { gemba: ProcessRun; reference: ProcessRun }) =>
  `${(row.gemba.wall / row.reference.wall).toFixed(2)}× / ${(row.gemba.cpu / row.reference.cpu).toFixed(2)}×`;
printTable(
  `whole processes, median of ${repeat}; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores shared with other work`,
  ['what', 'Gemba', 'reference', 'Gemba / reference (wall / CPU)', 'goal'],
  [
    ['gemba help', s(rows.help.gemba), `node -e 0: ${s(rows.help.reference)}`, ratio(rows.help), '≤ 0.2 s'],
    [
      'gemba stats, 42 events',
      s(rows.statsTiny.gemba),
      `node -e 0: ${s(rows.statsTiny.reference)}`,
      ratio(rows.statsTiny),
      '≤ 0.2 s',
    ],
    [
      `gemba stats, ${csv.truth.events} events`,
      s(rows.statsBig.gemba),
      `gemba import: ${s(rows.statsBig.reference)}`,
      ratio(rows.statsBig),
      '≤ 0.10×',
    ],
    [
      'gemba dfg + variants',
      s(rows.dfgVariants.gemba),
      `DuckDB: ${s(rows.dfgVariants.reference)}`,
      ratio(rows.dfgVariants),
      '< 1×',
    ],
    [
      'CSV import',
      s(rows.csvImport.gemba),
      `DuckDB read_csv: ${s(rows.csvImport.reference)}`,
      ratio(rows.csvImport),
      '≤ 1.33× (rate ≥ 0.75×)',
    ],
    [
      `XES import, ${xes.truth.events} events`,
      s(rows.xesImport.gemba),
      `pm4js: ${s(rows.xesImport.reference)}`,
      ratio(rows.xesImport),
      '≤ 0.2× (5× pm4js)',
    ],
    [
      'reopen alone, every column (in process)',
      `${reopen.seconds.toFixed(3)} s (CPU ${reopen.cpuSeconds.toFixed(3)} s)`,
      '',
      '',
      '',
    ],
    ['stats peak memory over 42 events', `${statsMemoryPerEvent.toFixed(1)} bytes/event`, '', '', '< 50'],
  ],
);
const path = writeResults('commands', {
  note: 'Whole processes timed by GNU time, the two sides alternating; taken on a shared 2-core machine under heavy load from other work (see machine.loadAverage1m): wall times are inflated, CPU times and ratios are the steadier figures.',
  events: csv.truth.events,
  xesEvents: xes.truth.events,
  repeat,
  rows,
  reopenSeconds: reopen.seconds,
  reopenCpuSeconds: reopen.cpuSeconds,
  statsMemoryBytesPerEvent: statsMemoryPerEvent,
});
console.log(`\nresults: ${path}`);
