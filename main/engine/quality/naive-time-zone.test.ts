import { describe, expect, it } from 'vitest';
import type { QualityFix } from '../../../preload/api.ts';
import { naiveTimeZone } from './naive-time-zone.ts';

const zoneFix = (fromZone: string, toZone: string): QualityFix => ({
  kind: 'set_timezone',
  description: 'zone',
  params: { fromZone, toZone },
});
const drop: QualityFix = { kind: 'drop_duplicates', description: 'drop', params: {} };

describe('naiveTimeZone', () => {
  it('is the import zone until a time-zone fix is in force', () => {
    expect(naiveTimeZone('UTC', [])).toBe('UTC');
    expect(naiveTimeZone('UTC', [drop])).toBe('UTC');
    expect(naiveTimeZone(null, [])).toBeNull();
    expect(naiveTimeZone(undefined, [drop])).toBeNull();
  });

  it('is the target of the last time-zone fix in force, whatever came after it', () => {
    expect(naiveTimeZone('UTC', [zoneFix('UTC', 'Europe/Berlin')])).toBe('Europe/Berlin');
    expect(
      naiveTimeZone('UTC', [zoneFix('UTC', 'Europe/Berlin'), drop, zoneFix('Europe/Berlin', 'Europe/London'), drop]),
    ).toBe('Europe/London');
    expect(naiveTimeZone(null, [zoneFix('+02:00', 'UTC')])).toBe('UTC');
  });
});
