import { describe, expect, it } from 'vitest';
import { coarseTimestamps } from './coarse-timestamps.ts';
import { buildLog, type TestRow } from './test-log.ts';

const DAY = 24 * 60;

describe('coarseTimestamps', () => {
  it('recognises a log of dates without times', () => {
    const rows: TestRow[] = [];
    for (let i = 0; i < 10; i++) rows.push([`c${i % 3}`, `A${i}`, i * DAY]);
    const check = coarseTimestamps(buildLog(rows));
    expect(check).toMatchObject({ count: 10, severity: 'warning', unit: 'events at midnight' });
  });

  it('recognises whole-minute precision', () => {
    const rows: TestRow[] = [];
    for (let i = 0; i < 10; i++) rows.push(['c', `A${i}`, 61 * (i + 1)]);
    const check = coarseTimestamps(buildLog(rows));
    expect(check).toMatchObject({ count: 10, severity: 'info', unit: 'events on the whole minute' });
  });

  it('finds a few date-only values among precise timestamps', () => {
    const rows: TestRow[] = [];
    for (let i = 0; i < 97; i++) rows.push(['c', 'A', 61 * (i + 1) + 0.5 + i / 1000]); // sub-second
    for (let i = 1; i <= 3; i++) rows.push(['d', 'B', i * DAY]);
    const check = coarseTimestamps(buildLog(rows));
    expect(check).toMatchObject({ count: 3, severity: 'warning' });
    expect(check.examples).toHaveLength(3);
  });

  it('takes local midnight in the import time zone', () => {
    // 23:00 UTC is midnight in a zone one hour east of UTC (Berlin in winter).
    const rows: TestRow[] = [];
    for (let i = 0; i < 10; i++) rows.push(['c', `A${i}`, i * DAY - 60]);
    const log = buildLog(rows);
    expect(coarseTimestamps(log, { timezone: 'UTC' }).unit).toBe('events on the whole minute');
    expect(coarseTimestamps(log, { timezone: '+01:00' }).count).toBe(10);
    expect(coarseTimestamps(log, { timezone: 'Europe/Berlin' })).toMatchObject({ count: 10, unit: 'events at midnight' });
  });
});
