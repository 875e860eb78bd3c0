import { describe, expect, it } from 'vitest';
import { COMMON_TIME_ZONES, timeZoneOptions } from './time-zones.ts';

describe('timeZoneOptions', () => {
  it("puts the machine's zone first, keeps a chosen rare zone, and lists each zone once", () => {
    const options = timeZoneOptions('Europe/Berlin', 'America/Bogota');
    expect(options.slice(0, 3)).toEqual(['Europe/Berlin', 'America/Bogota', 'UTC']);
    expect(options.filter((z) => z === 'Europe/Berlin')).toHaveLength(1);
    expect(options).toHaveLength(COMMON_TIME_ZONES.length + 2);
    expect(timeZoneOptions(null, undefined)[0]).toBe('UTC');
  });
  it('offers only zones this runtime knows', () => {
    for (const zone of COMMON_TIME_ZONES)
      expect(() => new Intl.DateTimeFormat('en-US', { timeZone: zone })).not.toThrow();
  });
});
