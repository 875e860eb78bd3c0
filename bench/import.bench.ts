/**
 * Import benchmark (issue 3), every comparison measured in the same run:
 *   - 1M-event CSV: Gemba import into a fresh workspace vs DuckDB read_csv into a table;
 *   - reopen of that workspace to a ready event log vs its import time;
 *   - peak RSS of the import process and resident bytes per event of the log;
 *   - XES of >= 100k events: Gemba vs pm4js's XES importer;
 *   - with --10m: a 10M-event CSV import, its time and peak RSS (and DuckDB's for reference).
 * Flags: --events N (CSV size, default 1M), --xes-events N (default 100k), --10m, --no-xes, --seed N.
 * Each task runs in its own process (bench/tasks/), so memory figures are not mixed up.
 */
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseCount } from './generate.ts';
import { runTask } from './lib/child.ts';
import { dataset } from './lib/datasets.ts';
import { DATA_DIR, mb, printTable, rate, secs, writeResults } from './lib/report.ts';
import type { TaskResult } from './lib/task.ts';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const option = (name: string, fallback: string) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
};
const seed = Number(option('--seed', '42'));
const csvEvents = parseCount(option('--events', '1M'));
const xesEvents = parseCount(option('--xes-events', '100k'));

type Outcome = TaskResult | { unavailable: string };
const ok = (o: Outcome): o is TaskResult => !('unavailable' in o);

/** A Gemba task that cannot run yet (a module it needs is missing) or fails is reported, not fatal. */
async function attempt(task: string, args: string[], options?: { maxOldSpaceMb?: number }): Promise<Outcome> {
  try {
    return await runTask(task, args, options);
  } catch (e) {
    const message = (e as Error).message;
    const missing = /Cannot find module '([^']+)'/.exec(message);
    if (missing) return { unavailable: `not yet available: ${missing[1].replace(/^.*\/main\/main\//, 'main/')} is missing` };
    console.error(message);
    const firstError = message.split('\n').find((l) => /Error/.test(l)) ?? message.split('\n')[0];
    return { unavailable: `failed: ${firstError.trim().slice(0, 200)}` };
  }
}

const results: Record<string, unknown> = { seed };

if (!flag('--10m-only')) {
  // --- CSV, 1M events ---------------------------------------------------------------------
  const csv = await dataset(csvEvents, 'csv', seed);
  const csvBytes = statSync(csv.path).size;
  const workspace = join(DATA_DIR, 'workspaces', `csv-${csvEvents}`);
  console.log(`\nCSV: ${csv.path} — ${csv.truth.events.toLocaleString('en-US')} events, ${(csvBytes / 1e6).toFixed(1)} MB`);
  const duck = await runTask('duckdb-read-csv', [csv.path]);
  const gemba = await attempt('gemba-import', [csv.path, workspace]);
  const reopen = ok(gemba) ? await attempt('gemba-reopen', [workspace]) : { unavailable: 'no workspace: the import did not run' };

  const rows: (string | number)[][] = [
    ['DuckDB read_csv → table', secs(duck.seconds), rate(duck.events as number, duck.seconds), mb(duck.peakRssBytes), `threads=${duck.threads}`],
    ['DuckDB count(*) read_csv', secs(duck.countOnlySeconds as number), rate(duck.events as number, duck.countOnlySeconds as number), '', 'no column conversion'],
  ];
  if (ok(gemba)) rows.unshift(['Gemba import → workspace', secs(gemba.seconds), rate(gemba.events as number, gemba.seconds), mb(gemba.peakRssBytes), `rejected=${gemba.rejectedRows}`]);
  else rows.unshift(['Gemba import → workspace', 'n/a', '', '', gemba.unavailable]);
  if (ok(reopen)) rows.push(['Gemba reopen → event log', secs(reopen.seconds), rate(reopen.events as number, reopen.seconds), mb(reopen.peakRssBytes), `${(reopen.bytesPerEvent as number).toFixed(1)} B/event resident`]);
  else rows.push(['Gemba reopen → event log', 'n/a', '', '', reopen.unavailable]);
  printTable(`Import of ${csv.truth.events.toLocaleString('en-US')} CSV events (same file, same run)`, ['', 'time', 'rate', 'peak RSS', 'note'], rows);

  const csvResult: Record<string, unknown> = { file: csv.path.slice(csv.path.indexOf('bench/')), events: csv.truth.events, bytes: csvBytes, duckdb: duck, gemba, reopen };
  if (ok(gemba)) {
    const ratio = gemba.events === 0 ? 0 : (gemba.events as number) / gemba.seconds / ((duck.events as number) / duck.seconds);
    csvResult.goals = {
      importRateVsDuckdb: { value: ratio, goal: '>= 0.333', met: ratio >= 1 / 3 },
      eventsMatchTruth: gemba.events === csv.truth.events,
      ...(ok(reopen)
        ? {
            reopenVsImportTime: { value: reopen.seconds / gemba.seconds, goal: '<= 0.1', met: reopen.seconds / gemba.seconds <= 0.1 },
            residentBytesPerEvent: { value: reopen.bytesPerEvent, goal: '< 50', met: (reopen.bytesPerEvent as number) < 50 },
          }
        : {}),
    };
    console.log(`\nGemba/DuckDB rate: ${ratio.toFixed(2)} (goal >= 0.33)` + (ok(reopen) ? `; reopen/import: ${(reopen.seconds / gemba.seconds).toFixed(3)} (goal <= 0.1); ${(reopen.bytesPerEvent as number).toFixed(1)} resident bytes/event (goal < 50)` : ''));
  }
  results.csv = csvResult;
  rmSync(workspace, { recursive: true, force: true });

  // --- XES, >= 100k events ----------------------------------------------------------------
  if (!flag('--no-xes')) {
    const xes = await dataset(xesEvents, 'xes', seed);
    const xesWorkspace = join(DATA_DIR, 'workspaces', `xes-${xesEvents}`);
    console.log(`\nXES: ${xes.path} — ${xes.truth.events.toLocaleString('en-US')} events, ${(statSync(xes.path).size / 1e6).toFixed(1)} MB`);
    const parser = await runTask('gemba-parse-xes', [xes.path]);
    const gembaXes = await attempt('gemba-import', [xes.path, xesWorkspace]);
    const pm4js = await runTask('pm4js-xes', [xes.path]);
    const xesRows: (string | number)[][] = [
      ['Gemba XES parser (no workspace)', secs(parser.seconds), rate(parser.events as number, parser.seconds), mb(parser.peakRssBytes), `${(pm4js.seconds / parser.seconds).toFixed(1)}x pm4js`],
      ok(gembaXes)
        ? ['Gemba import → workspace', secs(gembaXes.seconds), rate(gembaXes.events as number, gembaXes.seconds), mb(gembaXes.peakRssBytes), `${(pm4js.seconds / gembaXes.seconds).toFixed(1)}x pm4js`]
        : ['Gemba import → workspace', 'n/a', '', '', gembaXes.unavailable],
      ['pm4js XesImporter.apply', secs(pm4js.seconds), rate(pm4js.events as number, pm4js.seconds), mb(pm4js.peakRssBytes), 'xmldom DOM'],
    ];
    printTable(`Import of ${xes.truth.events.toLocaleString('en-US')} XES events (same file, same run)`, ['', 'time', 'rate', 'peak RSS', 'note'], xesRows);
    const best = ok(gembaXes) ? gembaXes : parser;
    results.xes = {
      file: xes.path.slice(xes.path.indexOf('bench/')),
      events: xes.truth.events,
      gembaParser: parser,
      gembaImport: gembaXes,
      pm4js,
      goals: {
        speedupVsPm4js: { value: pm4js.seconds / best.seconds, measuredOn: ok(gembaXes) ? 'full import' : 'parser only', goal: '>= 5', met: pm4js.seconds / best.seconds >= 5 },
        eventsMatchTruth: best.events === xes.truth.events && pm4js.events === xes.truth.events,
      },
    };
    rmSync(xesWorkspace, { recursive: true, force: true });
  }
  console.log(`\nresults: ${writeResults('import', results)}`);
}

// --- 10M events (opt-in: takes minutes) -------------------------------------------------------
if (flag('--10m') || flag('--10m-only')) {
  const big = await dataset(10_000_000, 'csv', seed);
  const workspace = join(DATA_DIR, 'workspaces', 'csv-10m');
  console.log(`\nCSV: ${big.path} — ${big.truth.events.toLocaleString('en-US')} events, ${(statSync(big.path).size / 1e9).toFixed(2)} GB`);
  const gemba = await attempt('gemba-import', [big.path, workspace]);
  const duck = await runTask('duckdb-read-csv', [big.path]);
  printTable(`Import of ${big.truth.events.toLocaleString('en-US')} CSV events`, ['', 'time', 'rate', 'peak RSS', 'note'], [
    ok(gemba) ? ['Gemba import → workspace', secs(gemba.seconds), rate(gemba.events as number, gemba.seconds), mb(gemba.peakRssBytes), ''] : ['Gemba import → workspace', 'n/a', '', '', gemba.unavailable],
    ['DuckDB read_csv → table', secs(duck.seconds), rate(duck.events as number, duck.seconds), mb(duck.peakRssBytes), `threads=${duck.threads}`],
  ]);
  console.log(`\nresults: ${writeResults('import-10m', { seed, file: big.path.slice(big.path.indexOf('bench/')), events: big.truth.events, gemba, duckdb: duck })}`);
  rmSync(workspace, { recursive: true, force: true });
}
