import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.ts';
import { instantOfIsoText, numberOfText, textsInRange } from './text-range.ts';

describe('numberOfText', () => {
  it('reads plain decimal numbers only', () => {
    expect(numberOfText('120')).toBe(120);
    expect(numberOfText(' -7.5 ')).toBe(-7.5);
    expect(numberOfText('.5')).toBe(0.5);
    expect(numberOfText('1e3')).toBe(1000);
    for (const text of ['', '  ', 'n/a', '0x10', '1,5', 'Infinity', '12 EUR']) expect(numberOfText(text)).toBeNaN();
  });
});

describe('instantOfIsoText', () => {
  it('reads ISO dates, naive ones as UTC', () => {
    expect(instantOfIsoText('2024-03-01')).toBe(Date.UTC(2024, 2, 1));
    expect(instantOfIsoText('2024-03-01 10:30')).toBe(Date.UTC(2024, 2, 1, 10, 30));
    expect(instantOfIsoText('2024-03-01T10:30:00+02:00')).toBe(Date.UTC(2024, 2, 1, 8, 30));
    expect(instantOfIsoText('2024-03-01T10:30:00Z')).toBe(Date.UTC(2024, 2, 1, 10, 30));
    for (const text of ['01.03.2024', '2024', 'soon', '']) expect(instantOfIsoText(text)).toBeNaN();
  });
});

describe('textsInRange', () => {
  it('compares numbers when the bounds are numbers', () => {
    const texts = ['5', '120', 'n/a', '99.5', '', '200', '1e3'];
    expect(Array.from(textsInRange(texts, 10, 200, 'amount'))).toEqual([0, 1, 0, 1, 0, 1, 0]);
    expect(Array.from(textsInRange(texts, '100', undefined, 'amount'))).toEqual([0, 1, 0, 0, 0, 1, 1]);
  });

  it('compares dates when the bounds are ISO dates', () => {
    const texts = ['2024-02-28', '2024-03-05 12:00', 'unknown', '2024-04-01', '42'];
    expect(Array.from(textsInRange(texts, '2024-03-01', '2024-03-31', 'due'))).toEqual([0, 1, 0, 0, 0]);
    expect(Array.from(textsInRange(texts, undefined, '2024-03-05T12:00:00Z', 'due'))).toEqual([1, 1, 0, 0, 0]);
  });

  it('refuses a bound that is neither, or bounds of two kinds', () => {
    expect(() => textsInRange(['1'], 'lots', undefined, 'amount')).toThrow(InputError);
    expect(() => textsInRange(['1'], 5, '2024-03-01', 'amount')).toThrow(/"5" is not a date/u);
  });
});
