import { describe, expect, it } from 'vitest';
import { zoneDay } from './zone-days.ts';

const DAY_MS = 86_400_000;
const date = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

describe('zoneDay', () => {
  it('puts local midnight +01:00 on its own day (issue 12, defect 5)', () => {
    // 2024-01-15T00:00+01:00 is 2024-01-14T23:00Z: the UTC day before, the Berlin day itself.
    const t = Date.parse('2024-01-15T00:00:00+01:00');
    expect(date(zoneDay('UTC')(t))).toBe('2024-01-14');
    expect(date(zoneDay('Europe/Berlin')(t))).toBe('2024-01-15');
    expect(date(zoneDay(null)(t))).toBe('2024-01-14');
  });

  it('follows daylight saving time and half-hour zones', () => {
    // Summer: Berlin is +02:00, so 22:30Z on 30 June is already 1 July there.
    expect(date(zoneDay('Europe/Berlin')(Date.parse('2024-06-30T22:30:00Z')))).toBe('2024-07-01');
    expect(date(zoneDay('Europe/Berlin')(Date.parse('2024-12-30T22:30:00Z')))).toBe('2024-12-30');
    // Kolkata is +05:30: 18:29Z is 23:59 the same day, 18:30Z is midnight of the next.
    expect(date(zoneDay('Asia/Kolkata')(Date.parse('2024-03-10T18:29:00Z')))).toBe('2024-03-10');
    expect(date(zoneDay('Asia/Kolkata')(Date.parse('2024-03-10T18:30:00Z')))).toBe('2024-03-11');
    // New York, the night the clocks went back (2024-11-03 02:00 EDT → 01:00 EST).
    expect(date(zoneDay('America/New_York')(Date.parse('2024-11-04T04:59:00Z')))).toBe('2024-11-03');
    expect(date(zoneDay('America/New_York')(Date.parse('2024-11-04T05:00:00Z')))).toBe('2024-11-04');
  });

  it('names an unknown zone as bad input', () => {
    expect(() => zoneDay('Mars/Olympus')).toThrow(/Unknown time zone "Mars\/Olympus"/);
  });
});
