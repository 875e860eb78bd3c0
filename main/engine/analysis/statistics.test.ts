import { describe, expect, it } from 'vitest';
import { logStatistics } from './statistics.ts';
import { logFromTraces, runningExample } from './logs.fixture.ts';

describe('logStatistics on the running example (figures counted by hand from the CSV)', () => {
  const stats = logStatistics(runningExample());

  it('counts cases, events, activities, variants and resources', () => {
    expect(stats.cases).toBe(6);
    expect(stats.events).toBe(42);
    expect(stats.activities).toBe(8);
    expect(stats.variants).toBe(6);
    expect(stats.resources).toBe(6); // Pete, Mike, Ellen, Sara, Sean, Sue
  });

  it('finds the time range in UTC', () => {
    // 2010-12-30 11:02+01:00 .. 2011-01-24 14:56+01:00
    expect(stats.timeRange).toEqual(['2010-12-30T10:02:00.000Z', '2011-01-24T13:56:00.000Z']);
  });

  it('counts start and end activities', () => {
    expect(stats.startActivities).toEqual({ 'register request': 6 });
    expect(stats.endActivities).toEqual({ 'pay compensation': 3, 'reject request': 3 });
  });

  it('ranks activities by frequency', () => {
    expect(stats.topActivities.slice(0, 4)).toEqual([
      { activity: 'check ticket', count: 9 },
      { activity: 'decide', count: 9 },
      { activity: 'examine casually', count: 6 },
      { activity: 'register request', count: 6 },
    ]);
  });

  it('computes case durations', () => {
    // Durations in seconds, by hand: 1:703320 2:779580 3:1368780 4:520920 5:1576440 6:852300
    expect(stats.caseDurationSeconds).toEqual({ mean: 966890, median: 815940, min: 520920, max: 1576440 });
  });

  it('bins events per UTC day, zero-filled', () => {
    expect(stats.eventsBinDays).toBe(1);
    expect(stats.eventsPerDay).toHaveLength(26); // 2010-12-30 .. 2011-01-24
    expect(stats.eventsPerDay[0]).toEqual({ day: '2010-12-30', count: 7 });
    expect(stats.eventsPerDay[2]).toEqual({ day: '2011-01-01', count: 0 });
    expect(stats.eventsPerDay.reduce((n, d) => n + d.count, 0)).toBe(42);
  });
});

describe('events per day in the display time zone (issue 12, defect 5)', () => {
  it('bins events at local midnight +01:00 on their own day, not the UTC day before', () => {
    // Minutes since 2024-01-01T00:00Z: 23:00Z on 1 Jan is midnight of 2 Jan in Berlin (+01:00);
    // 22:59Z is still 1 Jan there; 2 Jan 12:00Z is 2 Jan in both.
    const log = logFromTraces({
      a: [
        { activity: 'A', at: 23 * 60 },
        { activity: 'B', at: 36 * 60 },
      ],
      b: [{ activity: 'A', at: 22 * 60 + 59 }],
    });
    expect(logStatistics(log).eventsPerDay).toEqual([
      { day: '2024-01-01', count: 2 },
      { day: '2024-01-02', count: 1 },
    ]);
    const berlin = logStatistics(log, null, 'Europe/Berlin');
    expect(berlin.eventsPerDay).toEqual([
      { day: '2024-01-01', count: 1 },
      { day: '2024-01-02', count: 2 },
    ]);
    expect(berlin.eventsTimeZone).toBe('Europe/Berlin');
    expect(logStatistics(log).eventsTimeZone).toBe('UTC');
  });
});

describe('logStatistics with a case mask', () => {
  it('counts only the kept cases', () => {
    const log = logFromTraces({ a: ['A', 'B'], b: ['A', 'C', 'B'], c: ['A', 'B'] });
    const stats = logStatistics(log, Uint8Array.from([1, 0, 1]));
    expect(stats.cases).toBe(2);
    expect(stats.events).toBe(4);
    expect(stats.activities).toBe(2);
    expect(stats.variants).toBe(1);
  });

  it('bins by week when the log spans more than ten years, and says so', () => {
    // Minutes: 0 = 2024-01-01 (a Monday); 11 years later is 2035-01-01; the week bins start on 2024-01-01.
    const elevenYears = ((Date.UTC(2035, 0, 1) - Date.UTC(2024, 0, 1)) / 60_000) | 0;
    const stats = logStatistics(
      logFromTraces({
        a: [
          { activity: 'A', at: 0 },
          { activity: 'B', at: 60 * 24 * 3 },
        ],
        b: [{ activity: 'A', at: elevenYears }],
      }),
    );
    expect(stats.eventsBinDays).toBe(7);
    expect(stats.eventsPerDay[0]).toEqual({ day: '2024-01-01', count: 2 }); // Monday and Thursday of the first week
    expect(stats.eventsPerDay[1]).toEqual({ day: '2024-01-08', count: 0 });
    expect(stats.eventsPerDay.reduce((n, d) => n + d.count, 0)).toBe(3);
  });

  it('handles an empty log', () => {
    const stats = logStatistics(logFromTraces({}));
    expect(stats).toMatchObject({ cases: 0, events: 0, timeRange: null, eventsPerDay: [], caseDurationSeconds: null });
  });
});
