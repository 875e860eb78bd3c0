import { describe, expect, it } from 'vitest';
import { BASE_MS, logFromTraces } from '../analysis/logs.fixture.ts';
import { replayPaths } from './replay.ts';

// Times in minutes after BASE_MS; the replay works in seconds after the earliest shown event.
const log = logFromTraces({
  c1: [
    { activity: 'A', at: 0 },
    { activity: 'B', at: 1 },
    { activity: 'C', at: 3 },
  ],
  c2: [
    { activity: 'A', at: 2 },
    { activity: 'C', at: 5 },
  ],
  c3: [{ activity: 'B', at: 4 }],
});

describe('replayPaths', () => {
  it('keeps each case’s events on the shown activities, coded in the order asked, in seconds', () => {
    const replay = replayPaths(log, null, ['C', 'A']);
    // B is not shown: c1 goes A → C, c3 has nothing left and is not replayed.
    expect(replay).toEqual({
      activities: ['C', 'A'],
      caseOffsets: [0, 2, 4],
      activity: [1, 0, 1, 0],
      time: [0, 180, 120, 300],
      startMs: BASE_MS,
      endMs: BASE_MS + 5 * 60_000,
      cases: 2,
    });
  });

  it('replays only the cases the filters keep, timed from their own first event', () => {
    const replay = replayPaths(log, Uint8Array.from([0, 1, 1]), ['A', 'B', 'C']);
    expect(replay.caseOffsets).toEqual([0, 2, 3]);
    expect(replay.activity).toEqual([0, 2, 1]);
    expect(replay.time).toEqual([0, 180, 120]);
    expect(replay.startMs).toBe(BASE_MS + 2 * 60_000);
    expect(replay.cases).toBe(2);
  });

  it('names an activity the log does not have', () => {
    expect(() => replayPaths(log, null, ['A', 'Z'])).toThrow(/"Z" is not in the current log/);
  });
});
