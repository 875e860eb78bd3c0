import { describe, expect, it } from 'vitest';
import type { WorkingCalendar } from '../../../preload/api.ts';
import { InputError } from '../errors.ts';
import { businessClock, businessSeconds, validateCalendar } from './calendar.ts';

const weekdays: WorkingCalendar = { weekdays: [1, 2, 3, 4, 5], startHour: 9, endHour: 17, holidays: [] };
const at = (iso: string) => Date.parse(iso);

describe('businessSeconds (Mon–Fri 9–17, worked by hand)', () => {
  it('counts within one day', () => {
    expect(businessSeconds(at('2024-01-01T10:00Z'), at('2024-01-01T12:30Z'), weekdays)).toBe(9000);
    expect(businessSeconds(at('2024-01-01T08:00Z'), at('2024-01-01T18:00Z'), weekdays)).toBe(8 * 3600);
    expect(businessSeconds(at('2024-01-01T17:30Z'), at('2024-01-01T23:00Z'), weekdays)).toBe(0);
  });
  it('skips the weekend', () => {
    // Friday 16:00 → Monday 10:00: one hour on Friday, one on Monday
    expect(businessSeconds(at('2024-01-05T16:00Z'), at('2024-01-08T10:00Z'), weekdays)).toBe(7200);
    expect(businessSeconds(at('2024-01-06T10:00Z'), at('2024-01-07T12:00Z'), weekdays)).toBe(0);
  });
  it('skips holidays', () => {
    expect(businessSeconds(at('2024-01-01T09:00Z'), at('2024-01-08T09:00Z'), weekdays)).toBe(5 * 8 * 3600);
    expect(
      businessSeconds(at('2024-01-01T09:00Z'), at('2024-01-08T09:00Z'), { ...weekdays, holidays: ['2024-01-01'] }),
    ).toBe(4 * 8 * 3600);
  });
  it('is 0 when the end is not after the start', () => {
    expect(businessSeconds(at('2024-01-02T12:00Z'), at('2024-01-02T10:00Z'), weekdays)).toBe(0);
  });
  it('handles fractional hours', () => {
    expect(businessSeconds(at('2024-01-02T08:00Z'), at('2024-01-02T09:00Z'), { ...weekdays, startHour: 8.5 })).toBe(
      1800,
    );
  });
  it('counts a whole year: 261 weekdays of 8 hours in 2024-01-01 .. 2024-12-30', () => {
    expect(businessSeconds(at('2024-01-01T00:00Z'), at('2024-12-31T00:00Z'), weekdays)).toBe(261 * 8 * 3600);
  });
  it('applies the time zone, winter and summer', () => {
    const berlin = { ...weekdays, timezone: 'Europe/Berlin' };
    expect(businessSeconds(at('2024-01-02T07:00Z'), at('2024-01-02T09:00Z'), berlin)).toBe(3600); // 08:00–10:00 CET
    expect(businessSeconds(at('2024-07-02T06:00Z'), at('2024-07-02T08:00Z'), berlin)).toBe(3600); // 08:00–10:00 CEST
  });
  it('agrees with counting minute by minute on random intervals', () => {
    const calendar = {
      weekdays: [1, 2, 3, 4, 6],
      startHour: 7.25,
      endHour: 15.5,
      holidays: ['2024-02-14', '2024-02-20'],
    };
    const clock = businessClock(calendar);
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let k = 0; k < 40; k++) {
      const start = at('2024-02-01T00:00Z') + Math.floor(random() * 30 * 1440) * 60_000;
      const end = start + Math.floor(random() * 12 * 1440) * 60_000;
      let minutes = 0;
      for (let t = start; t < end; t += 60_000) {
        const d = new Date(t);
        const hour = d.getUTCHours() + d.getUTCMinutes() / 60;
        const day = d.toISOString().slice(0, 10);
        if (
          calendar.weekdays.includes(d.getUTCDay()) &&
          !calendar.holidays.includes(day) &&
          hour >= calendar.startHour &&
          hour < calendar.endHour
        )
          minutes++;
      }
      expect(clock(start, end)).toBe(minutes * 60);
    }
  });
  it('rejects a bad calendar with a clear error', () => {
    expect(() => validateCalendar({ ...weekdays, startHour: 18 })).toThrow(InputError);
    expect(() => validateCalendar({ ...weekdays, weekdays: [7] })).toThrow(/0 \(Sunday\) to 6/);
    expect(() => validateCalendar({ ...weekdays, holidays: ['25.12.2024'] })).toThrow(/YYYY-MM-DD/);
    expect(() => validateCalendar({ ...weekdays, timezone: 'Mars/Olympus' })).toThrow(/time zone/);
  });
});

describe('validateCalendar normalises what the user wrote', () => {
  const noHolidays = { weekdays: [1, 2, 3, 4, 5], startHour: 9, endHour: 17 };

  it('lets holidays be left out, and the clock then counts every weekday', () => {
    expect(validateCalendar(noHolidays)).toEqual({ ...noHolidays, holidays: [] });
    // Mon 2024-01-01 09:00 → Mon 2024-01-08 09:00: five days of 8 hours.
    expect(businessClock(noHolidays as WorkingCalendar)(at('2024-01-01T09:00Z'), at('2024-01-08T09:00Z'))).toBe(
      5 * 8 * 3600,
    );
  });

  it('refuses dates that do not exist instead of rolling them over', () => {
    expect(() => validateCalendar({ ...weekdays, holidays: ['2024-02-31'] })).toThrow(/"2024-02-31" is not a date/u);
    expect(() => validateCalendar({ ...weekdays, holidays: ['2023-02-29'] })).toThrow(InputError);
    expect(() => validateCalendar({ ...weekdays, holidays: ['2024-13-01'] })).toThrow(InputError);
    expect(validateCalendar({ ...weekdays, holidays: ['2024-02-29'] }).holidays).toEqual(['2024-02-29']); // a leap day
    expect(() => validateCalendar({ ...weekdays, holidays: [20240101] })).toThrow(/20240101 is not a date/u);
    expect(() => validateCalendar({ ...weekdays, holidays: '2024-12-25' })).toThrow(/list of dates/u);
  });

  it('refuses what is not a calendar object', () => {
    for (const value of [null, 5, 'weekdays', [1, 2]])
      expect(() => validateCalendar(value, 'cal.json')).toThrow(/expected a JSON object/u);
    expect(() => validateCalendar({ ...weekdays, timezone: 5 })).toThrow(/time zone/u);
  });
});
