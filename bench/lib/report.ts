import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { REPO } from './child.ts';

export const RESULTS_DIR = join(REPO, 'bench', 'results');
export const DATA_DIR = join(REPO, 'bench', 'data');

export function machine() {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: process.platform,
    loadAverage1m: Number(loadavg()[0].toFixed(2)),
  };
}

export function writeResults(name: string, results: Record<string, unknown>, dir = RESULTS_DIR): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.json`);
  writeFileSync(
    path,
    JSON.stringify({ bench: name, measuredAt: new Date().toISOString(), machine: machine(), ...results }, null, 2) +
      '\n',
  );
  return path;
}

/** Prints rows as an aligned table: the side-by-side comparison of one run. */
export function printTable(title: string, header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of cells.slice(1)) console.log(line(r));
}

export const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
export const rate = (events: number, seconds: number) => `${Math.round(events / seconds).toLocaleString('en-US')} ev/s`;
export const secs = (s: number) => `${s.toFixed(2)} s`;
