/**
 * Seeded synthetic event-log generator with known truth (library and CLI).
 *
 *   npx tsx bench/generate.ts --events 1000000 --seed 42 --format csv|xes|xes.gz --out FILE
 *       [--truth FILE.json] [--dirty] [--start-timestamps] [--load]
 *
 * Cases are simulated one at a time and streamed to the file, so memory stays bounded from 1k to
 * 10M events; the truth (counts, DFG, variants, anomalies, bottleneck, shift, injected defects)
 * is tallied on the way and written as JSON beside the log.
 */
import { readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { OrderToCash } from './generator/order-to-cash.ts';
import { TruthCounter, MEDIAN_EVENT_LIMIT, type LogTruth } from './generator/truth.ts';
import { DefectInjector, type DirtyTruth } from './generator/defects.ts';
import { openLogWriter, type LogFormat } from './generator/log-writer.ts';
import { rowsOfCase } from './generator/rows.ts';

export { DEFECT_KINDS, LABEL_VARIANTS, FUTURE_YEAR } from './generator/defects.ts';
export type { DefectKind, DirtyTruth } from './generator/defects.ts';
export type { LogTruth, EdgeTruth } from './generator/truth.ts';
export type { LogFormat } from './generator/log-writer.ts';

export const GENERATOR_VERSION = 1;

export interface GenerateOptions {
  /** Events to generate; whole cases are generated, so the real count is at least this (and exact in the truth). */
  events: number;
  seed: number;
  format: LogFormat;
  out: string;
  /** Where the truth JSON goes; defaults to `<out>.truth.json`. */
  truth?: string;
  dirty?: boolean;
  startTimestamps?: boolean;
  /** Seasonal arrivals and a wait that grows with load (bench/generator/seasonal-load.ts). */
  load?: boolean;
}

export interface GeneratedTruth extends LogTruth {
  generator: {
    version: number;
    seed: number;
    requestedEvents: number;
    format: LogFormat;
    dirty: boolean;
    startTimestamps: boolean;
    load?: boolean;
    model: string;
  };
  /** What the numbers above describe. */
  describes: string;
  /** Data rows (CSV) or events (XES) actually in the file; differs from `events` only in dirty mode. */
  rowsWritten: number;
  dirty: DirtyTruth | null;
}

export async function generateLog(options: GenerateOptions): Promise<GeneratedTruth> {
  const { events, seed, format, out } = options;
  if (!Number.isInteger(events) || events < 1) throw new Error(`--events must be a positive integer, got ${events}`);
  const withStart = options.startTimestamps ?? false;
  const model = new OrderToCash(seed, events, { load: options.load });
  const truth = new TruthCounter(events <= MEDIAN_EVENT_LIMIT);
  const defects = options.dirty ? new DefectInjector(seed) : null;
  const writer = openLogWriter(out, format, withStart);
  writer.writeHeader();
  let produced = 0;
  for (let i = 0; produced < events; i++) {
    const c = model.simulate(i);
    truth.add(c);
    produced += c.activities.length;
    const rows = rowsOfCase(c);
    defects?.inject(c, rows);
    writer.writeCase(c, rows);
    if (writer.pendingChars > 1 << 20) await writer.flush();
  }
  await writer.close();
  const result: GeneratedTruth = {
    generator: {
      version: GENERATOR_VERSION,
      seed,
      requestedEvents: events,
      format,
      dirty: !!options.dirty,
      startTimestamps: withStart,
      load: !!options.load,
      model: 'order-to-cash',
    },
    describes: options.dirty
      ? 'cases..shift describe the clean log before defects were injected; `dirty` lists the defects'
      : 'the log as written; events ordered by timestamp within a case (no ties)',
    ...truth.finish(),
    rowsWritten: writer.rowsWritten,
    dirty: defects?.finish() ?? null,
  };
  writeFileSync(options.truth ?? truthPathFor(out), JSON.stringify(result, null, 1));
  return result;
}

export function truthPathFor(out: string): string {
  return `${out}.truth.json`;
}

/** Returns the cached truth when `out` was already generated with the same options, else generates. */
export async function ensureGenerated(options: GenerateOptions): Promise<GeneratedTruth> {
  const truthPath = options.truth ?? truthPathFor(options.out);
  if (existsSync(options.out) && existsSync(truthPath) && statSync(options.out).size > 0) {
    const cached = JSON.parse(readFileSync(truthPath, 'utf8')) as GeneratedTruth;
    const g = cached.generator;
    if (
      g?.version === GENERATOR_VERSION &&
      g.seed === options.seed &&
      g.requestedEvents === options.events &&
      g.format === options.format &&
      g.dirty === !!options.dirty &&
      g.startTimestamps === !!options.startTimestamps &&
      !!g.load === !!options.load
    )
      return cached;
  }
  return generateLog(options);
}

function parseArgs(argv: string[]): GenerateOptions {
  const opts: Partial<GenerateOptions> = { seed: 42, dirty: false, startTimestamps: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--events':
        opts.events = parseCount(value());
        break;
      case '--seed':
        opts.seed = Number.parseInt(value(), 10);
        break;
      case '--format': {
        const f = value();
        if (f !== 'csv' && f !== 'xes' && f !== 'xes.gz')
          throw new Error(`--format must be csv, xes or xes.gz, got ${f}`);
        opts.format = f;
        break;
      }
      case '--out':
        opts.out = value();
        break;
      case '--truth':
        opts.truth = value();
        break;
      case '--dirty':
        opts.dirty = true;
        break;
      case '--start-timestamps':
        opts.startTimestamps = true;
        break;
      case '--load':
        opts.load = true;
        break;
      default:
        throw new Error(`unknown option ${flag}`);
    }
  }
  if (!opts.out) throw new Error('--out FILE is required');
  if (opts.events === undefined) throw new Error('--events N is required');
  opts.format ??= opts.out.endsWith('.xes.gz') ? 'xes.gz' : opts.out.endsWith('.xes') ? 'xes' : 'csv';
  if (!Number.isInteger(opts.seed)) throw new Error('--seed must be an integer');
  return opts as GenerateOptions;
}

/** Accepts 1000000, 1e6, 1M, 10m, 100k. */
export function parseCount(text: string): number {
  const m = /^(\d+(?:\.\d+)?(?:e\d+)?)([kKmM]?)$/.exec(text.trim());
  if (!m) throw new Error(`not a count: ${text}`);
  const scale = m[2] === '' ? 1 : m[2].toLowerCase() === 'k' ? 1e3 : 1e6;
  return Math.round(Number(m[1]) * scale);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const opts = parseArgs(process.argv.slice(2));
    const t0 = performance.now();
    const truth = await generateLog(opts);
    const seconds = (performance.now() - t0) / 1000;
    const size = statSync(opts.out).size;
    console.log(
      `${opts.out}: ${truth.events} events, ${truth.cases} cases, ${truth.rowsWritten} rows, ${(size / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s; truth in ${opts.truth ?? truthPathFor(opts.out)}`,
    );
  } catch (e) {
    console.error(`generate: ${(e as Error).message}`);
    process.exit(2);
  }
}
