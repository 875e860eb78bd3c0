import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureGenerated, type GeneratedTruth, type LogFormat } from '../generate.ts';
import { DATA_DIR } from './report.ts';

export interface Dataset {
  path: string;
  truth: GeneratedTruth;
}

/** A generated log cached in bench/data/ (git-ignored), regenerated only when its options change. */
export async function dataset(events: number, format: LogFormat, seed = 42, dirty = false): Promise<Dataset> {
  mkdirSync(DATA_DIR, { recursive: true });
  const label =
    events % 1_000_000 === 0 ? `${events / 1_000_000}m` : events % 1000 === 0 ? `${events / 1000}k` : String(events);
  const path = join(DATA_DIR, `order-to-cash-${label}-s${seed}${dirty ? '-dirty' : ''}.${format}`);
  const t0 = performance.now();
  const truth = await ensureGenerated({ events, seed, format, out: path, dirty });
  const seconds = (performance.now() - t0) / 1000;
  if (seconds > 1) console.log(`generated ${path} (${truth.events} events) in ${seconds.toFixed(1)} s`);
  return { path, truth };
}

/**
 * A copy of a generated CSV with every field in double quotes, as many exporters write them
 * (Excel's "CSV UTF-8" and Python's QUOTE_ALL quote text; some tools quote everything). Cached
 * beside the source. The source must hold no quote and no CR, so quoting changes no value.
 */
export async function quotedCopy(source: string): Promise<string> {
  const path = source.replace(/\.csv$/, '-quoted.csv');
  if (existsSync(path) && statSync(path).mtimeMs >= statSync(source).mtimeMs) return path;
  const t0 = performance.now();
  const temp = `${path}.part`;
  const out = createWriteStream(temp);
  let lineOpen = false;
  try {
    for await (const chunk of createReadStream(source, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      if (chunk.includes(0x22) || chunk.includes(0x0d))
        throw new Error(`${source} holds a quote or CR; quotedCopy needs plain LF rows`);
      let text = chunk.toString('latin1').replaceAll(',', '","').replaceAll('\n', '"\n"');
      if (!lineOpen) text = `"${text}`;
      lineOpen = !text.endsWith('\n"');
      if (!lineOpen) text = text.slice(0, -1);
      if (!out.write(Buffer.from(text, 'latin1'))) await once(out, 'drain');
    }
  } catch (error) {
    out.destroy();
    rmSync(temp, { force: true });
    throw error;
  }
  if (lineOpen) out.write('"');
  out.end();
  await once(out, 'finish');
  renameSync(temp, path);
  console.log(`wrote ${path} (every field quoted) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return path;
}
