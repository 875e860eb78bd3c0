import { wallClockMs } from '../timestamps/civil-time.ts';

/**
 * XES `<date>` values are xs:dateTime: `YYYY-MM-DDThh:mm:ss[.fraction][Z|±hh:mm]`.
 * This is the hot path of an XES import (one per event), so it reads digits by char code
 * instead of going through Date.parse, and it is exact: no local-time guessing when an offset
 * is present.
 */

/** Places a naive wall-clock time (fields read as if UTC, in ms) in the chosen time zone. */
export type NaiveTimeReader = (wallMs: number) => number;

/** For values without an offset when the caller has no zone: read them as UTC. */
const naiveAsUtc: NaiveTimeReader = (wall) => wall;

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Days in a month, computed without short-circuits: every operation runs on every call, so the
 * first 29 February or first non-leap year met mid-file does not send the optimised parser back to
 * the interpreter (a plain `&&`/`||` leap-year test did, once per new branch).
 */
function lastDayOfMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 ? 1 : 0) & ((year % 100 !== 0 ? 1 : 0) | (year % 400 === 0 ? 1 : 0));
  return DAYS_IN_MONTH[month] + (month === 2 ? leap : 0);
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
export function parseXesDate(text: string, naive: NaiveTimeReader = naiveAsUtc): number {
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
  if (month < 1 || month > 12 || day < 1 || day > lastDayOfMonth(year, month)) return NaN;
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
      if (i < end && (text.charCodeAt(i) === 46 /* . */ || text.charCodeAt(i) === 44) /* , */) {
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
  if (i === end) return naive(wallClockMs(year, month, day, hour, minute, second, ms));
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
  return wallClockMs(year, month, day, hour, minute, second, ms) - offsetMinutes * 60_000;
}
