import { describe, expect, it } from 'vitest';
import { excludeTimestamps, mergeLabels } from '../quality/fixes.ts';
import { filterOptions } from './filter-options.ts';
import { logFromTraces } from './logs.fixture.ts';

// Case c2 is the only one with activity "Late", resource "cy", channel "fax" and region "south";
// its events are at minutes 100 and 101, after every other event (minutes 0..2).
const log = logFromTraces(
  {
    c1: [
      { activity: 'Receive', at: 0, resource: 'ann', attributes: { channel: 'web' } },
      { activity: 'Ship', at: 2, resource: 'bob', attributes: { channel: 'web' } },
    ],
    c2: [
      { activity: 'Receive', at: 100, resource: 'cy', attributes: { channel: 'fax' } },
      { activity: 'Late', at: 101, resource: 'cy' },
    ],
    c3: [
      { activity: 'receive', at: 1, resource: 'ann' },
      { activity: 'Ship', at: 2, attributes: { channel: 'mail' } },
    ],
  },
  { c1: { region: 'north', size: 3 }, c2: { region: 'south', size: 1 }, c3: { region: 'north' } },
);

describe('filterOptions', () => {
  it('lists every value of the log as imported, sorted', () => {
    const options = filterOptions(log);
    expect(options.activities).toEqual(['Late', 'Receive', 'Ship', 'receive']);
    expect(options.timeRange).toEqual(['2024-01-01T00:00:00.000Z', '2024-01-01T01:41:00.000Z']);
    expect(options.eventAttributes).toEqual([
      { name: 'resource', type: 'string', values: ['ann', 'bob', 'cy'] },
      { name: 'channel', type: 'string', values: ['fax', 'mail', 'web'] },
    ]);
    expect(options.caseAttributes).toEqual([
      { name: 'region', type: 'string', values: ['north', 'south'] },
      { name: 'size', type: 'number', values: [] },
    ]);
  });

  it('offers only values that still occur after a fix drops or renames events', () => {
    // Dropping everything after minute 10 removes case c2; merging "receive" renames c3's first event.
    const fixed = mergeLabels(excludeTimestamps(log, null, '2024-01-01T00:10:00Z'), { receive: 'Receive' });
    expect(fixed.caseIds).toEqual(['c1', 'c3']);
    const options = filterOptions(fixed);
    expect(options.activities).toEqual(['Receive', 'Ship']);
    expect(options.timeRange).toEqual(['2024-01-01T00:00:00.000Z', '2024-01-01T00:02:00.000Z']);
    expect(options.eventAttributes).toEqual([
      { name: 'resource', type: 'string', values: ['ann', 'bob'] },
      { name: 'channel', type: 'string', values: ['mail', 'web'] },
    ]);
    expect(options.caseAttributes[0]).toEqual({ name: 'region', type: 'string', values: ['north'] });
  });
});
