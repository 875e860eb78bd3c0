import { parseXesDate, type NaiveTimeReader } from './xes-date.ts';

/**
 * Some XES exporters (e.g. PM4Py from a CSV) write `time:timestamp` as a `<string>`, such as
 * `2019/11/03 01:11:19.000`. Its format must be inferred from the values, like a CSV column.
 * This file is the one place the XES parser asks for that inference.
 */
export interface StringTimestampFormat {
  /** What the user sees, e.g. 'YYYY/MM/DD HH:MM:SS.sss'. */
  label: string;
  /** True when values carry an offset; false means the time zone applies. */
  hasOffset: boolean;
  /** Share of the samples this format reads, 0..1. */
  parsedShare: number;
  /** Epoch ms, or NaN when the text does not match the format. */
  parse(text: string): number;
}

interface Candidate {
  label: string;
  parse(text: string, naive: NaiveTimeReader): number;
}

const YMD_SLASH = /^\s*(\d{4})\/(\d{1,2})\/(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*$/;
const DMY_DOT = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*$/;

function fromParts(y: number, mo: number, d: number, m: RegExpExecArray, from: number, naive: NaiveTimeReader): number {
  const h = m[from] ? Number(m[from]) : 0;
  const mi = m[from + 1] ? Number(m[from + 1]) : 0;
  const s = m[from + 2] ? Number(m[from + 2]) : 0;
  const ms = m[from + 3] ? Math.floor(Number(`0.${m[from + 3]}`) * 1000 + 1e-9) : 0;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return NaN;
  const t = naive(y, mo, d, h, mi, s, ms);
  // Reject 31 April and the like: the fields must survive the round trip.
  const check = new Date(Date.UTC(2000, mo - 1, d));
  return check.getUTCDate() === d ? t : NaN;
}

const CANDIDATES: Candidate[] = [
  { label: 'ISO 8601 (YYYY-MM-DD HH:MM:SS)', parse: (t, naive) => parseXesDate(t, naive) },
  {
    label: 'YYYY/MM/DD HH:MM:SS.sss',
    parse: (t, naive) => {
      const m = YMD_SLASH.exec(t);
      return m ? fromParts(Number(m[1]), Number(m[2]), Number(m[3]), m, 4, naive) : NaN;
    },
  },
  {
    label: 'DD.MM.YYYY HH:MM',
    parse: (t, naive) => {
      const m = DMY_DOT.exec(t);
      return m ? fromParts(Number(m[3]), Number(m[2]), Number(m[1]), m, 4, naive) : NaN;
    },
  },
];

const HAS_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})\s*$/;

/**
 * The format that reads the most samples, or null when none reads any. `naive` places values
 * without an offset in the chosen time zone.
 */
export function inferStringTimestampFormat(samples: readonly string[], naive: NaiveTimeReader): StringTimestampFormat | null {
  const values = samples.filter((s) => s.trim() !== '');
  if (values.length === 0) return null;
  let best: Candidate | null = null;
  let bestCount = 0;
  for (const candidate of CANDIDATES) {
    let count = 0;
    for (const v of values) if (!Number.isNaN(candidate.parse(v, naive))) count++;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  if (!best) return null;
  const chosen = best;
  return {
    label: chosen.label,
    hasOffset: values.every((v) => HAS_OFFSET.test(v)),
    parsedShare: bestCount / values.length,
    parse: (text) => chosen.parse(text, naive),
  };
}
