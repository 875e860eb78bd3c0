import type { WorkingCalendar } from '../../../preload/api.ts';
import { InputError } from '../errors.ts';
import { zoneOffsetAt } from '../import/timestamps/index.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * Working-time durations. Instants are moved to the calendar's local time with the zone offset
 * at each instant, then counted on a uniform 24-hour local day; on a day with a DST switch this
 * may be off by the switch hour, which is below what working-hours figures claim to resolve.
 */

/**
 * Checks a calendar from the user (UI, CLI file, wire) and says what is wrong in their words;
 * returns it normalised (holidays default to none), the only form the clock accepts.
 */
export function validateCalendar(input: unknown, file?: string): WorkingCalendar {
  const fail = (message: string, hint: string): never => {
    throw new InputError(message, { file, hint });
  };
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    fail(
      'Working calendar: expected a JSON object.',
      'Example: {"weekdays": [1,2,3,4,5], "startHour": 8, "endHour": 17, "holidays": ["2024-12-25"]}.',
    );
  }
  const calendar = input as Partial<Record<keyof WorkingCalendar, unknown>>;
  const weekdays = calendar.weekdays;
  if (!Array.isArray(weekdays) || weekdays.some((d) => !Number.isInteger(d) || d < 0 || d > 6)) {
    fail('Working calendar: weekdays must be numbers 0 (Sunday) to 6 (Saturday).', 'Example: "weekdays": [1,2,3,4,5].');
  }
  const { startHour, endHour } = calendar;
  if (!(
    typeof startHour === 'number' &&
    typeof endHour === 'number' &&
    startHour >= 0 &&
    endHour <= 24 &&
    startHour < endHour
  )) {
    fail(
      'Working calendar: startHour and endHour must be hours with 0 <= startHour < endHour <= 24.',
      'Example: "startHour": 8.5, "endHour": 17.',
    );
  }
  const holidays = calendar.holidays ?? [];
  if (!Array.isArray(holidays))
    fail('Working calendar: holidays must be a list of dates.', 'Example: "holidays": ["2024-12-25", "2024-12-26"].');
  for (const day of holidays as unknown[]) {
    // Date.parse rolls "2024-02-31" over to 2 March: a date is valid only if it reads back the same.
    const ms = typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day) ? Date.parse(`${day}T00:00:00Z`) : NaN;
    if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day) {
      fail(
        `Working calendar: holiday ${JSON.stringify(day)} is not a date in YYYY-MM-DD form.`,
        'Write holidays like "2024-12-25".',
      );
    }
  }
  const timezone = calendar.timezone ?? undefined;
  if (timezone !== undefined && timezone !== '') {
    let known = typeof timezone === 'string';
    try {
      if (known) new Intl.DateTimeFormat('en-US', { timeZone: timezone as string });
    } catch {
      known = false;
    }
    if (!known)
      fail(
        `Working calendar: unknown time zone ${JSON.stringify(timezone)}.`,
        'Use an IANA zone such as "Europe/Berlin", or leave it out for UTC.',
      );
  }
  return {
    weekdays: [...(weekdays as number[])],
    startHour: startHour as number,
    endHour: endHour as number,
    holidays: [...(holidays as string[])],
    ...(timezone ? { timezone: timezone as string } : {}),
  };
}

/**
 * Builds a fast working-seconds function for one calendar. Full working days between the two
 * instants come from a prefix sum over local days, so each call costs O(1) after the table
 * covers the days involved.
 */
export function businessClock(input: WorkingCalendar): (startMs: number, endMs: number) => number {
  const calendar = validateCalendar(input);
  const offset = calendar.timezone ? zoneOffsetAt(calendar.timezone) : () => 0;
  const workStart = calendar.startHour * HOUR_MS;
  const workEnd = calendar.endHour * HOUR_MS;
  const weekdays = new Uint8Array(7);
  for (const d of calendar.weekdays) weekdays[d] = 1;
  const holidays = new Set(calendar.holidays.map((d) => Math.floor(Date.parse(`${d}T00:00:00Z`) / DAY_MS)));
  const isWorkingDay = (day: number) => weekdays[(((day + 4) % 7) + 7) % 7] === 1 && !holidays.has(day); // day 0 = Thu 1970-01-01

  // cumulative[k] = working ms in local days firstDay .. firstDay + k - 1
  let firstDay = 0;
  let cumulative = new Float64Array(0);
  const cover = (from: number, to: number) => {
    if (cumulative.length > 0 && from >= firstDay && to < firstDay + cumulative.length - 1) return;
    const lo = cumulative.length > 0 ? Math.min(from, firstDay) - 366 : from - 366;
    const hi = cumulative.length > 0 ? Math.max(to, firstDay + cumulative.length - 2) + 366 : to + 366;
    firstDay = lo;
    cumulative = new Float64Array(hi - lo + 2);
    for (let d = lo; d <= hi; d++)
      cumulative[d - lo + 1] = cumulative[d - lo] + (isWorkingDay(d) ? workEnd - workStart : 0);
  };
  // Working ms of one local day that fall before local time-of-day t.
  const partial = (day: number, t: number) => (isWorkingDay(day) ? Math.max(0, Math.min(t, workEnd) - workStart) : 0);

  return (startMs, endMs) => {
    if (!(endMs > startMs)) return 0;
    const a = startMs + offset(startMs);
    const b = endMs + offset(endMs);
    if (!(b > a)) return 0;
    const dayA = Math.floor(a / DAY_MS);
    const dayB = Math.floor(b / DAY_MS);
    const tA = a - dayA * DAY_MS;
    const tB = b - dayB * DAY_MS;
    if (dayA === dayB) return (partial(dayA, tB) - partial(dayA, tA)) / 1000;
    cover(dayA, dayB);
    const fullDays = cumulative[dayB - firstDay] - cumulative[dayA + 1 - firstDay];
    const firstPart = partial(dayA, DAY_MS) - partial(dayA, tA);
    return (firstPart + fullDays + partial(dayB, tB)) / 1000;
  };
}

/** Working seconds between two instants (epoch ms); 0 when end is not after start. */
export function businessSeconds(startMs: number, endMs: number, calendar: WorkingCalendar): number {
  return businessClock(calendar)(startMs, endMs);
}

/** The duration function an analysis uses: wall-clock seconds, or working seconds with a calendar. */
export function durationFunction(
  calendar: WorkingCalendar | null | undefined,
): (startMs: number, endMs: number) => number {
  if (!calendar) return (startMs, endMs) => (endMs - startMs) / 1000;
  return businessClock(calendar);
}
