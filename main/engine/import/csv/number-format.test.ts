import { describe, expect, it } from 'vitest';
import {
  checkNumberFormat,
  detectNumberFormat,
  isNumberColumn,
  numberFormatNote,
  parseNumberText,
} from './number-format.ts';
import { readNumber } from './value-readers.ts';

const COMMA = { decimal: ',', thousands: '' } as const;
const COMMA_DOT = { decimal: ',', thousands: '.' } as const;
const POINT_COMMA = { decimal: '.', thousands: ',' } as const;
const PLAIN = { decimal: '.', thousands: '' } as const;

describe('parseNumberText (values worked out by hand)', () => {
  it('reads each convention and nothing else', () => {
    expect(parseNumberText('23,50', COMMA)).toBe(23.5);
    expect(parseNumberText('-0,05', COMMA)).toBe(-0.05);
    expect(parseNumberText(',5', COMMA)).toBe(0.5);
    expect(parseNumberText('1.234,5', COMMA_DOT)).toBe(1234.5);
    expect(parseNumberText('12.345.678', COMMA_DOT)).toBe(12345678);
    expect(parseNumberText('1 234,5', { decimal: ',', thousands: ' ' })).toBe(1234.5);
    expect(parseNumberText('1\u00a0234,5', { decimal: ',', thousands: ' ' })).toBe(1234.5);
    expect(parseNumberText("1'234.25", { decimal: '.', thousands: "'" })).toBe(1234.25);
    expect(parseNumberText('1,234.5', POINT_COMMA)).toBe(1234.5);
    expect(parseNumberText(' 1e3 ', PLAIN)).toBe(1000);
    // Groups must be three digits after the first one to three.
    expect(parseNumberText('1.23,5', COMMA_DOT)).toBeNaN();
    expect(parseNumberText('1234.567,5', COMMA_DOT)).toBeNaN();
    expect(parseNumberText('1,5', PLAIN)).toBeNaN();
    expect(parseNumberText('1.5', COMMA)).toBeNaN();
    expect(parseNumberText('1e3', COMMA)).toBeNaN();
    expect(parseNumberText('n/a', COMMA)).toBeNaN();
    expect(parseNumberText('', PLAIN)).toBeNaN();
    expect(parseNumberText('12 €', COMMA)).toBeNaN();
  });

  it('the byte reader with a decimal comma agrees with the text reader', () => {
    for (const text of ['23,50', '-7', '0,125', '123456789012345678,5', '1.5', 'x']) {
      const bytes = Buffer.from(text);
      expect(readNumber(bytes, 0, bytes.length, 44)).toStrictEqual(parseNumberText(text, COMMA));
    }
  });
});

describe('detectNumberFormat', () => {
  it('a semicolon file: decimal comma, thousands dots, and the dialect deciding "1.234"', () => {
    expect(detectNumberFormat(['23,50', '7', '0,5'], ';').format).toEqual(COMMA);
    expect(detectNumberFormat(['1.234,5', '23,50'], ';').format).toEqual(COMMA_DOT);
    const ambiguous = detectNumberFormat(['1.234', '2.500'], ';');
    expect(ambiguous.format).toEqual(COMMA_DOT);
    expect(ambiguous.ambiguousExample).toEqual({ text: '1.234', other: PLAIN });
    // "0.5" cannot be a thousands group, so the dots are decimal points after all.
    expect(detectNumberFormat(['1.234', '0.5'], ';').format).toEqual(PLAIN);
  });

  it('a comma file: decimal point first, decimal comma when nothing else reads', () => {
    expect(detectNumberFormat(['1.234', '2.5'], ',').format).toEqual(PLAIN);
    expect(detectNumberFormat(['1,234', '12,345.5'], ',').format).toEqual(POINT_COMMA);
    expect(detectNumberFormat(['23,50', '1,5'], ',').format).toEqual(COMMA);
  });

  it('reports the share read, and identifiers with leading zeros are not numbers', () => {
    const mixed = detectNumberFormat(['23,50', 'n/a', '1,5', '2'], ';');
    expect(mixed.format).toEqual(COMMA);
    expect(mixed.readShare).toBe(0.75);
    expect(isNumberColumn(['23,50', 'n/a'], detectNumberFormat(['23,50', 'n/a'], ';'))).toBe(false);
    expect(isNumberColumn(['007', '12'], detectNumberFormat(['007', '12'], ','))).toBe(false);
    // Space-grouped digits without any decimal comma may be phone numbers: text unless typed number.
    expect(
      isNumberColumn(['612 345 678', '600 111 222'], detectNumberFormat(['612 345 678', '600 111 222'], ';')),
    ).toBe(false);
    expect(isNumberColumn(['1 234,50', '12'], detectNumberFormat(['1 234,50', '12'], ';'))).toBe(true);
    expect(detectNumberFormat(['612 345 678'], ';').format).toEqual({ decimal: ',', thousands: ' ' });
  });

  it('text values count against the share; every mark a convention allows still reads', () => {
    // Values with letters are read by no convention and skipped early: they must still count
    // in the share, and the spaces, quotes and exponents numbers may hold must not be skipped.
    const spaced = detectNumberFormat(['1\u00a0234,50', '1\u202f000,5', 'n/a', '12,5'], ';');
    expect(spaced.format).toEqual({ decimal: ',', thousands: ' ' });
    expect(spaced.readShare).toBe(0.75);
    const quoted = detectNumberFormat(["1'234.5", 'none', "12'345'678.25", 'C17'], ',');
    expect(quoted.format).toEqual({ decimal: '.', thousands: "'" });
    expect(quoted.readShare).toBe(0.5);
    const exponents = detectNumberFormat(['1e3', '-2E-2', '+.5', 'e', 'x1'], ',');
    expect(exponents.format).toEqual(PLAIN);
    expect(exponents.readShare).toBe(0.6);
    expect(detectNumberFormat(['C0000001', 'Receive Order'], ',')).toEqual({ format: PLAIN, readShare: 0 });
  });

  it('names the value that another convention reads differently', () => {
    // "1,234" is 1234 with thousands commas and 1.234 with a decimal comma; "2" reads alike.
    const guess = detectNumberFormat(['2', '1,234'], ',');
    expect(guess.format).toEqual(POINT_COMMA);
    expect(guess.ambiguousExample).toEqual({ text: '1,234', other: COMMA });
  });

  it('explains the choice only when the values show a convention', () => {
    expect(numberFormatNote('n', detectNumberFormat(['1', '2'], ';'), ';')).toBeNull();
    expect(numberFormatNote('Betrag', detectNumberFormat(['23,50', '1.234,5'], ';'), ';')).toBe(
      'Numbers in "Betrag" are read with a decimal comma and "." between thousands ("1.234,5" is 1234.5), the only convention that reads every sampled value.',
    );
    expect(numberFormatNote('Betrag', detectNumberFormat(['1.234'], ';'), ';')).toBe(
      'Numbers in "Betrag" are read with a decimal comma and "." between thousands ("1.234" is 1234), as files delimited by semicolons usually write them; "1.234" could also be 1.234 (a decimal point): choose the column\'s number format if so.',
    );
  });

  it('refuses a number format that is not one', () => {
    expect(() => checkNumberFormat({ decimal: ',', thousands: ',' }, 'x', 'f.csv')).toThrow(
      /number format of column "x"/,
    );
    expect(() => checkNumberFormat({ decimal: ';' }, 'x', 'f.csv')).toThrow();
    expect(checkNumberFormat({ decimal: ',', thousands: '.' }, 'x', 'f.csv')).toEqual(COMMA_DOT);
  });
});
