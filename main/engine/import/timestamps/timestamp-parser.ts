import { TIMESTAMP_FORMATS, lastReadEpoch, timestampFormatById, type TimestampFormat } from './timestamp-formats.ts';
import { machineTimeZone, wallClockResolver } from './time-zone.ts';

/** Reads one timestamp from bytes (ASCII) between start and end; NaN when it does not match. */
export type TimestampBytesParser = (bytes: Uint8Array, start: number, end: number) => number;

/** Reads one timestamp from text; NaN when it does not match. */
export type TimestampTextParser = (text: string) => number;

const PATTERN_ALIASES: Record<string, string> = {
  iso: 'iso8601',
  'iso-8601': 'iso8601',
  'yyyy-mm-dd': 'iso8601',
  'yyyy/mm/dd': 'ymd-slash',
  'dd.mm.yyyy': 'dmy-dot',
  'dd/mm/yyyy': 'dmy-slash',
  'mm/dd/yyyy': 'mdy-slash',
  'dd-mm-yyyy': 'dmy-dash',
  epoch: 'epoch-s',
  'epoch-seconds': 'epoch-s',
  unix: 'epoch-s',
  'epoch-milliseconds': 'epoch-ms',
  'unix-ms': 'epoch-ms',
};

/**
 * The format id for what a user typed: an id ('dmy-dot'), or a pattern as shown in labels
 * ('DD.MM.YYYY HH:MM'); null when unknown.
 */
export function resolveTimestampFormatId(text: string): string | null {
  const t = text.trim().toLowerCase();
  if (timestampFormatById(t)) return t;
  const datePart = t.split(/[\sT]/)[0];
  return PATTERN_ALIASES[t] ?? PATTERN_ALIASES[datePart] ?? null;
}

export function knownTimestampFormats(): { id: string; pattern: string }[] {
  return TIMESTAMP_FORMATS.map((f) => ({ id: f.id, pattern: f.datePattern }));
}

function formatOrThrow(formatId: string): TimestampFormat {
  const id = resolveTimestampFormatId(formatId);
  const format = id ? timestampFormatById(id) : undefined;
  if (!format) {
    const known = TIMESTAMP_FORMATS.map((f) => `${f.id} (${f.datePattern})`).join(', ');
    throw new RangeError(`Unknown timestamp format "${formatId}". Known formats: ${known}.`);
  }
  return format;
}

/**
 * A parser from bytes for one format. Naive values are placed in `timeZone` (IANA name or
 * fixed offset; default the machine's zone); values with an offset or Z ignore it.
 * Throws RangeError for an unknown format or zone.
 */
export function timestampBytesParser(formatId: string, timeZone: string = machineTimeZone()): TimestampBytesParser {
  const format = formatOrThrow(formatId);
  const resolve = wallClockResolver(timeZone);
  const read = format.read;
  return (bytes, start, end) => (read(bytes, start, end) ? lastReadEpoch(resolve) : NaN);
}

/** The same as `timestampBytesParser`, for text (e.g. XES string attributes). */
export function timestampParser(formatId: string, timeZone: string = machineTimeZone()): TimestampTextParser {
  const parseBytes = timestampBytesParser(formatId, timeZone);
  let scratch = new Uint8Array(64);
  return (text) => {
    const n = text.length;
    if (n > scratch.length) scratch = new Uint8Array(n * 2);
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      // Timestamps are ASCII; anything else cannot match, and 0 never matches a reader.
      scratch[i] = c < 128 ? c : 0;
    }
    return parseBytes(scratch, 0, n);
  };
}
