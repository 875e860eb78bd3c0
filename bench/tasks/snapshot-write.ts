/**
 * Writes the snapshot of a workspace's current log again, into `out`, one way:
 *   gemba         eventLogToArrowParts (our Arrow writer) + writeSnapshotFiles (writev, fdatasync)
 *   apache-arrow  apache-arrow's tableToIPC (bench/lib/apache-arrow-snapshot.ts), required inside
 *                 the measured part as an import required it, then the same writeSnapshotFiles
 * The log is reopened and every column read before the measured part. After it, the written files
 * are read back (our reader) to a digest the bench compares across the two ways.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { eventLogFromSnapshotFiles, eventLogToArrowParts } from '../../main/engine/workspace/snapshot.ts';
import { SNAPSHOT_DIR, snapshotFiles, writeSnapshotFiles } from '../../main/engine/workspace/snapshot-files.ts';
import { gembaReopen } from '../gemba.ts';
import { arrow, eventLogToArrowWithApacheArrow } from '../lib/apache-arrow-snapshot.ts';
import { logDigest } from '../lib/log-digest.ts';
import { reportResult } from '../lib/task.ts';

const [workspace, way, out] = process.argv.slice(2);
if (!workspace || !out || (way !== 'gemba' && way !== 'apache-arrow'))
  throw new Error('usage: snapshot-write.ts WORKSPACE gemba|apache-arrow OUT_DIR');

const log = gembaReopen(workspace);
for (const column of [...log.eventAttributes, ...log.caseAttributes])
  if (column.type === 'string') void column.codes.length;
  else void column.values.length;
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, SNAPSHOT_DIR), { recursive: true });

// A clean start for both ways: garbage of the reopen collected, the peak RSS reset to the
// current RSS (Linux clear_refs 5), so the peak measured is that of the write alone.
setFlagsFromString('--expose-gc');
(runInNewContext('gc') as () => void)();
const hwm = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) * 1024;
try {
  writeFileSync('/proc/self/clear_refs', '5');
} catch {
  /* not Linux, or not allowed: the peak then includes the reopen */
}
const baselineRssBytes = process.memoryUsage().rss;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let encodedAt = 0;
let encodedCpu = cpu0;
let libraryLoadSeconds = 0;
if (way === 'gemba') {
  const { events, cases } = eventLogToArrowParts(log);
  encodedAt = performance.now();
  encodedCpu = process.cpuUsage();
  writeSnapshotFiles(out, 'snapshot', { events: events.parts, cases: cases.parts });
} else {
  arrow();
  libraryLoadSeconds = (performance.now() - t0) / 1000;
  const { events, cases } = eventLogToArrowWithApacheArrow(log);
  encodedAt = performance.now();
  encodedCpu = process.cpuUsage();
  writeSnapshotFiles(out, 'snapshot', { events: [events], cases: [cases] });
}
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const writePeakRssBytes = hwm();

const [eventsFile, casesFile] = snapshotFiles(out, 'snapshot');
const back = eventLogFromSnapshotFiles(eventsFile, casesFile);
const digest = logDigest(back);
const same = JSON.stringify(digest) === JSON.stringify(logDigest(log));
const bytes = statSync(eventsFile).size + statSync(casesFile).size;
rmSync(out, { recursive: true, force: true });
reportResult({
  seconds,
  cpuSeconds: (cpu.user + cpu.system) / 1e6,
  baselineRssBytes,
  encodeSeconds: (encodedAt - t0) / 1000 - libraryLoadSeconds,
  writeCpuSeconds: (cpu.user + cpu.system - (encodedCpu.user + encodedCpu.system - cpu0.user - cpu0.system)) / 1e6,
  writeSeconds: seconds - (encodedAt - t0) / 1000,
  libraryLoadSeconds,
  writePeakRssBytes,
  extraRssBytes: writePeakRssBytes - baselineRssBytes,
  bytes,
  events: log.eventCount,
  digest,
  readsBackAsWritten: same,
});
