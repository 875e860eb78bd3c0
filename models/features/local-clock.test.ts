import { describe, expect, it } from 'vitest';
import { InputError } from '../../main/engine/errors.ts';
import { localClock } from './local-clock.ts';
import { hourOf, weekdayOf } from './process-statistics.ts';

describe('localClock', () => {
  const berlin = localClock('Europe/Berlin');
  const at = (iso: string) => Date.parse(iso);

  it('reads wall-clock hours in winter (UTC+1) and summer (UTC+2)', () => {
    expect(hourOf(berlin(at('2024-01-15T10:30:00Z')))).toBe(11);
    expect(hourOf(berlin(at('2024-07-15T10:30:00Z')))).toBe(12);
  });

  it('follows the switch to summer time (2024-03-31, 01:00 UTC: 02:00 becomes 03:00)', () => {
    expect(hourOf(berlin(at('2024-03-31T00:59:00Z')))).toBe(1);
    expect(hourOf(berlin(at('2024-03-31T01:00:00Z')))).toBe(3);
  });

  it('moves the weekday across midnight', () => {
    // Sunday 2024-01-07 23:30 UTC is Monday 00:30 in Berlin, Sunday 18:30 in New York.
    const t = at('2024-01-07T23:30:00Z');
    expect(weekdayOf(t)).toBe(0);
    expect(weekdayOf(berlin(t))).toBe(1);
    expect(hourOf(localClock('America/New_York')(t))).toBe(18);
  });

  it('leaves UTC as is and refuses an unknown zone', () => {
    expect(localClock(null)(12345)).toBe(12345);
    expect(() => localClock('Mars/Olympus_Mons')).toThrow(InputError);
  });
});
