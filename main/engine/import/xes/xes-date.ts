/**
 * XES `<date>` values are xs:dateTime: `YYYY-MM-DDThh:mm:ss[.fraction][Z|±hh:mm]`.
 * This is the hot path of an XES import (one per event), so it reads digits by char code
 * instead of going through Date.parse, and it is exact: no local-time guessing when an offset
 * is present.
 */

/** Turns wall-clock fields of a value without offset into epoch ms (time zone policy). */
export type NaiveTimeReader = (year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number) => number;

/** The machine's time zone, as JavaScript's local Date does. */
export const machineLocalTime: NaiveTimeReader = (y, mo, d, h, mi, s, ms) => {
  if (y >= 100) return new Date(y, mo - 1, d, h, mi, s, ms).getTime();
  // Date maps years 0–99 to 1900–1999; set the year explicitly for those.
  const date = new Date(2000, 0, 1, h, mi, s, ms);
  date.setFullYear(y, mo - 1, d);
  return date.getTime();
};

/** Wall-clock fields in an IANA time zone (e.g. 'Europe/Amsterdam') to epoch ms. */
export function timeZoneReader(timeZone: string): NaiveTimeReader {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return (y, mo, d, h, mi, s, ms) => utc(y, mo, d, h, mi, s, ms);
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const offsetAt = (epoch: number): number => {
    const parts = format.formatToParts(new Date(epoch));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    const asUtc = utc(get('year'), get('month'), get('day'), get('hour'), get('minute'), get('second'), 0);
    return asUtc - (epoch - (((epoch % 1000) + 1000) % 1000));
  };
  return (y, mo, d, h, mi, s, ms) => {
    const wall = utc(y, mo, d, h, mi, s, ms);
    // Two rounds settle the offset on either side of a daylight-saving change.
    let epoch = wall - offsetAt(wall);
    epoch = wall - offsetAt(epoch);
    return epoch;
  };
}

function utc(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
  if (y >= 100) return Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const t = Date.UTC(2000, mo - 1, d, h, mi, s, ms);
  const date = new Date(t);
  date.setUTCFullYear(y, mo - 1, d);
  return date.getTime();
}

function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

/**
 * Epoch ms of an xs:dateTime, or NaN when the text is not one. A date alone (`YYYY-MM-DD`) is
 * midnight. A space is accepted in place of `T`, and `+hhmm` in place of `+hh:mm`, because
 * exporters write both.
 */
export function parseXesDate(text: string, naive: NaiveTimeReader = machineLocalTime): number {
  let i = 0;
  const n = text.length;
  while (i < n && text.charCodeAt(i) <= 32) i++;
  let end = n;
  while (end > i && text.charCodeAt(end - 1) <= 32) end--;
  if (end - i < 10) return NaN;
  const year = digits(text, i, 4);
  if (year < 0 || text.charCodeAt(i + 4) !== 45 || text.charCodeAt(i + 7) !== 45) return NaN;
  const month = digits(text, i + 5, 2);
  const day = digits(text, i + 8, 2);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  i += 10;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let ms = 0;
  if (i < end) {
    const sep = text.charCodeAt(i);
    if (sep !== 84 /* T */ && sep !== 32 /* space */) return NaN;
    if (end - i < 6) return NaN;
    hour = digits(text, i + 1, 2);
    minute = digits(text, i + 4, 2);
    if (hour < 0 || minute < 0 || text.charCodeAt(i + 3) !== 58) return NaN;
    i += 6;
    if (i < end && text.charCodeAt(i) === 58 /* : */) {
      second = digits(text, i + 1, 2);
      if (second < 0) return NaN;
      i += 3;
      if (i < end && (text.charCodeAt(i) === 46 /* . */ || text.charCodeAt(i) === 44 /* , */)) {
        // Fractions beyond milliseconds are truncated: Gemba keeps milliseconds.
        i++;
        let scale = 100;
        const start = i;
        while (i < end) {
          const c = text.charCodeAt(i) - 48;
          if (c < 0 || c > 9) break;
          ms += c * scale;
          scale /= 10;
          i++;
        }
        if (i === start) return NaN;
        ms = Math.floor(ms + 1e-9);
      }
    }
    if (hour > 24 || minute > 59 || second > 60 || (hour === 24 && (minute > 0 || second > 0 || ms > 0))) return NaN;
  }
  if (i === end) return naive(year, month, day, hour, minute, second, ms);
  const zone = text.charCodeAt(i);
  let offsetMinutes = 0;
  if (zone === 90 /* Z */ || zone === 122 /* z */) {
    if (i + 1 !== end) return NaN;
  } else if (zone === 43 /* + */ || zone === 45 /* - */) {
    const oh = digits(text, i + 1, 2);
    let om = 0;
    if (end - i === 6 && text.charCodeAt(i + 3) === 58) om = digits(text, i + 4, 2);
    else if (end - i === 5) om = digits(text, i + 3, 2);
    else if (end - i !== 3) return NaN;
    if (oh < 0 || om < 0 || oh > 18 || om > 59) return NaN;
    offsetMinutes = (zone === 45 ? -1 : 1) * (oh * 60 + om);
  } else return NaN;
  return utc(year, month, day, hour, minute, second, ms) - offsetMinutes * 60_000;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
