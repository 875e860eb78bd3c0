import type { EventLog } from '../eventlog/index.ts';
import { wallClockResolver } from '../import/timestamps/index.ts';
import { nextPeriodStart, type Period, type PeriodGrid } from './periods.ts';

/**
 * Trend honesty: a log seldom starts and ends on period boundaries. A log exported on a Wednesday
 * holds half of its last week, so that week's throughput looks like a drop and its cycle times
 * look short (the long cases have not finished yet). The first and last periods of the grid are
 * measured against the span the log covers (its first to its last event), and each one the log
 * covers less than 90% of is reported with the share of it that the log does cover.
 */
export interface PartialPeriod {
  /** Index into the period grid (the summary's series). */
  index: number;
  /** The period's first day, ISO. */
  period: string;
  /** Share of the period's time the log covers, 0 to 0.9 (a period covered more counts as whole). */
  covered: number;
}

const DAY_MS = 86_400_000;
/** A period the log covers at least this much of is whole for practical purposes (a log starting Monday 08:00 covers 95% of its week). */
const WHOLE = 0.9;

/** The first and last instant the log covers: its earliest (start) time and its latest time. */
export function logSpan(log: EventLog): { from: number; to: number } | null {
  let from = Infinity;
  let to = -Infinity;
  const scan = (times: Float64Array) => {
    for (let i = 0; i < times.length; i++) {
      const t = times[i];
      if (t < from) from = t;
      if (t > to) to = t;
    }
  };
  scan(log.timestamp);
  if (log.startTimestamp) scan(log.startTimestamp);
  return Number.isFinite(from) && Number.isFinite(to) ? { from, to } : null;
}

/** The first and last period of the grid where the log's span covers only part of it. */
export function partialPeriods(
  log: EventLog,
  grid: PeriodGrid,
  period: Period,
  timeZone: string | null,
): PartialPeriod[] {
  const span = logSpan(log);
  const count = grid.starts.length;
  if (!span || count === 0) return [];
  const resolve = !timeZone || timeZone === 'UTC' ? (wall: number) => wall : wallClockResolver(timeZone);
  const bounds = (p: number) => {
    const from = resolve(grid.starts[p] * DAY_MS);
    return { from, to: resolve(nextPeriodStart(period, grid.starts[p]) * DAY_MS) };
  };
  const out: PartialPeriod[] = [];
  const first = bounds(0);
  const last = count > 1 ? bounds(count - 1) : first;
  // Covered: the part of [from, to) inside the span; the last event's instant counts up to the next millisecond.
  const covered = (b: { from: number; to: number }) =>
    (Math.min(b.to, span.to + 1) - Math.max(b.from, span.from)) / (b.to - b.from);
  const c0 = covered(first);
  if (c0 < WHOLE) out.push({ index: 0, period: grid.labels[0], covered: Math.max(0, c0) });
  if (count > 1) {
    const c1 = covered(last);
    if (c1 < WHOLE) out.push({ index: count - 1, period: grid.labels[count - 1], covered: Math.max(0, c1) });
  }
  return out;
}

/** The note a partial period earns, in the user's words. */
export function partialPeriodNote(partial: PartialPeriod, period: Period, count: number): string {
  const share = `${Math.round(100 * partial.covered)}%`;
  return partial.index === count - 1
    ? `The log ends partway through the ${period} of ${partial.period} (it covers ${share} of it): that ${period}'s value, and the trend against it, rest on part of a ${period}; compare whole ${period}s.`
    : `The log starts partway through the ${period} of ${partial.period} (it covers ${share} of it): that ${period}'s value rests on part of a ${period}.`;
}
