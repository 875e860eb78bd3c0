import { mkdirSync } from 'node:fs';
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
  const label = events % 1_000_000 === 0 ? `${events / 1_000_000}m` : events % 1000 === 0 ? `${events / 1000}k` : String(events);
  const path = join(DATA_DIR, `order-to-cash-${label}-s${seed}${dirty ? '-dirty' : ''}.${format}`);
  const t0 = performance.now();
  const truth = await ensureGenerated({ events, seed, format, out: path, dirty });
  const seconds = (performance.now() - t0) / 1000;
  if (seconds > 1) console.log(`generated ${path} (${truth.events} events) in ${seconds.toFixed(1)} s`);
  return { path, truth };
}
