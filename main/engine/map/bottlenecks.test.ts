import { describe, expect, it } from 'vitest';
import type { WorkingCalendar } from '../../../preload/api.ts';
import { directlyFollows } from '../analysis/directly-follows.ts';
import { logFromTraces } from '../analysis/logs.fixture.ts';
import { bottlenecks } from './bottlenecks.ts';
import { mapSelection } from './map-selection.ts';
import { processMap } from './process-map.ts';

// Times in minutes from Monday 2024-01-01 00:00 UTC.
// x: A 0, X 60, C 120 (X is rare); y, z, w: A 0, C 30.
const hiddenStep = logFromTraces({
  x: [
    { activity: 'A', at: 0 },
    { activity: 'X', at: 60 },
    { activity: 'C', at: 120 },
  ],
  y: [
    { activity: 'A', at: 0 },
    { activity: 'C', at: 30 },
  ],
  z: [
    { activity: 'A', at: 0 },
    { activity: 'C', at: 30 },
  ],
  w: [
    { activity: 'A', at: 0 },
    { activity: 'C', at: 30 },
  ],
});

describe('bottlenecks on the map', () => {
  it('are ranked on the filtered log with every activity, not on the simplified map (by hand)', async () => {
    // Activities 0.6 shows ceil(1.8) = 2 of 3 activities (A, C): the map's A→C merges x's
    // A→X→C (120 min) into 4 transitions, 210 min. The log itself has A→C 3 × 30 min = 5,400 s,
    // A→X 3,600 s, X→C 3,600 s; total waiting 12,600 s, so A→C is 3/7 of it.
    const map = await processMap(hiddenStep, null, { activities: 0.6, paths: 1, view: 'frequency' });
    const shownAC = map.graph.pathStats.find((p) => p.from === 'A' && p.to === 'C')!;
    expect(shownAC.count).toBe(4);
    expect(shownAC.waitingTime.totalSeconds).toBe(12600);
    const paths = map.bottlenecks.filter((b) => b.kind === 'path');
    expect(paths.map((b) => [b.from, b.to, b.count, b.totalSeconds, b.meanSeconds, b.medianSeconds])).toEqual([
      ['A', 'C', 3, 5400, 1800, 1800],
      ['A', 'X', 1, 3600, 3600, 3600],
      ['X', 'C', 1, 3600, 3600, 3600],
    ]);
    expect(paths[0].share).toBeCloseTo(3 / 7, 12);
    expect(paths[0].wallClock).toBeUndefined();
  });

  it('give the wall-clock figures beside the working-time ones when a calendar is on (by hand)', async () => {
    // Mon–Fri 9–17 UTC. p: A Mon 08:00 → B Mon 10:00: wall 2 h, working 1 h (9–10).
    // q: A Mon 16:00 → B Tue 10:00: wall 18 h, working 2 h (16–17, 9–10).
    const log = logFromTraces({
      p: [
        { activity: 'A', at: 8 * 60 },
        { activity: 'B', at: 10 * 60 },
      ],
      q: [
        { activity: 'A', at: 16 * 60 },
        { activity: 'B', at: 24 * 60 + 10 * 60 },
      ],
    });
    const calendar: WorkingCalendar = {
      weekdays: [1, 2, 3, 4, 5],
      startHour: 9,
      endHour: 17,
      holidays: [],
      timezone: 'UTC',
    };
    const map = await processMap(log, null, { activities: 1, paths: 1, view: 'frequency', calendar });
    expect(map.bottlenecks).toEqual([
      {
        kind: 'path',
        from: 'A',
        to: 'B',
        count: 2,
        meanSeconds: 5400,
        medianSeconds: 5400,
        totalSeconds: 10800,
        share: 1,
        wallClock: { meanSeconds: 36000, medianSeconds: 36000, totalSeconds: 72000, share: 1 },
      },
    ]);
    const detail = mapSelection(log, { activities: 1, calendar, element: { kind: 'path', from: 'A', to: 'B' } });
    expect(detail.durationSummary).toMatchObject({
      totalSeconds: 10800,
      medianSeconds: 5400,
      minSeconds: 3600,
      maxSeconds: 7200,
    });
    expect(detail.wallClockSummary).toMatchObject({
      totalSeconds: 72000,
      medianSeconds: 36000,
      minSeconds: 7200,
      maxSeconds: 64800,
    });
    expect(
      mapSelection(log, { activities: 1, element: { kind: 'path', from: 'A', to: 'B' } }).wallClockSummary,
    ).toBeUndefined();
  });

  it('rank activities by total service time where start times exist (by hand)', () => {
    // A served 10 + 20 min, B 5 min once and once without a start time.
    const log = logFromTraces({
      p: [
        { activity: 'A', at: 10, startAt: 0 },
        { activity: 'B', at: 30, startAt: 25 },
      ],
      q: [
        { activity: 'A', at: 20, startAt: 0 },
        { activity: 'B', at: 40 },
      ],
    });
    const ranked = bottlenecks(directlyFollows(log)).filter((b) => b.kind === 'activity');
    expect(ranked.map((b) => [b.from, b.count, b.totalSeconds, b.meanSeconds, b.medianSeconds])).toEqual([
      ['A', 2, 1800, 900, 900],
      ['B', 1, 300, 300, 300],
    ]);
    expect(ranked[0].share).toBeCloseTo(6 / 7, 12);
  });
});

describe('medians on demand', () => {
  it('a map that shows no median skips them; one that shows them has them (by hand)', async () => {
    // Projected A→C waits 120, 30, 30, 30 min: median 30 min = 1,800 s, mean 3,150 s.
    const frequency = await processMap(hiddenStep, null, { activities: 0.6, paths: 1, view: 'frequency' });
    const ac = (m: typeof frequency) => m.graph.pathStats.find((p) => p.from === 'A' && p.to === 'C')!.waitingTime;
    expect(ac(frequency).meanSeconds).toBe(3150);
    expect(ac(frequency).medianSeconds).toBeNaN();
    const median = await processMap(hiddenStep, null, {
      activities: 0.6,
      paths: 1,
      view: 'performance',
      performanceMeasure: 'median',
    });
    expect(ac(median).medianSeconds).toBe(1800);
    expect(median.svg).toContain('30 min');
    // Once computed, a graph with medians serves the frequency view too.
    expect(ac(await processMap(hiddenStep, null, { activities: 0.6, paths: 1, view: 'frequency' })).medianSeconds).toBe(
      1800,
    );
    // The full graph always has them (the bottlenecks show medians).
    expect(
      (await processMap(hiddenStep, null, { activities: 1, paths: 1, view: 'frequency' })).graph.pathStats[0]
        .waitingTime.medianSeconds,
    ).toBe(1800);
  });
});
