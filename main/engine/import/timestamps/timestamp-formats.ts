import { daysFromCivil, daysInMonth, MS_PER_DAY } from './civil-time.ts';

/**
 * The timestamp formats Gemba reads, each as a byte-level reader: no regular expressions, no
 * Date.parse, no allocation per value. A reader fills the module-level fields below and says
 * whether the whole text matched; `fieldsToEpoch` then turns them into epoch ms.
 *
 * Every calendar format accepts an optional time (`HH:MM`, `HH:MM:SS`, fractional seconds with
 * `.` or `,`), an optional AM/PM, and an optional offset (`Z`, `±HH:MM`, `±HHMM`, `±HH`), so a
 * column that mixes date-only and full values, or naive and offset values, still reads.
 */

export type FormatKind = 'calendar' | 'epoch-s' | 'epoch-ms';

export interface TimestampFormat {
  /** Stable identifier stored in mappings and audit records. */
  readonly id: string;
  /** The pattern as users write it, before the time part. */
  readonly datePattern: string;
  readonly kind: FormatKind;
  /** True when the text matched completely; fills the fields below. */
  read(bytes: Uint8Array, start: number, end: number): boolean;
}

// Fields of the last successful read (module-level so reading allocates nothing).
let year = 0,
  month = 0,
  day = 0,
  hour = 0,
  minute = 0,
  second = 0,
  millis = 0;
let offsetMs = 0;
let hasOffset = false;
let epochValue = 0;
let isEpoch = false;
/** Shape of the last read, for labels: 0 no time, 1 HH:MM, 2 HH:MM:SS. */
let shapeTime = 0,
  shapeFraction = 0,
  shapeT = false,
  shapeOffset = 0,
  shapeAmPm = false;

let p = 0;

function digits(b: Uint8Array, e: number, min: number, max: number): number {
  let v = 0;
  let k = 0;
  while (p < e && k < max) {
    const d = b[p] - 48;
    if (d < 0 || d > 9) break;
    v = v * 10 + d;
    p++;
    k++;
  }
  return k >= min ? v : -1;
}

/** Two ASCII digits at `at` as a number, or -1. */
function twoDigits(b: Uint8Array, at: number): number {
  const x = b[at] - 48;
  const y = b[at + 1] - 48;
  return x >>> 0 <= 9 && y >>> 0 <= 9 ? x * 10 + y : -1;
}

function literal(b: Uint8Array, e: number, c: number): boolean {
  if (p < e && b[p] === c) {
    p++;
    return true;
  }
  return false;
}

const SPACE = 32,
  TAB = 9,
  COLON = 58,
  DOT = 46,
  COMMA = 44,
  SLASH = 47,
  DASH = 45,
  PLUS = 43;

function trimEnd(b: Uint8Array, start: number, end: number): number {
  while (end > start && (b[end - 1] === SPACE || b[end - 1] === TAB)) end--;
  return end;
}

function trimStart(b: Uint8Array, start: number, end: number): number {
  while (start < end && (b[start] === SPACE || b[start] === TAB)) start++;
  return start;
}

function resetTime(): void {
  isEpoch = false;
  hour = minute = second = millis = 0;
  offsetMs = 0;
  hasOffset = false;
  shapeTime = shapeFraction = shapeOffset = 0;
  shapeT = shapeAmPm = false;
}

/** Reads `[T| ]HH:MM[:SS[.fff]] [AM|PM] [Z|±HH[:MM]]` up to `e`, or nothing at all. */
function readTimeTail(b: Uint8Array, e: number, allowT: boolean): boolean {
  resetTime();
  if (p === e) return true;
  const c = b[p];
  if (allowT && c === 84) {
    p++;
    shapeT = true;
  } else if (c === SPACE) {
    while (p < e && b[p] === SPACE) p++;
  } else return false;
  hour = digits(b, e, 1, 2);
  if (hour < 0 || !literal(b, e, COLON)) return false;
  minute = digits(b, e, 2, 2);
  if (minute < 0) return false;
  shapeTime = 1;
  if (literal(b, e, COLON)) {
    second = digits(b, e, 2, 2);
    if (second < 0) return false;
    shapeTime = 2;
  }
  return readFractionAndZone(b, e);
}

/** After the seconds (or minutes): `[.fff] [AM|PM] [Z|±HH[:MM]]`, then the end. */
function readFractionAndZone(b: Uint8Array, e: number): boolean {
  if (shapeTime === 2) {
    if (p < e && (b[p] === DOT || b[p] === COMMA)) {
      p++;
      let v = 0;
      let k = 0;
      while (p < e) {
        const d = b[p] - 48;
        if (d < 0 || d > 9) break;
        if (k < 3) v = v * 10 + d;
        p++;
        k++;
      }
      if (k === 0) return false;
      millis = k >= 3 ? v : k === 2 ? v * 10 : v * 100;
      shapeFraction = k;
    }
  }
  let q = p;
  while (q < e && b[q] === SPACE) q++;
  if (q < e) {
    const a = b[q] | 0x20;
    const m = q + 1 < e ? b[q + 1] | 0x20 : 0;
    if ((a === 97 || a === 112) && m === 109) {
      if (hour < 1 || hour > 12) return false;
      if (a === 112 && hour < 12) hour += 12;
      else if (a === 97 && hour === 12) hour = 0;
      shapeAmPm = true;
      p = q + 2;
      q = p;
      while (q < e && b[q] === SPACE) q++;
    }
  }
  if (q < e) {
    const o = b[q];
    if (o === 90) {
      p = q + 1;
      hasOffset = true;
      shapeOffset = 1;
    } else if (o === PLUS || o === DASH) {
      p = q + 1;
      const oh = digits(b, e, 2, 2);
      if (oh < 0 || oh > 18) return false;
      let om = 0;
      if (literal(b, e, COLON)) {
        om = digits(b, e, 2, 2);
        if (om < 0) return false;
      } else if (p < e) {
        om = digits(b, e, 2, 2);
        if (om < 0) return false;
      }
      if (om > 59) return false;
      offsetMs = (o === DASH ? -1 : 1) * (oh * 60 + om) * 60_000;
      hasOffset = true;
      shapeOffset = 2;
    }
  }
  while (p < e && b[p] === SPACE) p++;
  return p === e;
}

function validFields(): boolean {
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 60
  );
}

type DateOrder = 'ymd' | 'dmy' | 'mdy';

function calendarReader(order: DateOrder, separator: number, allowT: boolean) {
  return (b: Uint8Array, start: number, end: number): boolean => {
    const e = trimEnd(b, start, end);
    const s = trimStart(b, start, e);
    // Fast path for the fixed-width shape most exports use: YYYY-MM-DD HH:MM:SS...
    if (
      order === 'ymd' &&
      e - s >= 19 &&
      b[s + 4] === separator &&
      b[s + 7] === separator &&
      b[s + 13] === COLON &&
      b[s + 16] === COLON
    ) {
      const t = b[s + 10];
      const y1 = twoDigits(b, s);
      const y2 = twoDigits(b, s + 2);
      const mo = twoDigits(b, s + 5);
      const d = twoDigits(b, s + 8);
      const h = twoDigits(b, s + 11);
      const mi = twoDigits(b, s + 14);
      const se = twoDigits(b, s + 17);
      if ((t === SPACE || (allowT && t === 84)) && (y1 | y2 | mo | d | h | mi | se) >= 0) {
        resetTime();
        year = y1 * 100 + y2;
        month = mo;
        day = d;
        hour = h;
        minute = mi;
        second = se;
        shapeTime = 2;
        shapeT = t === 84;
        p = s + 19;
        return readFractionAndZone(b, e) && validFields();
      }
    }
    p = s;
    let first: number, second_: number, third: number;
    if (order === 'ymd') {
      first = digits(b, e, 4, 4);
      if (first < 0 || !literal(b, e, separator)) return false;
      second_ = digits(b, e, 1, 2);
      if (second_ < 0 || !literal(b, e, separator)) return false;
      third = digits(b, e, 1, 2);
      if (third < 0) return false;
      year = first;
      month = second_;
      day = third;
    } else {
      first = digits(b, e, 1, 2);
      if (first < 0 || !literal(b, e, separator)) return false;
      second_ = digits(b, e, 1, 2);
      if (second_ < 0 || !literal(b, e, separator)) return false;
      third = digits(b, e, 4, 4);
      if (third < 0) return false;
      year = third;
      if (order === 'dmy') {
        day = first;
        month = second_;
      } else {
        month = first;
        day = second_;
      }
    }
    return readTimeTail(b, e, allowT) && validFields();
  };
}

/** Plausible epochs only (1973 to 2100), so that ordinary numbers are not taken for times. */
const EPOCH_S_MIN = 1e8;
const EPOCH_S_MAX = 4.1e9;

function epochReader(unitMs: number, minDigits: number, maxDigits: number) {
  return (b: Uint8Array, start: number, end: number): boolean => {
    const e = trimEnd(b, start, end);
    p = trimStart(b, start, e);
    const from = p;
    let v = 0;
    while (p < e) {
      const d = b[p] - 48;
      if (d < 0 || d > 9) break;
      v = v * 10 + d;
      p++;
    }
    const count = p - from;
    if (count < minDigits || count > maxDigits) return false;
    let fraction = 0;
    if (p < e && b[p] === DOT) {
      p++;
      let scale = 0.1;
      const fractionStart = p;
      while (p < e) {
        const d = b[p] - 48;
        if (d < 0 || d > 9) break;
        fraction += d * scale;
        scale /= 10;
        p++;
      }
      if (p === fractionStart) return false;
    }
    if (p !== e) return false;
    const seconds = unitMs === 1000 ? v : v / 1000;
    if (seconds < EPOCH_S_MIN || seconds > EPOCH_S_MAX) return false;
    epochValue = unitMs === 1000 ? Math.round((v + fraction) * 1000) : v + Math.round(fraction);
    hasOffset = true;
    isEpoch = true;
    return true;
  };
}

/** In order of preference when two formats read the same share of values. */
export const TIMESTAMP_FORMATS: readonly TimestampFormat[] = [
  { id: 'iso8601', datePattern: 'YYYY-MM-DD', kind: 'calendar', read: calendarReader('ymd', DASH, true) },
  { id: 'ymd-slash', datePattern: 'YYYY/MM/DD', kind: 'calendar', read: calendarReader('ymd', SLASH, true) },
  { id: 'dmy-dot', datePattern: 'DD.MM.YYYY', kind: 'calendar', read: calendarReader('dmy', DOT, false) },
  { id: 'dmy-slash', datePattern: 'DD/MM/YYYY', kind: 'calendar', read: calendarReader('dmy', SLASH, false) },
  { id: 'mdy-slash', datePattern: 'MM/DD/YYYY', kind: 'calendar', read: calendarReader('mdy', SLASH, false) },
  { id: 'dmy-dash', datePattern: 'DD-MM-YYYY', kind: 'calendar', read: calendarReader('dmy', DASH, false) },
  { id: 'epoch-ms', datePattern: 'epoch milliseconds', kind: 'epoch-ms', read: epochReader(1, 11, 13) },
  { id: 'epoch-s', datePattern: 'epoch seconds', kind: 'epoch-s', read: epochReader(1000, 9, 10) },
];

export function timestampFormatById(id: string): TimestampFormat | undefined {
  return TIMESTAMP_FORMATS.find((f) => f.id === id);
}

/** Whether the last successful read carried its own offset (or was an epoch). */
export function lastReadHasOffset(): boolean {
  return hasOffset;
}

/**
 * Epoch ms of the last successful read; `resolveWallClock` places naive values in a zone.
 */
export function lastReadEpoch(resolveWallClock: (wallMs: number) => number): number {
  if (isEpoch) return epochValue;
  // Rows in a log mostly share their date with the row before: its day count is kept. The sum is
  // wallClockMs's, written out here because the call, not inlined, boxed its result per row.
  if (day !== memoDay || month !== memoMonth || year !== memoYear) {
    memoDays = daysFromCivil(year, month, day);
    memoYear = year;
    memoMonth = month;
    memoDay = day;
  }
  const wall = memoDays * MS_PER_DAY + hour * 3_600_000 + minute * 60_000 + second * 1000 + millis;
  return hasOffset ? wall - offsetMs : resolveWallClock(wall);
}

let memoYear = NaN,
  memoMonth = NaN,
  memoDay = NaN,
  memoDays = 0;

/** The first two fields of the last calendar read, for the day/month decision. */
export function lastReadDayMonth(): { day: number; month: number } {
  return { day, month };
}

/** What the user sees for the last read's shape, e.g. 'DD.MM.YYYY HH:MM'. */
export function lastReadLabel(format: TimestampFormat): string {
  if (format.kind !== 'calendar') return format.datePattern;
  let label = format.datePattern;
  if (shapeTime > 0) {
    label += shapeT ? 'THH:MM' : ' HH:MM';
    if (shapeTime === 2) label += ':SS';
    if (shapeFraction > 0) label += '.' + 's'.repeat(Math.min(shapeFraction, 9));
    if (shapeAmPm) label += ' AM/PM';
  }
  if (shapeOffset === 1) label += 'Z';
  else if (shapeOffset === 2) label += '±HH:MM';
  return label;
}
