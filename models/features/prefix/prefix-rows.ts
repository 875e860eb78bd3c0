import type { EventLog } from '../../../main/engine/eventlog/index.ts';

/**
 * The rows a running-case model sees: one per (case, prefix length, moment of observation).
 * A prefix of length k is the case's first k events, observed at `observedAt` (at or after its
 * k-th event, before the (k+1)-th). Training rows come from completed cases; prediction rows are
 * running cases observed "now".
 */
export interface PrefixRows {
  readonly count: number;
  /** Case index per row. */
  readonly case: Int32Array;
  /** Events seen (k ≥ 1). */
  readonly length: Int32Array;
  /** Epoch ms at which the prefix is looked at. */
  readonly observedAt: Float64Array;
}

export interface CompletedPrefixOptions {
  /** Longest prefix kept (Teinemaa et al. 2019: min(40, 90th percentile of case length)). */
  maxLength: number;
  /** Prefixes whose observation falls at or after this instant are dropped (no leakage across a temporal split). */
  before?: number;
  /**
   * Where between the k-th and (k+1)-th event each prefix is observed: 0 = at the k-th event
   * (the benchmarks' convention); a number in (0, 1) = that fraction of the wait, so that "time
   * since the last event" varies in training as it does for a case looked at mid-wait.
   */
  observeAt?: number | 'at-event';
  /**
   * Also observe each prefix this long after its k-th event (hours), wherever the case was still
   * waiting then (the (k+1)-th event had not happened). A running case looked at now has by
   * definition not moved on yet, so each such row is an unbiased example of "a case in this state
   * that has waited this long"; from them a model learns what a long wait means (e.g. a stuck case).
   */
  sinceLastEventHours?: readonly number[];
}

/**
 * Prefixes 1..min(length − 1, maxLength) of the given completed cases. The full-length prefix
 * is left out: a case that has ended is not running, so no prediction is ever asked for it.
 */
export function completedCasePrefixes(log: EventLog, cases: Int32Array, options: CompletedPrefixOptions): PrefixRows {
  const before = options.before ?? Infinity;
  const fraction = options.observeAt === undefined || options.observeAt === 'at-event' ? 0 : options.observeAt;
  const offsets = options.sinceLastEventHours?.map((h) => h * 3_600_000) ?? [];
  const rowCase: number[] = [];
  const length: number[] = [];
  const observedAt: number[] = [];
  for (const c of cases) {
    const first = log.caseStart[c];
    const last = Math.min(log.caseStart[c + 1] - 1, first + options.maxLength);
    for (let e = first; e < last; e++) {
      const t = log.timestamp[e] + fraction * (log.timestamp[e + 1] - log.timestamp[e]);
      if (t >= before) break;
      rowCase.push(c);
      length.push(e - first + 1);
      observedAt.push(t);
      for (const offset of offsets) {
        const later = log.timestamp[e] + offset;
        if (offset <= 0 || later >= log.timestamp[e + 1] || later >= before) continue;
        rowCase.push(c);
        length.push(e - first + 1);
        observedAt.push(later);
      }
    }
  }
  return {
    count: rowCase.length,
    case: Int32Array.from(rowCase),
    length: Int32Array.from(length),
    observedAt: Float64Array.from(observedAt),
  };
}

/** One row per running case: all its events so far, observed at `now`. */
export function runningCaseRows(log: EventLog, cases: Int32Array, now: number): PrefixRows {
  const length = new Int32Array(cases.length);
  for (let i = 0; i < cases.length; i++) length[i] = log.caseStart[cases[i] + 1] - log.caseStart[cases[i]];
  return {
    count: cases.length,
    case: Int32Array.from(cases),
    length,
    observedAt: new Float64Array(cases.length).fill(now),
  };
}

/** Longest prefix the evaluation uses: min(40, 90th percentile of case length) of the given cases. */
export function prefixLengthLimit(log: EventLog, cases: Int32Array, cap = 40): number {
  if (cases.length === 0) return 1;
  const lengths = Int32Array.from(cases, (c) => log.caseStart[c + 1] - log.caseStart[c]).sort();
  const p90 = lengths[Math.min(lengths.length - 1, Math.ceil(0.9 * lengths.length) - 1)];
  return Math.max(1, Math.min(cap, p90));
}

export interface SnapshotOptions {
  maxLength: number;
  /** Snapshots at or after this instant are not taken (temporal split). */
  before?: number;
  /** About this many rows in all; the spacing of snapshots follows from it. */
  targetRows: number;
}

/**
 * The work in progress as it looked at evenly spaced instants: at every snapshot, each given
 * case that had started and not yet ended, with the events it had by then. Unlike prefixes
 * taken at events, this samples cases the way a look at running cases "now" finds them: a case
 * sitting in a long wait is seen more often (the inspection paradox), and "time since the last
 * event" varies. Each case's snapshots are a contiguous run of the grid, so no scan per snapshot.
 */
export function snapshotRows(
  log: EventLog,
  cases: Int32Array,
  options: SnapshotOptions,
): PrefixRows & { spacingMs: number } {
  const before = options.before ?? Infinity;
  let origin = Infinity;
  let busy = 0;
  for (const c of cases) {
    const start = log.timestamp[log.caseStart[c]];
    origin = Math.min(origin, start);
    busy += Math.max(0, Math.min(log.timestamp[log.caseStart[c + 1] - 1], before) - start);
  }
  const spacingMs = Math.max(1000, busy / Math.max(1, options.targetRows));
  const slot = (t: number) => Math.ceil((t - origin) / spacingMs);
  let n = 0;
  for (const c of cases) {
    const end = Math.min(log.timestamp[log.caseStart[c + 1] - 1], before);
    n += Math.max(0, slot(end) - slot(log.timestamp[log.caseStart[c]]));
  }
  const rowCase = new Int32Array(n);
  const length = new Int32Array(n);
  const observedAt = new Float64Array(n);
  let r = 0;
  for (const c of cases) {
    const first = log.caseStart[c];
    const last = log.caseStart[c + 1] - 1;
    const end = Math.min(log.timestamp[last], before);
    let e = first;
    for (let j = slot(log.timestamp[first]); j < slot(end); j++) {
      const t = origin + j * spacingMs;
      while (e < last && log.timestamp[e + 1] <= t) e++;
      if (e - first + 1 > options.maxLength) break;
      rowCase[r] = c;
      length[r] = e - first + 1;
      observedAt[r] = t;
      r++;
    }
  }
  return {
    count: r,
    case: rowCase.subarray(0, r),
    length: length.subarray(0, r),
    observedAt: observedAt.subarray(0, r),
    spacingMs,
  };
}

/**
 * The latest of the given cases (ordered by start) whose prefix rows stay within `maxRows`: a very
 * large log trains on its most recent behaviour instead of exhausting memory. Counts rows exactly
 * as `completedCasePrefixes` makes them, without building them.
 */
export function latestCasesWithin(
  log: EventLog,
  casesByStart: Int32Array,
  options: CompletedPrefixOptions,
  maxRows: number,
): Int32Array {
  const offsets = options.sinceLastEventHours?.map((h) => h * 3_600_000).filter((o) => o > 0) ?? [];
  const before = options.before ?? Infinity;
  let rows = 0;
  let k = casesByStart.length;
  while (k > 0) {
    const c = casesByStart[k - 1];
    const first = log.caseStart[c];
    const last = Math.min(log.caseStart[c + 1] - 1, first + options.maxLength);
    let n = 0;
    for (let e = first; e < last && log.timestamp[e] < before; e++) {
      n++;
      for (const offset of offsets) if (log.timestamp[e] + offset < Math.min(log.timestamp[e + 1], before)) n++;
    }
    if (rows + n > maxRows && k < casesByStart.length) break;
    rows += n;
    k--;
  }
  return casesByStart.subarray(k);
}
