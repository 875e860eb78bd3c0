/**
 * Snapshot writing (issue 11, the commit of an import): the 1M-event log's two Arrow files written
 * by apache-arrow (tableToIPC, as Gemba did before) and by our own writer (arrow-writer.ts, the
 * log's arrays handed to one writev per file), each in its own process, alternating, fastest of
 * --repeat. Both write through the same writeSnapshotFiles (temp file, fdatasync, rename) and
 * must read back to the log they were given. This is the measurement the project rule asks for
 * before a hand-written replacement of a library.
 *
 * Flags: --events N (default 1M), --seed N, --repeat N (default 3).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseCount } from './generate.ts';
import { runTask } from './lib/child.ts';
import { benchArgs } from './lib/bench-args.ts';
import { dataset } from './lib/datasets.ts';
import { fastestOfAlternating } from './lib/repeat.ts';
import { DATA_DIR, machine, mb, printTable, secs, writeResults } from './lib/report.ts';

const { option } = benchArgs();
const events = parseCount(option('--events', '1M'));
const seed = Number(option('--seed', '42'));
const repeat = Math.max(1, Number(option('--repeat', '3')));

const csv = await dataset(events, 'csv', seed);
const workspace = join(DATA_DIR, 'workspaces', `snapshot-write-${events}`);
const out = join(DATA_DIR, 'workspaces', `snapshot-write-${events}-out`);
console.log(`importing ${csv.path} once, to write its snapshot again`);
await runTask('gemba-import', [csv.path, workspace]);
const ways = ['apache-arrow', 'gemba'] as const;
const [library, ours] = await fastestOfAlternating(
  ways.map((way) => () => runTask('snapshot-write', [workspace, way, `${out}-${way}`])),
  repeat,
);
rmSync(workspace, { recursive: true, force: true });

const ms = (s: unknown) => `${((s as number) * 1000).toFixed(0)} ms`;
printTable(
  `Snapshot write, ${events.toLocaleString('en-US')} events (fastest of ${repeat}; load average ${machine().loadAverage1m})`,
  ['', 'wall', 'CPU', 'of which: load library', 'encode', 'write + sync (CPU)', 'peak RSS over start', 'file bytes'],
  [
    ['apache-arrow tableToIPC', library, 'apache-arrow'],
    ['own writer (arrow-writer.ts)', ours, 'gemba'],
  ].map(([label, r]) => {
    const run = r as typeof ours;
    return [
      label as string,
      secs(run.seconds),
      secs(run.cpuSeconds),
      ms(run.libraryLoadSeconds),
      ms(run.encodeSeconds),
      `${ms(run.writeSeconds)} (${ms(run.writeCpuSeconds)})`,
      mb(run.extraRssBytes as number),
      (run.bytes as number).toLocaleString('en-US'),
    ];
  }),
);
console.log(
  `own writer / apache-arrow: ${(ours.seconds / library.seconds).toFixed(2)}× the wall time, ${(ours.cpuSeconds / library.cpuSeconds).toFixed(2)}× the CPU time`,
);
const same = JSON.stringify(ours.digest) === JSON.stringify(library.digest);
const readBack = ours.readsBackAsWritten === true && library.readsBackAsWritten === true;
console.log(
  `both files read back to the log written: ${readBack ? 'yes' : 'NO'}; the two ways agree: ${same ? 'yes' : 'NO'}`,
);
const path = writeResults('snapshot-write', {
  events,
  seed,
  repeat,
  apacheArrow: library,
  gemba: ours,
  same,
  readBack,
});
console.log(`results: ${path}`);
if (!same || !readBack) process.exit(1);
