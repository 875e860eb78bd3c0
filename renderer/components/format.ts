/** How numbers, times and durations read everywhere in the UI: one place, so they agree. */

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatCount(value: number): string {
  return integer.format(value);
}

/**
 * A count with its noun, singular for exactly one: "1 case", "8,577 cases", "0 errors".
 * Irregular plurals are passed in ("1 activity", "3 activities").
 */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : pluralForm}`;
}

/**
 * A count with a unit phrase that arrives in the plural from the engine ("events out of order",
 * "rows set aside", "empty cells"): for exactly one, the first plural word becomes singular.
 */
export function countWithUnit(count: number, pluralUnit: string): string {
  return `${formatCount(count)} ${unitFor(count, pluralUnit)}`;
}

/** The unit phrase alone, singular for exactly one (for a count shown apart from its unit). */
export function unitFor(count: number, pluralUnit: string): string {
  if (count !== 1) return pluralUnit;
  const words = pluralUnit.split(' ');
  const i = words.findIndex((w) => /[^s]s$/.test(w));
  if (i < 0) return pluralUnit;
  const w = words[i]!;
  words[i] = w.endsWith('ies') ? `${w.slice(0, -3)}y` : w.slice(0, -1);
  return words.join(' ');
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ${units[unit]}`;
}

const MINUTE = 60;
const HOUR = 3600;

/**
 * A duration in two units at most, rounded (not cut) to the smaller one: "2 d 4 h", "3 h 12 min",
 * "45 s"; 1.497 d reads "1 d 12 h". From 100 days on, whole days with thousands separators
 * ("110,401 d", not "110401 d 1 h": the hours are noise at that size). Below a second: "250 ms",
 * and "< 1 ms" rather than "0 ms" for a tiny but non-zero time; exactly nothing is "0 s".
 */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  const sign = seconds < 0 ? '-' : '';
  const s = Math.abs(seconds);
  if (s === 0) return '0 s';
  // Round in the smaller unit first, then split, so 23 h 59.9 min becomes "1 d", not "23 h 60 min".
  const hours = Math.round(s / HOUR);
  if (hours >= 100 * 24) return `${sign}${Math.round(hours / 24).toLocaleString('en-US')} d`;
  if (hours >= 24) return `${sign}${pair(Math.floor(hours / 24), 'd', hours % 24, 'h')}`;
  const minutes = Math.round(s / MINUTE);
  if (minutes >= 60) return `${sign}${pair(Math.floor(minutes / 60), 'h', minutes % 60, 'min')}`;
  const wholeSeconds = Math.round(s);
  if (wholeSeconds >= 60) return `${sign}${pair(Math.floor(wholeSeconds / 60), 'min', wholeSeconds % 60, 's')}`;
  if (s >= 0.9995) return `${sign}${wholeSeconds} s`;
  const millis = Math.round(s * 1000);
  return millis >= 1 ? `${sign}${millis} ms` : `${sign}< 1 ms`;
}

function pair(big: number, bigUnit: string, small: number, smallUnit: string): string {
  return small ? `${big} ${bigUnit} ${small} ${smallUnit}` : `${big} ${bigUnit}`;
}

/** Time left of a job: never "0 s left" while it still runs. */
export function formatTimeLeft(seconds: number): string {
  return seconds < 1 ? 'less than a second left' : `about ${formatDuration(seconds)} left`;
}

/** An ISO timestamp as "YYYY-MM-DD HH:MM:SS" in UTC, so what the user reads is what is stored. */
export function formatTimestamp(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = date.toISOString();
  const millis = text.slice(20, 23);
  return `${text.slice(0, 10)} ${text.slice(11, 19)}${millis === '000' ? '' : `.${millis}`}`;
}

/** A moment of bookkeeping (imported at, opened at): to the minute is what a reader needs. */
export function formatMoment(iso: string | null | undefined): string {
  if (!iso) return '—';
  return formatTimestamp(iso).slice(0, 16);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return formatTimestamp(iso).slice(0, 10);
}

/**
 * Timestamps in one time zone (the machine's, by default) as "YYYY-MM-DD HH:MM:SS", the zone
 * named once in the view's header; `title` gives the stored instant in ISO UTC for a tooltip.
 */
export interface TimeFormat {
  /** IANA zone name, e.g. "Europe/Berlin". */
  zone: string;
  /** "Times in Europe/Berlin", for a view's header. */
  caption: string;
  timestamp(iso: string | null | undefined): string;
  /** To the second, for narrow columns (the tooltip keeps the milliseconds). */
  second(iso: string | null | undefined): string;
  /** To the minute. */
  moment(iso: string | null | undefined): string;
  date(iso: string | null | undefined): string;
  /** The instant as stored, ISO 8601 UTC, e.g. for a title attribute. */
  title(iso: string | null | undefined): string | undefined;
}

const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

function zoneFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = zoneFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    zoneFormatters.set(zone, formatter);
  }
  return formatter;
}

/** A usable zone name: the given one when the platform knows it, else UTC. */
export function knownZone(zone: string | null | undefined): string {
  if (!zone) return 'UTC';
  try {
    zoneFormatter(zone);
    return zone;
  } catch {
    return 'UTC';
  }
}

/** An ISO timestamp as "YYYY-MM-DD HH:MM:SS[.mmm]" of the wall clock in `zone`. */
export function formatTimestampIn(iso: string | null | undefined, zone: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (zone === 'UTC') return formatTimestamp(iso);
  const parts: Record<string, string> = {};
  for (const part of zoneFormatter(zone).formatToParts(date)) parts[part.type] = part.value;
  const millis = date.getUTCMilliseconds();
  const fraction = millis === 0 ? '' : `.${String(millis).padStart(3, '0')}`;
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}${fraction}`;
}

export function createTimeFormat(zone: string | null | undefined): TimeFormat {
  const z = knownZone(zone);
  const timestamp = (iso: string | null | undefined) => formatTimestampIn(iso, z);
  return {
    zone: z,
    caption: `Times in ${z}`,
    timestamp,
    second: (iso) => (iso ? timestamp(iso).slice(0, 19) : '—'),
    moment: (iso) => (iso ? timestamp(iso).slice(0, 16) : '—'),
    date: (iso) => (iso ? timestamp(iso).slice(0, 10) : '—'),
    title: (iso) => {
      if (!iso) return undefined;
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : `${date.toISOString()} (UTC)`;
    },
  };
}

/**
 * Whole percent done of a job, 0..100, rounded down so 100% means finished. The bar's width, its
 * aria value and the text beside it all use this one number, so they cannot disagree.
 */
export function progressPercent(fraction: number): number {
  if (!Number.isFinite(fraction)) return 0;
  return Math.floor(Math.min(1, Math.max(0, fraction)) * 100 + 1e-9);
}

export function formatPercent(share: number, digits = 1): string {
  return `${(share * 100).toFixed(digits)}%`;
}

export function formatAttribute(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}
