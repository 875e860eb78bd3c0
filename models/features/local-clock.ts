import { InputError } from '../../main/engine/errors.ts';

/**
 * Turns UTC instants into local wall-clock instants of a time zone (IANA name; null = UTC), so
 * that "the hour" and "the weekday" of an event are the ones the people doing the work saw,
 * daylight saving included. The zone's offset is looked up once per UTC hour and cached, so a
 * log of millions of events needs one Intl call per hour of its span, not per event.
 */
export type LocalClock = (utcMs: number) => number;

export function localClock(timeZone: string | null): LocalClock {
  if (timeZone === null || timeZone === 'UTC') return (ms) => ms;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
  } catch {
    throw new InputError(`"${timeZone}" is not a time zone this system knows.`, {
      hint: 'Use an IANA name such as Europe/Berlin or America/New_York, or UTC.',
    });
  }
  const offsetByHour = new Map<number, number>();
  return (ms) => {
    const hour = Math.floor(ms / 3_600_000);
    let offset = offsetByHour.get(hour);
    if (offset === undefined) {
      const at = hour * 3_600_000;
      const parts: Record<string, number> = {};
      for (const p of format.formatToParts(new Date(at))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
      offset = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute) - at;
      offsetByHour.set(hour, offset);
    }
    return ms + offset;
  };
}
