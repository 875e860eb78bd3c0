import { describe, expect, it } from 'vitest';
import { parseXesDate } from './xes-date.ts';

describe('parseXesDate', () => {
  it('reads an offset exactly (value from the brief, worked out by hand)', () => {
    // 2010-12-30 11:02 at +01:00 is 10:02 UTC; 14973 days after 1970-01-01.
    expect(parseXesDate('2010-12-30T11:02:00.000+01:00')).toBe(1293703320000);
    expect(14973 * 86_400_000 + 10 * 3_600_000 + 2 * 60_000).toBe(1293703320000);
  });

  it('reads Z, negative offsets and offsets without a colon', () => {
    expect(parseXesDate('1970-01-01T00:00:00Z')).toBe(0);
    expect(parseXesDate('1970-01-01T00:00:00.000-05:00')).toBe(5 * 3_600_000);
    expect(parseXesDate('1970-01-01T05:30:00+0530')).toBe(0);
    expect(parseXesDate('1970-01-02 00:00:00+00:00')).toBe(86_400_000);
  });

  it('keeps milliseconds and truncates finer fractions', () => {
    expect(parseXesDate('1970-01-01T00:00:01.5Z')).toBe(1500);
    expect(parseXesDate('1970-01-01T00:00:00.123456+00:00')).toBe(123);
    expect(parseXesDate('1970-01-01T00:00:00.999Z')).toBe(999);
  });

  it('hands values without offset to the naive reader as wall-clock ms', () => {
    const seen: number[] = [];
    const value = parseXesDate('1970-01-01T01:00:00.000', (wall) => {
      seen.push(wall);
      return wall - 3_600_000; // a zone one hour ahead of UTC
    });
    expect(seen).toEqual([3_600_000]);
    expect(value).toBe(0);
    expect(parseXesDate('2000-03-01', (wall) => wall)).toBe(Date.UTC(2000, 2, 1));
  });

  it('agrees with Date.parse on offset values across years and leap days', () => {
    for (const text of [
      '2000-02-29T23:59:59.999+14:00',
      '1999-12-31T23:00:00-11:30',
      '2024-02-29T12:00:00Z',
      '1900-03-01T00:00:00Z',
    ]) {
      expect(parseXesDate(text)).toBe(Date.parse(text));
    }
  });

  it('rejects what is not a date', () => {
    for (const text of [
      '',
      'yesterday',
      '2010-13-01T00:00:00Z',
      '2010-02-30T00:00:00Z',
      '2011-02-29T00:00:00Z',
      '1900-02-29T00:00:00Z',
      '2021-04-31T00:00:00Z',
      '2010-12-30T25:00:00Z',
      '2010-12-30T11:02:00+01:00x',
      '2010/12/30 11:02:00',
      '2010-12-30T11',
    ]) {
      expect(parseXesDate(text), text).toBeNaN();
    }
  });
});
