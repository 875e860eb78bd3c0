import { InputError } from '../errors.ts';
import { daysFromCivil, isValidTimeZone, zoneOffsetAt } from '../import/timestamps/index.ts';

/**
 * Periods a measure is aggregated by: calendar days, ISO weeks (Monday to Sunday) or calendar
 * months, in UTC or in a given time zone (a week in Berlin starts at Monday 00:00 Berlin time).
 * A period is identified by the day number (days since 1970-01-01) of its first local day.
 */

export const PERIODS = ['day', 'week', 'month'] as const;
export type Period = (typeof PERIODS)[number];

const DAY_MS = 86_400_000;

export function checkPeriod(period: string): Period {
  if ((PERIODS as readonly string[]).includes(period)) return period as Period;
  throw new InputError(`Unknown period "${period}".`, { hint: `Use one of: ${PERIODS.join(', ')}.` });
}

/** The first local day (days since 1970-01-01) of the period holding each instant. */
export function periodStartDay(period: Period, timeZone?: string | null): (utcMs: number) => number {
  if (timeZone && !isValidTimeZone(timeZone)) {
    throw new InputError(`Unknown time zone "${timeZone}".`, {
      hint: 'Use an IANA zone such as "Europe/Berlin", or leave it out for UTC.',
    });
  }
  const offset = timeZone ? zoneOffsetAt(timeZone) : null;
  const localDay = offset
    ? (ms: number) => Math.floor((ms + offset(ms)) / DAY_MS)
    : (ms: number) => Math.floor(ms / DAY_MS);
  switch (period) {
    case 'day':
      return localDay;
    case 'week':
      // Day 0 (1970-01-01) was a Thursday, so (day + 3) mod 7 counts days since Monday.
      return (ms) => {
        const day = localDay(ms);
        return day - ((((day + 3) % 7) + 7) % 7);
      };
    case 'month': {
      let lastDay = NaN;
      let lastStart = NaN;
      return (ms) => {
        const day = localDay(ms);
        if (day !== lastDay) {
          const date = new Date(day * DAY_MS);
          lastStart = daysFromCivil(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
          lastDay = day;
        }
        return lastStart;
      };
    }
  }
}

/** The period after the one starting on `startDay`. */
export function nextPeriodStart(period: Period, startDay: number): number {
  if (period === 'day') return startDay + 1;
  if (period === 'week') return startDay + 7;
  const date = new Date(startDay * DAY_MS);
  const month = date.getUTCMonth() + 1;
  return month === 12
    ? daysFromCivil(date.getUTCFullYear() + 1, 1, 1)
    : daysFromCivil(date.getUTCFullYear(), month + 1, 1);
}

/** ISO date (YYYY-MM-DD) of a day number: the period's label. */
export function dayLabel(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export interface PeriodGrid {
  /** Period start days from the first to the last period that holds an instant, none skipped. */
  starts: number[];
  labels: string[];
  /** Per instant: its index into `starts`; -1 for NaN instants. */
  periodOf: Int32Array;
}

/** Assigns instants to a gap-free run of periods. */
export function periodGrid(at: Float64Array, period: Period, timeZone?: string | null): PeriodGrid {
  const keys = new Float64Array(at.length);
  if (!timeZone && period !== 'month') {
    // UTC days and weeks: plain arithmetic, the common case on a million values.
    for (let i = 0; i < at.length; i++) {
      const day = Math.floor(at[i] / DAY_MS);
      keys[i] = period === 'day' ? day : day - ((((day + 3) % 7) + 7) % 7);
    }
  } else {
    const startOf = periodStartDay(period, timeZone);
    for (let i = 0; i < at.length; i++) keys[i] = Number.isNaN(at[i]) ? NaN : startOf(at[i]);
  }
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < at.length; i++) {
    const k = keys[i];
    if (k < first) first = k;
    if (k > last) last = k;
  }
  const starts: number[] = [];
  for (let d = first; d <= last; d = nextPeriodStart(period, d)) starts.push(d);
  const indexOf = new Map<number, number>();
  starts.forEach((d, i) => indexOf.set(d, i));
  const periodOf = new Int32Array(at.length);
  if (period !== 'month') {
    const step = period === 'day' ? 1 : 7;
    for (let i = 0; i < at.length; i++) periodOf[i] = Number.isNaN(keys[i]) ? -1 : (keys[i] - first) / step;
  } else {
    for (let i = 0; i < at.length; i++) periodOf[i] = Number.isNaN(keys[i]) ? -1 : indexOf.get(keys[i])!;
  }
  return { starts, labels: starts.map(dayLabel), periodOf };
}
