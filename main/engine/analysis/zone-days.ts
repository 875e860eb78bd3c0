import { InputError } from '../errors.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * Calendar days in a time zone, for binning events per day as the people who worked them saw
 * the day: an event at local midnight +01:00 belongs to that day, not to the UTC day before.
 * Returns day numbers (days since 1970-01-01 in the zone's wall clock): `dayStart(n)` of one is
 * midnight UTC of the same date, so `new Date(n * DAY_MS).toISOString().slice(0, 10)` is the
 * local date. Offsets are looked up once per hour of the log (zones change offset on the hour
 * or half hour, never within a minute), so a long log costs a few thousand look-ups.
 */
export function zoneDay(timeZone: string | null | undefined): (t: number) => number {
  if (!timeZone || timeZone === 'UTC') return (t) => Math.floor(t / DAY_MS);
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
  } catch {
    throw new InputError(`Unknown time zone "${timeZone}".`, {
      hint: 'Use an IANA zone name such as Europe/Berlin, or UTC.',
    });
  }
  const offsets = new Map<number, number>();
  const offsetAt = (t: number): number => {
    // Per half hour: zones such as Asia/Kolkata or Australia/Adelaide change on the half hour.
    const slot = Math.floor(t / (HOUR_MS / 2));
    let offset = offsets.get(slot);
    if (offset === undefined) {
      const at = slot * (HOUR_MS / 2);
      const parts: Record<string, number> = {};
      for (const p of format.formatToParts(new Date(at))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
      offset = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!) - (at - (at % 60_000));
      offsets.set(slot, offset);
    }
    return offset;
  };
  return (t) => Math.floor((t + offsetAt(t)) / DAY_MS);
}
