import { beforeEach, describe, expect, it } from 'vitest';
import type { ImportRecord } from '../../preload/api.ts';
import { MemoryStorage } from '../test-support/memory-storage.fixture.ts';
import { chosenDisplayZone, resolveDisplayZone, setDisplayZone } from './display-zone.ts';

const record = (timezone: string | null): ImportRecord => ({
  id: 1,
  fileName: 'orders.csv',
  fileSize: 1,
  sha256: 'x',
  format: 'csv',
  mapping: { case: 'case', activity: 'activity', timestamp: 'time', timezone } as ImportRecord['mapping'],
  cases: 1,
  events: 1,
  rejectedRows: 0,
  importedAt: '2026-12-04T10:00:00Z',
  user: 'me',
  appVersion: '0',
  current: true,
});

describe('display time zone', () => {
  beforeEach(() => {
    (globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
  });

  it("defaults to the log's recorded zone, else the machine's", () => {
    expect(resolveDisplayZone({ path: '/ws', current: record('Europe/Berlin') }, { timezone: 'UTC' })).toEqual({
      zone: 'Europe/Berlin',
      source: 'log',
    });
    expect(resolveDisplayZone({ path: '/ws', current: record(null) }, { timezone: 'America/Chicago' })).toEqual({
      zone: 'America/Chicago',
      source: 'machine',
    });
    expect(resolveDisplayZone(null, { timezone: 'Nowhere/Land' })).toEqual({ zone: 'UTC', source: 'machine' });
  });

  it('keeps a choice per workspace, and forgets it on request', () => {
    setDisplayZone('/ws/a', 'Asia/Kolkata');
    expect(resolveDisplayZone({ path: '/ws/a', current: record('Europe/Berlin') }, { timezone: 'UTC' })).toEqual({
      zone: 'Asia/Kolkata',
      source: 'chosen',
    });
    expect(chosenDisplayZone('/ws/b')).toBeNull();
    setDisplayZone('/ws/a', null);
    expect(resolveDisplayZone({ path: '/ws/a', current: record('Europe/Berlin') }, { timezone: 'UTC' }).source).toBe(
      'log',
    );
  });

  it('ignores a stored zone the platform does not know', () => {
    setDisplayZone('/ws/a', 'Mars/Olympus');
    expect(resolveDisplayZone({ path: '/ws/a', current: null }, { timezone: 'UTC' })).toEqual({
      zone: 'UTC',
      source: 'machine',
    });
  });
});
