import type { CaseMask, EventLog } from '../eventlog/index.ts';
import { caseDurationMs } from './case-span.ts';

export interface VariantSummary {
  /**
   * 1-based rank in the unfiltered log, most frequent first: a variant keeps its number when
   * filters drop other cases, so "#4" means the same variant in every view and filter chip.
   */
  rank: number;
  activities: string[];
  /** Cases following exactly this activity sequence. */
  count: number;
  /** count / cases kept by the mask, 0..1. */
  share: number;
  meanDurationSeconds: number;
  /** Case indices of this variant, ascending; present when asked for. */
  caseIndices?: number[];
}

export interface VariantOptions {
  /** Include the case indices of each variant (for drill-down). */
  withCases?: boolean;
}

/**
 * Groups cases by their activity sequence. Each case's codes are hashed, and a hash bucket holds
 * the representative case of every variant with that hash, so collisions are compared exactly
 * and no per-case string is built.
 */
export function variantGroups(
  log: EventLog,
  mask?: CaseMask | null,
): { variantOfCase: Int32Array; representative: number[]; count: number[] } {
  const { activity, caseStart } = log;
  const variantOfCase = new Int32Array(log.caseCount).fill(-1);
  const representative: number[] = [];
  const count: number[] = [];
  const buckets = new Map<number, number[]>();
  for (let c = 0; c < log.caseCount; c++) {
    if (mask && mask[c] === 0) continue;
    const from = caseStart[c];
    const to = caseStart[c + 1];
    let h = 0x811c9dc5 ^ (to - from);
    for (let i = from; i < to; i++) h = Math.imul(h ^ activity[i], 0x01000193);
    let bucket = buckets.get(h);
    if (!bucket) buckets.set(h, (bucket = []));
    let v = -1;
    for (const candidate of bucket) {
      const r = representative[candidate];
      const rFrom = caseStart[r];
      if (caseStart[r + 1] - rFrom !== to - from) continue;
      let same = true;
      for (let k = 0; k < to - from && same; k++) same = activity[rFrom + k] === activity[from + k];
      if (same) {
        v = candidate;
        break;
      }
    }
    if (v < 0) {
      v = representative.length;
      representative.push(c);
      count.push(0);
      bucket.push(v);
    }
    count[v]++;
    variantOfCase[c] = v;
  }
  return { variantOfCase, representative, count };
}

/** Per case, the rank of its variant in the unfiltered log; computed once per log. */
const unfilteredRanks = new WeakMap<EventLog, Int32Array>();

/** Per case, the 1-based rank of its variant in the whole log (VariantInfo.rank): the case table's Variant column. */
export function variantRankOfCase(log: EventLog): Int32Array {
  return rankOfCase(log);
}

function rankOfCase(log: EventLog): Int32Array {
  let ranks = unfilteredRanks.get(log);
  if (!ranks) {
    const { variantOfCase, representative, count } = variantGroups(log, null);
    const sequence = (v: number) => sequenceOf(log, representative[v]);
    const order = representative
      .map((_, v) => v)
      .sort((x, y) => count[y] - count[x] || compareSequences(sequence(x), sequence(y)));
    const rankOfVariant = new Int32Array(representative.length);
    order.forEach((v, k) => (rankOfVariant[v] = k + 1));
    ranks = new Int32Array(log.caseCount);
    for (let c = 0; c < log.caseCount; c++) ranks[c] = rankOfVariant[variantOfCase[c]];
    unfilteredRanks.set(log, ranks);
  }
  return ranks;
}

function sequenceOf(log: EventLog, c: number): string[] {
  return Array.from(log.activity.subarray(log.caseStart[c], log.caseStart[c + 1]), (a) => log.activities[a]);
}

/** Variants of the cases a mask keeps, most frequent first; ties in activity-sequence order. */
export function variants(log: EventLog, mask?: CaseMask | null, options: VariantOptions = {}): VariantSummary[] {
  const { variantOfCase, representative, count } = variantGroups(log, mask);
  const ranks = mask ? rankOfCase(log) : null;
  const durationSum = new Float64Array(representative.length);
  let kept = 0;
  for (let c = 0; c < log.caseCount; c++) {
    const v = variantOfCase[c];
    if (v < 0) continue;
    kept++;
    durationSum[v] += caseDurationMs(log, c);
  }
  let members: number[][] | null = null;
  if (options.withCases) {
    members = representative.map(() => []);
    for (let c = 0; c < log.caseCount; c++) if (variantOfCase[c] >= 0) members[variantOfCase[c]].push(c);
  }
  const list = representative.map((r, v) => ({
    rank: ranks ? ranks[r] : 0,
    activities: sequenceOf(log, r),
    count: count[v],
    share: count[v] / kept,
    meanDurationSeconds: durationSum[v] / count[v] / 1000,
    ...(members ? { caseIndices: members[v] } : {}),
  }));
  list.sort((a, b) => b.count - a.count || compareSequences(a.activities, b.activities));
  if (!ranks) list.forEach((v, k) => (v.rank = k + 1));
  return list;
}

/** Lexicographic by activity name (code-point order), a shorter prefix first. */
export function compareSequences(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let k = 0; k < n; k++) if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
  return a.length - b.length;
}
