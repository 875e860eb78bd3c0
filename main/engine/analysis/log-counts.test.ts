import { describe, expect, it } from 'vitest';
import { EventLogBuilder } from '../eventlog/event-log-builder.ts';
import { logCounts } from './log-counts.ts';
import { BASE_MS, logFromTraces, runningExample } from './logs.fixture.ts';
import { logStatistics } from './statistics.ts';

describe('logCounts', () => {
  it('counts the running example as counted by hand from the CSV', () => {
    expect(logCounts(runningExample())).toEqual({
      cases: 6,
      events: 42,
      activities: 8,
      variants: 6,
      // 2010-12-30 11:02+01:00 .. 2011-01-24 14:56+01:00
      timeRange: ['2010-12-30T10:02:00.000Z', '2011-01-24T13:56:00.000Z'],
    });
  });

  it('begins the range at the earliest start time, which may sit on a later event of a case', () => {
    const log = logFromTraces({
      a: [
        { activity: 'A', at: 10 },
        { activity: 'B', at: 20, startAt: -3 },
      ],
      b: ['A', 'A', 'C'],
    });
    // Case b: A at 0, A at 1, C at 2 minutes; case a begins at -3 (B's start, before A at 10), ends at 20.
    expect(logCounts(log)).toEqual({
      cases: 2,
      events: 5,
      activities: 3,
      variants: 2,
      timeRange: [new Date(BASE_MS - 3 * 60_000).toISOString(), new Date(BASE_MS + 20 * 60_000).toISOString()],
    });
  });

  it('agrees with logStatistics, the second way, on logs of several shapes and an empty one', () => {
    const logs = [
      runningExample(),
      logFromTraces({ x: ['A', 'B', 'A'], y: ['B'], z: ['A', 'B', 'A'], w: [{ activity: 'D', at: 3, startAt: -9 }] }),
      new EventLogBuilder().finish(),
    ];
    for (const log of logs) {
      const { cases, events, activities, variants, timeRange } = logStatistics(log);
      expect(logCounts(log)).toEqual({ cases, events, activities, variants, timeRange });
    }
  });
});
