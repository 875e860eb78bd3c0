import { describe, expect, it } from 'vitest';
import { coarseTimestamps } from './coarse-timestamps.ts';
import { buildLog, type TestRow } from './log.fixture.ts';

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
    // Read in UTC they all sit at 23:00: still dates, recognised by the single time of day.
    expect(coarseTimestamps(log, { timezone: 'UTC' }).explanation).toMatch(/same time of day \(23:00 UTC\)/u);
    expect(coarseTimestamps(log, { timezone: '+01:00' })).toMatchObject({
      count: 10,
      explanation: expect.stringMatching(/at midnight: the log records dates/u),
    });
    expect(coarseTimestamps(log, { timezone: 'Europe/Berlin' })).toMatchObject({
      count: 10,
      unit: 'events at midnight',
    });
  });
});

describe('coarseTimestamps on dates written in another zone', () => {
  it('recognises dates that all sit at one time of day, an hour apart across daylight saving', () => {
    // Midnight in Amsterdam is 23:00Z in winter and 22:00Z in summer.
    const rows: TestRow[] = [];
    for (let d = 0; d < 10; d++) rows.push(['c', `W${d}`, Date.UTC(2024, 0, 10 + d, 23)]);
    for (let d = 0; d < 10; d++) rows.push(['s', `S${d}`, Date.UTC(2024, 6, 10 + d, 22)]);
    const check = coarseTimestamps(buildLog(rows, { absolute: true }));
    expect(check).toMatchObject({ count: 20, severity: 'warning', unit: 'events at midnight' });
    expect(check.explanation).toMatch(/2[23]:00 UTC/u); // 10 events each: either is the top bucket
  });
});
