import type { NumberFormat } from '../../../../preload/api.ts';
import { InputError } from '../../errors.ts';

/**
 * Numbers as spreadsheets write them: "1234.5", "1,234.5", "23,50", "1.234,5", "1 234,5",
 * "1'234.5". A CSV says nothing about which convention it uses, so it is decided per column
 * from the sampled values, with the dialect breaking ties: a semicolon-delimited file is what
 * Excel writes where the comma is the decimal mark, so there "1.234" means 1234 and "1,5" 1.5.
 */

export const PLAIN_NUMBERS: NumberFormat = { decimal: '.', thousands: '' };

/** Conventions tried, in order of preference for files delimited by anything but a semicolon. */
const POINT_FIRST: NumberFormat[] = [
  PLAIN_NUMBERS,
  { decimal: '.', thousands: ',' },
  { decimal: ',', thousands: '' },
  { decimal: ',', thousands: '.' },
  { decimal: ',', thousands: ' ' },
  { decimal: '.', thousands: "'" },
];
/** Semicolon files: the decimal comma first. */
const COMMA_FIRST: NumberFormat[] = [
  { decimal: ',', thousands: '' },
  { decimal: ',', thousands: '.' },
  { decimal: ',', thousands: ' ' },
  PLAIN_NUMBERS,
  { decimal: '.', thousands: ',' },
  { decimal: '.', thousands: "'" },
];

const DECIMALS = new Set<string>(['.', ',']);
const THOUSANDS = new Set<string>(['', ',', '.', ' ', "'"]);

export function isPlain(format: NumberFormat): boolean {
  return format.decimal === '.' && format.thousands === '';
}

const patterns = new Map<string, RegExp>();

/** Sign, integer part (optionally grouped by threes), fraction and, with a decimal point, exponent. */
function patternOf(format: NumberFormat): RegExp {
  const key = format.decimal + format.thousands;
  let re = patterns.get(key);
  if (!re) {
    const d = format.decimal === '.' ? '\\.' : ',';
    const t =
      format.thousands === ''
        ? ''
        : format.thousands === ' '
          ? '[ \\u00a0\\u202f]'
          : format.thousands === '.'
            ? '\\.'
            : format.thousands;
    const integer = t ? `(\\d{1,3}(?:${t}\\d{3})+|\\d+)` : '(\\d+)';
    const exponent = format.decimal === '.' ? '([eE][+-]?\\d+)?' : '()';
    re = new RegExp(`^([+-]?)(?:${integer}(?:${d}(\\d*))?|${d}(\\d+))${exponent}$`);
    patterns.set(key, re);
  }
  return re;
}

/** The number `text` spells in `format`, or NaN. Surrounding spaces are ignored. */
export function parseNumberText(text: string, format: NumberFormat): number {
  const m = patternOf(format).exec(text.trim());
  if (!m) return NaN;
  const [, sign, grouped, fraction, bareFraction, exponent] = m;
  const integer = grouped === undefined ? '0' : format.thousands === '' ? grouped : grouped.replace(/\D/g, '');
  const digits = bareFraction ?? fraction ?? '';
  // A plain decimal string: Number rounds it correctly, as it does any text a tool wrote.
  return Number(`${sign}${integer}${digits ? `.${digits}` : ''}${exponent ?? ''}`);
}

/**
 * False when `text` holds a character no convention's number can hold (see `patternOf`): then
 * `parseNumberText` is NaN in every format. Whitespace around the value is trimmed there.
 */
function mayBeNumber(text: string): boolean {
  const t = text.trim();
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    // + - . , e E ' space, no-break space, narrow no-break space
    if (c === 43 || c === 45 || c === 46 || c === 44 || c === 101 || c === 69 || c === 39 || c === 32) continue;
    if (c === 0xa0 || c === 0x202f) continue;
    return false;
  }
  return true;
}

/** Leading zeros ("007", "0815") mark identifiers, not amounts: such columns stay text. */
function looksLikeIdentifier(text: string): boolean {
  return /^[+-]?0\d/.test(text.trim());
}

export interface NumberFormatGuess {
  format: NumberFormat;
  /** Share of the non-empty values the format reads, 0..1. */
  readShare: number;
  /** A value the format reads differently from the next convention that also reads every value. */
  ambiguousExample?: { text: string; other: NumberFormat };
  /** A value that shows the convention (holds its decimal mark or separator), for the note. */
  example?: string;
}

/**
 * The convention that reads every sampled value (the first in the dialect's order of
 * preference), or the one that reads the most. `values` are non-empty texts.
 */
export function detectNumberFormat(values: readonly string[], delimiter: string): NumberFormatGuess {
  const order = delimiter === ';' ? COMMA_FIRST : POINT_FIRST;
  if (values.length === 0) return { format: order[0], readShare: 0 };
  let best = order[0];
  let bestRead = -1;
  // Text columns (ids, names) hold no value any convention reads: one scan of each value's
  // characters settles that, instead of six regular expressions per value.
  const candidates = values.filter(mayBeNumber);
  /** The numbers `best` reads, when it reads every value (for the ambiguity check below). */
  let bestNumbers: Float64Array | null = null;
  for (const format of order) {
    let read = 0;
    const numbers = new Float64Array(candidates.length);
    for (let i = 0; i < candidates.length; i++) {
      const x = (numbers[i] = parseNumberText(candidates[i], format));
      if (x === x) read++;
    }
    if (read > bestRead) {
      best = format;
      bestRead = read;
    }
    if (read === values.length) {
      bestNumbers = numbers; // every value is a candidate then, in the same order
      break;
    }
  }
  const guess: NumberFormatGuess = { format: best, readShare: bestRead / values.length };
  // The example shows the whole convention when some value does (a thousands separator too).
  const example = values.find((v) => usesSeparators(v, best) === 2) ?? values.find((v) => usesSeparators(v, best) > 0);
  if (example !== undefined) guess.example = example.trim();
  if (bestNumbers !== null) {
    for (const other of order.slice(order.indexOf(best) + 1)) {
      const numbers = new Float64Array(values.length);
      let readsAll = true;
      for (let i = 0; i < values.length && readsAll; i++) {
        const x = (numbers[i] = parseNumberText(values[i], other));
        readsAll = x === x;
      }
      if (!readsAll) continue;
      const differs = numbers.findIndex((x, i) => x !== bestNumbers[i]);
      if (differs >= 0) guess.ambiguousExample = { text: values[differs].trim(), other };
      break;
    }
  }
  return guess;
}

/**
 * Whether every value reads as a number and none looks like an identifier. Digits grouped by
 * spaces alone ("612 345 678") are as often phone or account numbers as amounts, so they count
 * as numbers only when some value also has the decimal mark ("1 234,50"); a user who types the
 * column as number still gets them read.
 */
export function isNumberColumn(values: readonly string[], guess: NumberFormatGuess): boolean {
  if (values.length === 0 || guess.readShare < 1 || values.some(looksLikeIdentifier)) return false;
  return guess.format.thousands !== ' ' || values.some((v) => v.includes(guess.format.decimal));
}

/** How many of the format's two marks the text holds. */
function usesSeparators(text: string, format: NumberFormat): number {
  const thousands =
    format.thousands !== '' &&
    (format.thousands === ' ' ? /[ \u00a0\u202f]/.test(text.trim()) : text.includes(format.thousands));
  return (text.includes(format.decimal) ? 1 : 0) + (thousands ? 1 : 0);
}

/** "a decimal comma and "." between thousands", for notes. */
export function describeNumberFormat(format: NumberFormat): string {
  const mark = format.decimal === ',' ? 'a decimal comma' : 'a decimal point';
  if (format.thousands === '') return mark;
  const separator = format.thousands === ' ' ? 'spaces' : `"${format.thousands}"`;
  return `${mark} and ${separator} between thousands`;
}

/**
 * The sentence that explains a column's convention, or null when its values show none (plain
 * whole numbers read the same in every convention).
 */
export function numberFormatNote(column: string, guess: NumberFormatGuess, delimiter: string): string | null {
  if (guess.example === undefined) return null;
  const value = parseNumberText(guess.example, guess.format);
  let note = `Numbers in "${column}" are read with ${describeNumberFormat(guess.format)} ("${guess.example}" is ${value})`;
  if (guess.ambiguousExample) {
    const { text, other } = guess.ambiguousExample;
    const why =
      delimiter === ';'
        ? 'as files delimited by semicolons usually write them'
        : 'as files delimited by commas usually write them';
    note += `, ${why}; "${text}" could also be ${parseNumberText(text, other)} (${describeNumberFormat(other)}): choose the column's number format if so.`;
  } else note += isPlain(guess.format) ? '.' : ', the only convention that reads every sampled value.';
  return note;
}

/** A number format that arrived in a mapping, checked: the two marks must be known and differ. */
export function checkNumberFormat(value: unknown, column: string, file: string): NumberFormat {
  const f = value as Partial<NumberFormat> | null;
  if (
    typeof f !== 'object' ||
    f === null ||
    !DECIMALS.has(f.decimal as string) ||
    !THOUSANDS.has(f.thousands as string) ||
    f.decimal === f.thousands
  ) {
    throw new InputError(`The number format of column "${column}" is not one Gemba reads.`, {
      file,
      hint: 'Give the decimal mark as "." or "," and the thousands separator as "", ",", ".", " " or "\'", different from the decimal mark.',
    });
  }
  return { decimal: f.decimal as NumberFormat['decimal'], thousands: f.thousands as NumberFormat['thousands'] };
}
