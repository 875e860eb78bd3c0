import { describe, expect, it } from 'vitest';
import { isoTimeIn } from './zone-time.ts';

describe('isoTimeIn', () => {
  it('writes the wall clock of the zone with its offset, the same instant', () => {
    const t = Date.parse('2024-01-14T23:00:00.250Z');
    expect(isoTimeIn('Europe/Berlin')(t)).toBe('2024-01-15T00:00:00.250+01:00');
    expect(isoTimeIn('America/New_York')(Date.parse('2024-07-01T03:30:00Z'))).toBe('2024-06-30T23:30:00.000-04:00');
    expect(isoTimeIn('Asia/Kolkata')(Date.parse('2024-03-10T18:30:00Z'))).toBe('2024-03-11T00:00:00.000+05:30');
    expect(Date.parse(isoTimeIn('Europe/Berlin')(t))).toBe(t);
  });

  it('keeps the Z form for UTC and no zone, and refuses an unknown zone', () => {
    expect(isoTimeIn('UTC')(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(isoTimeIn(undefined)(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(() => isoTimeIn('Mars/Olympus')).toThrow(/Unknown time zone/);
  });
});
