/**
 * Import benchmark (issue 3), every comparison measured in the same run:
 *   - 1M-event CSV: Gemba import into a fresh workspace vs DuckDB read_csv into a table;
 *   - reopen of that workspace to a ready event log vs its import time;
 *   - peak RSS of the import process and resident bytes per event of the log;
 *   - XES of >= 100k events: Gemba vs pm4js's XES importer;
 *   - with --10m: a 10M-event CSV import, its time and peak RSS (and DuckDB's for reference).
 * Flags: --events N (CSV size, default 1M), --xes-events N (default 100k), --10m, --10m-only,
 * --no-xes, --seed N, --repeat N (fastest of N alternating runs). Each task runs in its own process (bench/tasks/), so memory figures are
 * its own; wall time and CPU time are both reported because the machine may be shared.
 */
import { rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseCount } from './generate.ts';
import { REPO, runTask } from './lib/child.ts';
import { dataset, type Dataset } from './lib/datasets.ts';
import { DATA_DIR, mb, printTable, rate, secs, writeResults } from './lib/report.ts';
import type { TaskResult } from './lib/task.ts';
import { benchArgs } from './lib/bench-args.ts';
import { GEMBA, timed, type ProcessRun } from './lib/timed-process.ts';

const { flag, option } = benchArgs();
const seed = Number(option('--seed', '42'));
const csvEvents = parseCount(option('--events', '1M'));
const xesEvents = parseCount(option('--xes-events', '100k'));
/** Each side runs this many times, alternating, and the fastest run counts: load from others on the machine only ever slows a run down. */
const repeat = Math.max(1, Number(option('--repeat', '1')));

type Outcome = TaskResult | { unavailable: string };
const ok = (o: Outcome): o is TaskResult => !('unavailable' in o);

/** The faster of two runs of one task, with the wall times of all runs so far in `runs`. */
function fastest(a: Outcome | undefined, b: Outcome): Outcome {
  if (!ok(b)) return a ?? b;
  if (!a || !ok(a)) return { ...b, runs: [b.seconds] };
  const runs = [...((a.runs as number[] | undefined) ?? [a.seconds]), b.seconds];
  return { ...(a.seconds <= b.seconds ? a : b), runs };
}

/** Runs the given tasks `repeat` times in turn and keeps each one's fastest run. */
async function alternate(tasks: (() => Promise<Outcome>)[]): Promise<Outcome[]> {
  const best: (Outcome | undefined)[] = tasks.map(() => undefined);
  for (let k = 0; k < repeat; k++) for (let i = 0; i < tasks.length; i++) best[i] = fastest(best[i], await tasks[i]());
  return best as Outcome[];
}

/** A Gemba task that cannot run yet (a module it needs is missing) or fails is reported, not fatal. */
async function attempt(task: string, args: string[], options?: { maxOldSpaceMb?: number }): Promise<Outcome> {
  try {
    return await runTask(task, args, options);
  } catch (e) {
    const message = (e as Error).message;
    const missing = /Cannot find module '([^']+)'/.exec(message);
    if (missing) return { unavailable: `not yet available: ${relative(REPO, missing[1])} is missing` };
    console.error(message);
    const firstError = message.split('\n').find((l) => /Error/.test(l)) ?? message.split('\n')[0];
    return { unavailable: `failed: ${firstError.trim().slice(0, 200)}` };
  }
}

const HEADER = ['', 'wall', 'rate (wall)', 'CPU', 'peak RSS', 'note'];
function row(label: string, o: Outcome, note = ''): string[] {
  if (!ok(o)) return [label, 'n/a', '', '', '', o.unavailable];
  return [label, secs(o.seconds), rate(o.events as number, o.seconds), secs(o.cpuSeconds), mb(o.peakRssBytes), note];
}

/** Whether Gemba's summary agrees with the generator's truth. */
function agreesWithTruth(o: Outcome, data: Dataset): boolean | null {
  if (!ok(o)) return null;
  const t = data.truth;
  return (
    o.events === t.events &&
    o.cases === t.cases &&
    (o.activities === undefined || o.activities === Object.keys(t.activities).length) &&
    (o.variants === undefined || o.variants === t.variants.length)
  );
}

const fileOf = (path: string) => relative(REPO, path);
const results: Record<string, unknown> = { seed, repeat };

if (!flag('--10m-only')) {
  // --- CSV, 1M events ---------------------------------------------------------------------
  const csv = await dataset(csvEvents, 'csv', seed);
  const csvBytes = statSync(csv.path).size;
  const workspace = join(DATA_DIR, 'workspaces', `csv-${csvEvents}`);
  console.log(
    `\nCSV: ${fileOf(csv.path)} — ${csv.truth.events.toLocaleString('en-US')} events, ${(csvBytes / 1e6).toFixed(1)} MB`,
  );
  const [duckOutcome, gemba] = await alternate([
    () => runTask('duckdb-read-csv', [csv.path]),
    () => attempt('gemba-import', [csv.path, workspace]),
  ]);
  const duck = duckOutcome as TaskResult;
  const [reopen] = ok(gemba)
    ? await alternate([() => attempt('gemba-reopen', [workspace])])
    : [{ unavailable: 'no workspace: the import did not run' }];
  const duckCount: TaskResult = {
    ...duck,
    seconds: duck.countOnlySeconds as number,
    cpuSeconds: duck.countOnlyCpuSeconds as number,
    peakRssBytes: NaN,
  };

  printTable(`Import of ${csv.truth.events.toLocaleString('en-US')} CSV events (same file, same run)`, HEADER, [
    row('Gemba import → workspace', gemba, ok(gemba) ? `rejected=${gemba.rejectedRows}` : ''),
    row('DuckDB read_csv → table', duck, `threads=${duck.threads}`),
    row('DuckDB count(*) of read_csv', duckCount, 'lower bound: no column conversion').map((c) =>
      c === 'NaN MB' ? '' : c,
    ),
    row(
      'Gemba reopen → event log',
      reopen,
      ok(reopen) ? `${(reopen.bytesPerEvent as number).toFixed(1)} resident B/event` : '',
    ),
  ]);

  const csvResult: Record<string, unknown> = {
    file: fileOf(csv.path),
    events: csv.truth.events,
    bytes: csvBytes,
    gemba,
    duckdb: duck,
    reopen,
  };
  if (ok(gemba)) {
    const ratio = (gemba.events as number) / gemba.seconds / ((duck.events as number) / duck.seconds);
    const cpuRatio = duck.cpuSeconds / gemba.cpuSeconds;
    const goals: Record<string, unknown> = {
      importRateVsDuckdb: { value: ratio, goal: '>= 0.333', met: ratio >= 1 / 3, cpuTimeRatio: cpuRatio },
      gembaAgreesWithTruth: agreesWithTruth(gemba, csv),
    };
    let line = `Gemba/DuckDB import rate: ${ratio.toFixed(2)} (goal >= 0.33; by CPU time ${cpuRatio.toFixed(2)})`;
    if (ok(reopen)) {
      const share = reopen.seconds / gemba.seconds;
      goals.reopenVsImportTime = { value: share, goal: '<= 0.1', met: share <= 0.1 };
      goals.residentBytesPerEvent = {
        value: reopen.bytesPerEvent,
        goal: '< 50',
        met: (reopen.bytesPerEvent as number) < 50,
      };
      goals.importPeakRssBytes = gemba.peakRssBytes;
      line += `; reopen/import time: ${share.toFixed(3)} (goal <= 0.1); ${(reopen.bytesPerEvent as number).toFixed(1)} resident bytes/event (goal < 50); import peak RSS ${mb(gemba.peakRssBytes)}`;
    }
    csvResult.goals = goals;
    console.log(`\n${line}`);
  }
  results.csv = csvResult;
  rmSync(workspace, { recursive: true, force: true });

  // --- XES, >= 100k events ----------------------------------------------------------------
  if (!flag('--no-xes')) {
    const xes = await dataset(xesEvents, 'xes', seed);
    const xesWorkspace = join(DATA_DIR, 'workspaces', `xes-${xesEvents}`);
    console.log(
      `\nXES: ${fileOf(xes.path)} — ${xes.truth.events.toLocaleString('en-US')} events, ${(statSync(xes.path).size / 1e6).toFixed(1)} MB`,
    );
    const [parser, gembaXes, pm4jsOutcome] = await alternate([
      () => attempt('gemba-parse-xes', [xes.path]),
      () => attempt('gemba-import', [xes.path, xesWorkspace]),
      () => runTask('pm4js-xes', [xes.path]),
    ]);
    const pm4js = pm4jsOutcome as TaskResult;
    const speedup = (o: Outcome) => (ok(o) ? `${(pm4js.seconds / o.seconds).toFixed(1)}x pm4js` : '');
    printTable(`Import of ${xes.truth.events.toLocaleString('en-US')} XES events (same file, same run)`, HEADER, [
      row('Gemba import → workspace', gembaXes, speedup(gembaXes)),
      row('Gemba XES parser alone', parser, speedup(parser)),
      row('pm4js XesImporter.apply', pm4js, 'xmldom DOM, then objects'),
    ]);
    const best = ok(gembaXes) ? gembaXes : parser;
    results.xes = {
      file: fileOf(xes.path),
      events: xes.truth.events,
      gembaImport: gembaXes,
      gembaParser: parser,
      pm4js,
      goals: ok(best)
        ? {
            speedupVsPm4js: {
              value: pm4js.seconds / best.seconds,
              cpuTimeRatio: pm4js.cpuSeconds / best.cpuSeconds,
              measuredOn: ok(gembaXes) ? 'full import' : 'parser only',
              goal: '>= 5',
              met: pm4js.seconds / best.seconds >= 5,
            },
            gembaAgreesWithTruth: agreesWithTruth(best, xes),
            pm4jsEventsMatchTruth: pm4js.events === xes.truth.events,
          }
        : null,
    };
    if (ok(best))
      console.log(
        `\nGemba vs pm4js on XES: ${(pm4js.seconds / best.seconds).toFixed(1)}x faster (${ok(gembaXes) ? 'full import' : 'parser only'}; goal >= 5x; by CPU time ${(pm4js.cpuSeconds / best.cpuSeconds).toFixed(1)}x)`,
      );
    rmSync(xesWorkspace, { recursive: true, force: true });
  }
  // Only the standard sizes update the committed figures; a quick run with other sizes goes to bench/data/.
  const standard = csvEvents === 1_000_000 && xesEvents === 100_000 && seed === 42;
  console.log(
    `\nresults: ${fileOf(writeResults(standard ? 'import' : 'import-custom', results, standard ? undefined : DATA_DIR))}`,
  );
}

// --- 10M events (opt-in: takes minutes) -------------------------------------------------------
// As a user meets it (issue 11): `gemba import` and Node + DuckDB read_csv, each a whole process
// under GNU time, the same file, one after the other.
if (flag('--10m') || flag('--10m-only')) {
  const big = await dataset(10_000_000, 'csv', seed);
  const workspace = join(DATA_DIR, 'workspaces', 'csv-10m');
  rmSync(workspace, { recursive: true, force: true });
  console.log(
    `\nCSV: ${fileOf(big.path)} — ${big.truth.events.toLocaleString('en-US')} events, ${(statSync(big.path).size / 1e9).toFixed(2)} GB`,
  );
  const command = timed([...GEMBA, 'import', big.path, '--workspace', workspace, '--json']);
  const gemba = wholeProcess(command, JSON.parse(command.stdout) as Record<string, unknown>);
  const duckRun = timed([process.execPath, 'bench/processes/duckdb-read-csv.mjs', big.path]);
  const duck = wholeProcess(duckRun, { events: Number(duckRun.stdout.trim()) });
  printTable(`Import of ${big.truth.events.toLocaleString('en-US')} CSV events, whole processes`, HEADER, [
    row('gemba import → workspace', gemba),
    row('Node + DuckDB read_csv → table', duck),
  ]);
  console.log(
    `time ${(gemba.seconds / duck.seconds).toFixed(2)}× DuckDB's (goal ≤ 1.5×), peak RSS ${(gemba.peakRssBytes / duck.peakRssBytes).toFixed(2)}× (goal ≤ 1)`,
  );
  const path = writeResults('import-10m', {
    seed,
    file: fileOf(big.path),
    events: big.truth.events,
    wholeProcesses: true,
    gemba,
    duckdb: duck,
    gembaAgreesWithTruth: agreesWithTruth(gemba, big),
  });
  console.log(`\nresults: ${fileOf(path)}`);
  rmSync(workspace, { recursive: true, force: true });
}

/** A whole process's figures in the shape of a task's result, with what it reported. */
function wholeProcess(run: ProcessRun, reported: Record<string, unknown>): TaskResult {
  return {
    ...reported,
    seconds: run.wall,
    cpuSeconds: run.cpu,
    peakRssBytes: run.peakMiB * 2 ** 20,
    baselineRssBytes: 0,
  };
}
