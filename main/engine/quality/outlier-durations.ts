import type { QualityCheck } from '../../../preload/api.ts';
import type { EventLog } from '../eventlog/index.ts';
import { ExampleList, eventExample, percent, plural } from './check-result.ts';
import { formatDuration } from '../map/index.ts';
import { meanAbsoluteDeviation, medianAbsoluteDeviation, medianInPlace } from './robust-statistics.ts';

export interface OutlierDurationsOptions {
  /** |modified z| above which a duration is an outlier; 3.5 as recommended by Iglewicz and Hoaglin. */
  threshold?: number;
  /** Pairs seen fewer times than this have no stable median and are skipped. */
  minPairCount?: number;
  /**
   * 'log' (default) scores log(1 + seconds): waiting times are right-skewed, and on a linear
   * scale the ordinary tail of an exponential wait (one in 25 beyond 3.2× the mean) would be
   * flagged. 'linear' scores the durations as they are.
   */
  scale?: 'log' | 'linear';
  /** 'high' (default) flags only unusually long waits; 'both' also unusually short ones. */
  sides?: 'high' | 'both';
}

/** Dense index of each activity pair (a→b) in use, by typed array or Map depending on the key space. */
class PairIndex {
  private readonly dense: Int32Array | null;
  private readonly sparse = new Map<number, number>();
  size = 0;
  constructor(private readonly activities: number) {
    const space = activities * activities;
    this.dense = space <= 1 << 22 ? new Int32Array(Math.max(1, space)).fill(-1) : null;
  }
  indexOf(a: number, b: number): number {
    const key = a * this.activities + b;
    if (this.dense) {
      if (this.dense[key] < 0) this.dense[key] = this.size++;
      return this.dense[key];
    }
    let index = this.sparse.get(key);
    if (index === undefined) {
      index = this.size++;
      this.sparse.set(key, index);
    }
    return index;
  }
}

/**
 * Waiting times between consecutive activities that are extreme for their activity pair, by
 * the modified z-score 0.6745·(x − median)/MAD, on log(1 + seconds) unless told otherwise.
 * Where more than half the durations tie (MAD 0) the mean absolute deviation scaled by 1.253314
 * stands in, as in IBM's SPSS definition. These are for review, not removal: an outlier may be
 * the most interesting case in the log.
 */
export function outlierDurations(log: EventLog, options: OutlierDurationsOptions = {}): QualityCheck {
  const threshold = options.threshold ?? 3.5;
  const minCount = options.minPairCount ?? 10;
  const logScale = (options.scale ?? 'log') === 'log';
  const bothSides = options.sides === 'both';
  const score = (ms: number) => (logScale ? Math.log1p(Math.max(0, ms) / 1000) : ms);
  const unscore = (v: number) => (logScale ? Math.expm1(v) * 1000 : v);
  const { caseStart, activity, timestamp } = log;
  const index = new PairIndex(log.activities.length);
  const pairOf = new Int32Array(log.eventCount).fill(-1); // pair ending at event i
  const pairFrom: number[] = [];
  const pairTo: number[] = [];
  for (let c = 0; c < log.caseCount; c++) {
    for (let i = caseStart[c] + 1; i < caseStart[c + 1]; i++) {
      const p = index.indexOf(activity[i - 1], activity[i]);
      if (p === pairFrom.length) {
        pairFrom.push(activity[i - 1]);
        pairTo.push(activity[i]);
      }
      pairOf[i] = p;
    }
  }
  const pairs = index.size;
  const offsets = new Int32Array(pairs + 1);
  for (let i = 0; i < log.eventCount; i++) if (pairOf[i] >= 0) offsets[pairOf[i] + 1]++;
  for (let p = 0; p < pairs; p++) offsets[p + 1] += offsets[p];
  const grouped = new Float64Array(offsets[pairs]);
  const fill = offsets.slice(0, pairs);
  for (let i = 0; i < log.eventCount; i++)
    if (pairOf[i] >= 0) grouped[fill[pairOf[i]]++] = score(timestamp[i] - timestamp[i - 1]);

  const median = new Float64Array(pairs).fill(NaN);
  const scale = new Float64Array(pairs).fill(NaN); // divisor so that z = (x - median) / scale
  const scratch = new Float64Array(grouped.length);
  for (let p = 0; p < pairs; p++) {
    const from = offsets[p];
    const to = offsets[p + 1];
    if (to - from < minCount) continue;
    const values = grouped.subarray(from, to);
    const m = medianInPlace(values);
    const mad = medianAbsoluteDeviation(values, m, scratch);
    const s = mad > 0 ? mad / 0.6745 : 1.253314 * meanAbsoluteDeviation(values, m);
    if (s > 0) {
      median[p] = m;
      scale[p] = s;
    }
  }

  let count = 0;
  let transitions = 0;
  const perPair = new Int32Array(pairs);
  const examples = new ExampleList();
  for (let c = 0; c < log.caseCount; c++) {
    for (let i = caseStart[c] + 1; i < caseStart[c + 1]; i++) {
      const p = pairOf[i];
      if (Number.isNaN(scale[p])) continue;
      transitions++;
      const d = timestamp[i] - timestamp[i - 1];
      const z = (score(d) - median[p]) / scale[p];
      if (bothSides ? Math.abs(z) <= threshold : z <= threshold) continue;
      count++;
      perPair[p]++;
      examples.add(
        eventExample(
          log,
          c,
          i,
          `"${log.activities[pairFrom[p]]}" → "${log.activities[pairTo[p]]}" took ${formatDuration(d / 1000)} (median ${formatDuration(unscore(median[p]) / 1000)}, z = ${z.toFixed(1)})`,
        ),
      );
    }
  }
  const breakdown = [];
  for (let p = 0; p < pairs; p++) {
    if (perPair[p] > 0)
      breakdown.push({
        label: `${log.activities[pairFrom[p]]} → ${log.activities[pairTo[p]]}`,
        count: perPair[p],
        detail: `median ${formatDuration(unscore(median[p]) / 1000)}`,
      });
  }
  breakdown.sort((a, b) => b.count - a.count);
  return {
    kind: 'outlier_durations',
    title: 'Outlier durations',
    severity: 'info',
    applicable: true,
    count,
    unit: 'transitions',
    explanation:
      count === 0
        ? 'No waiting time between two activities is extreme for its pair.'
        : `${plural(count, 'transition')} (${percent(count, transitions)} of those measured) take ${bothSides ? 'far longer or shorter' : 'far longer'} than usual for their ` +
          `activity pair (robust z-score of ${logScale ? 'log ' : ''}duration beyond ${threshold}). Review them; they may be data errors or the cases that matter most.`,
    examples: examples.items,
    breakdown: breakdown.slice(0, 50),
    fix: null,
  };
}
