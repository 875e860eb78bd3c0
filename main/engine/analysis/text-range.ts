import { InputError } from '../errors.ts';

/**
 * A min/max range over a text column. A column that should be numbers or dates is widened to
 * text by one bad value ("n/a" among amounts); a range then still means the numbers (or dates)
 * the texts spell, and texts that spell none are outside it.
 */

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const HAS_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/;

/** The number a text spells in plain decimal notation, else NaN ("", "0x10", "1,5" are not numbers). */
export function numberOfText(text: string): number {
  const t = text.trim();
  return NUMBER.test(t) ? Number(t) : NaN;
}

/**
 * The instant an ISO 8601 date text names, else NaN. A text without offset is read as UTC, the
 * same for the values and the bounds, so comparisons are between wall-clock times and do not
 * depend on the machine's zone.
 */
export function instantOfIsoText(text: string): number {
  const t = text.trim();
  if (!ISO_DATE.test(t)) return NaN;
  const date = t.length === 10 || HAS_OFFSET.test(t.slice(10)) ? t : `${t}Z`;
  return Date.parse(date.replace(' ', 'T'));
}

/** Per dictionary code, 1 when the text lies in [min, max] read as numbers, or as dates when the bounds are dates. */
export function textsInRange(
  dictionary: readonly string[],
  min: number | string | undefined,
  max: number | string | undefined,
  columnName: string,
): Uint8Array {
  const textBounds = [min, max].filter((b): b is string => typeof b === 'string');
  const byDate =
    textBounds.length > 0 &&
    textBounds.every((b) => Number.isNaN(numberOfText(b)) && !Number.isNaN(instantOfIsoText(b)));
  const read = byDate ? instantOfIsoText : numberOfText;
  const bound = (b: number | string | undefined, open: number): number => {
    if (b === undefined) return open;
    const v = typeof b === 'number' ? (byDate ? NaN : b) : read(b);
    if (Number.isNaN(v)) {
      throw new InputError(
        `Filter on "${columnName}": the range bound "${b}" is not a ${byDate ? 'date' : 'number'}.`,
        {
          hint: 'Give both bounds as numbers, or both as ISO dates such as 2024-03-01.',
        },
      );
    }
    return v;
  };
  const lo = bound(min, -Infinity);
  const hi = bound(max, Infinity);
  const table = new Uint8Array(dictionary.length);
  for (let code = 0; code < dictionary.length; code++) {
    const v = read(dictionary[code]);
    table[code] = v >= lo && v <= hi ? 1 : 0;
  }
  return table;
}
