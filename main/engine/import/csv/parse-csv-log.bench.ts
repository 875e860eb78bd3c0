/**
 * Micro-benchmark of the CSV parser alone (not a test):
 *   npx tsx main/engine/import/csv/parse-csv-log.bench.ts FILE.csv
 * Prints rows/s for tokenizing only and for the full parse into an EventLog.
 */
import { createReadStream, statSync } from 'node:fs';
import { CsvTokenizer } from './csv-tokenizer.ts';
import { parseCsvLog } from './parse-csv-log.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: parse-csv-log.bench.ts FILE.csv');
const size = statSync(file).size;

// The machine is shared: CPU time of this process is the fairer figure next to wall time.
const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
};
let rows = 0;
let t0 = performance.now();
let c0 = process.cpuUsage();
const tokenizer = new CsvTokenizer(44, 34, { row: () => void rows++, oversized: () => void rows++ }, file);
for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>)
  tokenizer.push(chunk);
tokenizer.finish();
let seconds = (performance.now() - t0) / 1000;
let cpu = cpuSeconds(c0);
console.log(
  `tokenize only: ${rows} rows in ${seconds.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU = ${Math.round(rows / cpu).toLocaleString('en')} rows/s CPU, ${(size / 1e6 / cpu).toFixed(0)} MB/s CPU`,
);

for (let run = 0; run < 2; run++) {
  t0 = performance.now();
  c0 = process.cpuUsage();
  const parsed = await parseCsvLog(file, {}, { fileName: file });
  seconds = (performance.now() - t0) / 1000;
  cpu = cpuSeconds(c0);
  const rss = process.memoryUsage().rss / 2 ** 20;
  console.log(
    `parse + build: ${parsed.rowsRead} rows, ${parsed.log.eventCount} events in ${seconds.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU = ${Math.round(parsed.rowsRead / cpu).toLocaleString('en')} rows/s CPU (rss ${rss.toFixed(0)} MiB, rejected ${parsed.rejectedCount})`,
  );
}
