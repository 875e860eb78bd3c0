import { wallClockMs } from './civil-time.ts';

/**
 * Naive timestamps (no offset in the text) are wall-clock times in some IANA zone. Turning
 * them into instants needs that zone's UTC offset, which Intl can tell but slowly
 * (formatToParts, microseconds per call). Offsets only change on hour boundaries in practice,
 * so each resolver caches the offset per wall-clock hour: a million rows cost a few thousand
 * Intl calls.
 */

/** The machine's IANA zone, the default for naive timestamps. */
export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const FIXED_OFFSET = /^(?:UTC|GMT|Z)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i;

/** Offset in ms for zones written as a fixed offset ('+01:00', 'UTC-5'), else null. */
function fixedOffsetMs(zone: string): number | null {
  const z = zone.trim();
  if (/^(UTC|GMT|Z|Etc\/UTC|Etc\/GMT)$/i.test(z)) return 0;
  const m = FIXED_OFFSET.exec(z);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + (m[3] ? Number(m[3]) : 0);
  if (minutes > 18 * 60) return null;
  return (m[1] === '-' ? -minutes : minutes) * 60_000;
}

export function isValidTimeZone(zone: string): boolean {
  if (fixedOffsetMs(zone) !== null) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const DAY = 86_400_000;
const HALF_HOUR = 1_800_000;

/**
 * The offset of `zone` from UTC (ms, positive east) at an instant. Offsets change only at
 * transitions, a few times a year on whole or half hours, so a UTC day whose start and end share
 * an offset is cached as one entry and only transition days are looked up per half hour: a
 * million instants cost a few Intl calls per distinct day. Throws RangeError for an unknown zone.
 */
export function zoneOffsetAt(zone: string): (utcMs: number) => number {
  const fixed = fixedOffsetMs(zone);
  if (fixed !== null) return () => fixed;
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    era: 'short',
  });
  const exact = (instant: number): number => {
    const seconds = Math.floor(instant / 1000) * 1000;
    let year = 0,
      month = 0,
      day = 0,
      hour = 0,
      minute = 0,
      second = 0,
      bc = false;
    for (const part of format.formatToParts(new Date(seconds))) {
      switch (part.type) {
        case 'year':
          year = Number(part.value);
          break;
        case 'month':
          month = Number(part.value);
          break;
        case 'day':
          day = Number(part.value);
          break;
        case 'hour':
          hour = Number(part.value);
          break;
        case 'minute':
          minute = Number(part.value);
          break;
        case 'second':
          second = Number(part.value);
          break;
        case 'era':
          bc = part.value.startsWith('B');
          break;
      }
    }
    if (bc) year = 1 - year;
    return wallClockMs(year, month, day, hour, minute, second, 0) - seconds;
  };
  const days = new Map<number, number>(); // UTC day → offset, NaN on a transition day
  const halfHours = new Map<number, number>();
  return (utcMs) => {
    if (!Number.isFinite(utcMs)) return NaN;
    const d = Math.floor(utcMs / DAY);
    let offset = days.get(d);
    if (offset === undefined) {
      const start = exact(d * DAY);
      offset = start === exact((d + 1) * DAY - 1000) ? start : NaN;
      if (days.size > 1_000_000) days.clear();
      days.set(d, offset);
    }
    if (!Number.isNaN(offset)) return offset;
    const h = Math.floor(utcMs / HALF_HOUR);
    let precise = halfHours.get(h);
    if (precise === undefined) {
      precise = exact(h * HALF_HOUR);
      if (halfHours.size > 1_000_000) halfHours.clear();
      halfHours.set(h, precise);
    }
    return precise;
  };
}

/** Converts wall-clock ms (fields read as if UTC) to epoch ms in one zone. */
export type WallClockResolver = (wallMs: number) => number;

const HOUR = 3_600_000;

/**
 * A resolver for `zone`. Ambiguous wall times (the repeated hour when clocks go back) take the
 * earlier instant; times in the skipped hour (clocks go forward) are read with the offset from
 * before the change, i.e. pushed forward: the same rule as JavaScript's Temporal 'compatible'.
 * Throws RangeError for an unknown zone.
 */
export function wallClockResolver(zone: string): WallClockResolver {
  const fixed = fixedOffsetMs(zone);
  if (fixed !== null) return (wall) => wall - fixed;
  const offsetAt = zoneOffsetAt(zone);
  const offsetForWall = (wall: number): number => {
    const before = offsetAt(wall - 86_400_000);
    const after = offsetAt(wall + 86_400_000);
    if (before === after && offsetAt(wall - before) === before) return before;
    const earlierValid = offsetAt(wall - before) === before;
    const laterValid = offsetAt(wall - after) === after;
    if (earlierValid && laterValid) return Math.max(before, after);
    if (earlierValid) return before;
    if (laterValid) return after;
    return before;
  };
  const cache = new Map<number, number>();
  let lastHour = NaN;
  let lastOffset = 0;
  return (wall) => {
    const hour = Math.floor(wall / HOUR);
    if (hour !== lastHour) {
      let offset = cache.get(hour);
      if (offset === undefined) {
        if (!Number.isFinite(wall)) return NaN;
        offset = offsetForWall(hour * HOUR + HOUR / 2);
        if (cache.size > 1_000_000) cache.clear();
        cache.set(hour, offset);
      }
      lastHour = hour;
      lastOffset = offset;
    }
    return wall - lastOffset;
  };
}
