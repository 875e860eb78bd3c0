import { InputError } from '../errors.ts';

/**
 * An instant as ISO 8601 in a time zone's wall clock with its offset, e.g.
 * "2024-01-15T00:00:00.000+01:00": the display time zone in spreadsheet exports, still one
 * unambiguous instant. UTC (or no zone) keeps the "Z" form.
 */
export function isoTimeIn(timeZone: string | null | undefined): (ms: number) => string {
  if (!timeZone || timeZone === 'UTC') return (ms) => new Date(ms).toISOString();
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
  } catch {
    throw new InputError(`Unknown time zone "${timeZone}".`, {
      hint: 'Use an IANA zone name such as Europe/Berlin, or UTC.',
    });
  }
  return (ms) => {
    const p: Record<string, string> = {};
    for (const part of format.formatToParts(new Date(ms))) p[part.type] = part.value;
    const wall = Date.UTC(
      Number(p.year),
      Number(p.month) - 1,
      Number(p.day),
      Number(p.hour),
      Number(p.minute),
      Number(p.second),
    );
    const offsetMinutes = Math.round((wall - (ms - (((ms % 1000) + 1000) % 1000))) / 60_000);
    const sign = offsetMinutes < 0 ? '-' : '+';
    const abs = Math.abs(offsetMinutes);
    const millis = String(((ms % 1000) + 1000) % 1000).padStart(3, '0');
    return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}.${millis}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  };
}
