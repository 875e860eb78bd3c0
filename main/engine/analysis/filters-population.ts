import type { LogFilter } from '../../../preload/api.ts';
import type { EventLog } from '../eventlog/index.ts';
import { caseDurationMs } from './case-span.ts';
import { quantile } from './statistics-table.ts';
import { variantGroups } from './variants.ts';

/**
 * Filters that rank cases against each other, so their answer depends on which cases are
 * still in: they look only at the cases `kept` by the filters before them (Disco's filter stack)
 * and return a mask within those.
 */

type VariantCoverage = Extract<LogFilter, { kind: 'variantCoverage' }>;
type Performance = Extract<LogFilter, { kind: 'performance' }>;

/**
 * The most frequent variants: the top N and/or the fewest covering a share of the cases. The
 * threshold is a case count, and every variant with at least that many cases is kept, so two
 * variants tied at the threshold are kept or dropped together (issue 12, defect 4).
 */
export function matchVariantCoverage(log: EventLog, filter: VariantCoverage, kept: Uint8Array): Uint8Array {
  const { variantOfCase, count } = variantGroups(log, kept);
  const total = count.reduce((n, k) => n + k, 0);
  const sorted = [...count].sort((a, b) => b - a);
  let threshold = 0;
  if (filter.topVariants !== undefined && sorted.length > 0)
    threshold = Math.max(threshold, sorted[Math.min(filter.topVariants, sorted.length) - 1]);
  if (filter.coverage !== undefined) {
    // The fewest variants, most frequent first, whose cases reach the share (a tiny tolerance so 0.3 of 10 cases is 3).
    const needed = filter.coverage * total - 1e-9;
    let covered = 0;
    let k = 0;
    while (k < sorted.length && covered < needed) covered += sorted[k++];
    threshold = Math.max(threshold, k === 0 ? Infinity : sorted[k - 1]);
  }
  const out = new Uint8Array(log.caseCount);
  for (let c = 0; c < log.caseCount; c++) {
    const v = variantOfCase[c];
    if (v >= 0 && count[v] >= threshold) out[c] = 1;
  }
  return out;
}

/** Cases whose duration or event count lies between two percentiles of the kept cases. */
export function matchPerformance(log: EventLog, filter: Performance, kept: Uint8Array): Uint8Array {
  const value = new Float64Array(log.caseCount);
  const values: number[] = [];
  for (let c = 0; c < log.caseCount; c++) {
    if (kept[c] === 0) continue;
    value[c] = filter.measure === 'events' ? log.caseStart[c + 1] - log.caseStart[c] : caseDurationMs(log, c);
    values.push(value[c]);
  }
  const out = new Uint8Array(log.caseCount);
  if (values.length === 0) return out;
  const sorted = Float64Array.from(values).sort();
  const low = quantile(sorted, (filter.fromPercentile ?? 0) / 100);
  const high = quantile(sorted, (filter.toPercentile ?? 100) / 100);
  for (let c = 0; c < log.caseCount; c++) if (kept[c] === 1 && value[c] >= low && value[c] <= high) out[c] = 1;
  return out;
}
