import type { EventLog } from '../../main/engine/eventlog/index.ts';
import type { PrefixRows } from '../features/prefix/prefix-rows.ts';

/**
 * The honest baselines of the remaining-time benchmarks (Verenich et al. 2019): a model that
 * does not beat these has learned nothing the process map does not already say.
 * - `training mean`: one number for every prefix;
 * - `mean per last activity and prefix length`: falls back to the prefix length, then the mean;
 * - `transition system`: van der Aalst et al. 2011's annotated transition system, the state of a
 *   prefix being its activity sequence; an unseen sequence falls back to its set of activities,
 *   then to the previous baseline.
 */
export type BaselineName = 'training mean' | 'mean per last activity and prefix length' | 'transition system';
export const BASELINES: readonly BaselineName[] = [
  'training mean',
  'mean per last activity and prefix length',
  'transition system',
];

export interface FittedBaselines {
  predict(name: BaselineName, log: EventLog, rows: PrefixRows): Float64Array;
}

class MeanTable {
  private readonly sums = new Map<string, [number, number]>();
  add(key: string, value: number): void {
    const s = this.sums.get(key);
    if (s) {
      s[0] += value;
      s[1]++;
    } else this.sums.set(key, [value, 1]);
  }
  get(key: string): number | undefined {
    const s = this.sums.get(key);
    return s ? s[0] / s[1] : undefined;
  }
}

function lastActivity(log: EventLog, rows: PrefixRows, i: number): number {
  return log.activity[log.caseStart[rows.case[i]] + rows.length[i] - 1];
}

function sequenceKey(log: EventLog, rows: PrefixRows, i: number): string {
  const first = log.caseStart[rows.case[i]];
  return Array.from(log.activity.subarray(first, first + rows.length[i])).join(',');
}

function setKey(log: EventLog, rows: PrefixRows, i: number): string {
  const first = log.caseStart[rows.case[i]];
  return [...new Set(log.activity.subarray(first, first + rows.length[i]))].sort((a, b) => a - b).join(',');
}

/** Fits all baselines on training rows and their target (e.g. remaining seconds). */
export function fitBaselines(log: EventLog, rows: PrefixRows, target: Float64Array): FittedBaselines {
  let sum = 0;
  const byLength = new MeanTable();
  const byLastAndLength = new MeanTable();
  const bySequence = new MeanTable();
  const bySet = new MeanTable();
  for (let i = 0; i < rows.count; i++) {
    const y = target[i];
    sum += y;
    byLength.add(String(rows.length[i]), y);
    byLastAndLength.add(`${lastActivity(log, rows, i)}|${rows.length[i]}`, y);
    bySequence.add(sequenceKey(log, rows, i), y);
    bySet.add(setKey(log, rows, i), y);
  }
  const mean = rows.count > 0 ? sum / rows.count : 0;
  const lastAndLength = (l: EventLog, r: PrefixRows, i: number) =>
    byLastAndLength.get(`${lastActivity(l, r, i)}|${r.length[i]}`) ?? byLength.get(String(r.length[i])) ?? mean;
  return {
    predict(name, l, r) {
      const out = new Float64Array(r.count);
      for (let i = 0; i < r.count; i++) {
        if (name === 'training mean') out[i] = mean;
        else if (name === 'mean per last activity and prefix length') out[i] = lastAndLength(l, r, i);
        else out[i] = bySequence.get(sequenceKey(l, r, i)) ?? bySet.get(setKey(l, r, i)) ?? lastAndLength(l, r, i);
      }
      return out;
    },
  };
}
