import { inferTimestampFormat, timestampParser } from '../timestamps/index.ts';

/**
 * Some XES exporters (e.g. PM4Py from a CSV) write `time:timestamp` as a `<string>`, such as
 * `2019/11/03 01:11:19.000`. Its format is inferred from the values exactly as for a CSV
 * column (the shared timestamps module), so both imports read the same text the same way.
 */
export interface StringTimestampFormat {
  /** What the user sees, e.g. 'YYYY/MM/DD HH:MM:SS.sss'. */
  label: string;
  /** True when values carry an offset; false means the time zone applies. */
  hasOffset: boolean;
  /** Share of the samples this format reads, 0..1. */
  parsedShare: number;
  /** Why this reading was chosen when another was possible (day/month order). */
  note?: string;
  /** Epoch ms, or NaN when the text does not match the format. */
  parse(text: string): number;
}

/** The format that reads most samples, or null when none reads any. */
export function inferStringTimestampFormat(samples: readonly string[], timeZone: string): StringTimestampFormat | null {
  const guess = inferTimestampFormat(samples);
  if (guess === null) return null;
  return {
    label: guess.label,
    hasOffset: guess.hasOffset,
    parsedShare: guess.parsedShare,
    ...(guess.note ? { note: guess.note } : {}),
    parse: timestampParser(guess.id, timeZone),
  };
}
