import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.ts';
import { checkPeriod, dayLabel, periodGrid, periodStartDay } from './periods.ts';

const start = (period: 'day' | 'week' | 'month', iso: string, zone?: string) =>
  dayLabel(periodStartDay(period, zone)(Date.parse(iso)));

describe('periods', () => {
  it('ISO weeks start on Monday 00:00: Sunday 23:59:59 is still the week before', () => {
    expect(start('week', '2024-01-07T23:59:59Z')).toBe('2024-01-01');
    expect(start('week', '2024-01-08T00:00:00Z')).toBe('2024-01-08');
    // 1 January 2021 was a Friday: its ISO week began on Monday 28 December 2020.
    expect(start('week', '2021-01-01T12:00:00Z')).toBe('2020-12-28');
  });

  it('cuts periods in the given time zone', () => {
    // 23:30 UTC on Sunday is 00:30 on Monday in Berlin (UTC+1 in winter).
    expect(start('week', '2024-01-07T23:30:00Z', 'Europe/Berlin')).toBe('2024-01-08');
    expect(start('day', '2024-01-07T23:30:00Z', 'Europe/Berlin')).toBe('2024-01-08');
    // 29 February 23:00 UTC is 1 March 08:00 in Tokyo.
    expect(start('month', '2024-02-29T23:00:00Z')).toBe('2024-02-01');
    expect(start('month', '2024-02-29T23:00:00Z', 'Asia/Tokyo')).toBe('2024-03-01');
    expect(start('month', '2023-12-31T23:00:00Z', '+02:00')).toBe('2024-01-01');
  });

  it('builds a gap-free grid and places each instant in it', () => {
    const at = Float64Array.from(
      ['2024-03-05T00:00:00Z', '2024-01-31T00:00:00Z', '2024-03-31T23:59:59Z'].map((s) => Date.parse(s)),
    );
    const grid = periodGrid(at, 'month');
    expect(grid.labels).toEqual(['2024-01-01', '2024-02-01', '2024-03-01']);
    expect(Array.from(grid.periodOf)).toEqual([2, 0, 2]);
    const weeks = periodGrid(
      Float64Array.from([Date.parse('2024-01-22T10:00:00Z'), Date.parse('2024-01-01T10:00:00Z')]),
      'week',
    );
    expect(weeks.labels).toEqual(['2024-01-01', '2024-01-08', '2024-01-15', '2024-01-22']);
    expect(Array.from(weeks.periodOf)).toEqual([3, 0]);
  });

  it('refuses an unknown period', () => {
    expect(() => checkPeriod('year')).toThrow(InputError);
    expect(checkPeriod('month')).toBe('month');
  });
});
