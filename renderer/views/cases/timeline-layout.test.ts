import { describe, expect, it } from 'vitest';
import { layoutTimeline, offsetFromWallClock } from './timeline-layout.ts';

const at = (hours: number) => new Date(Date.UTC(2011, 0, 3) + hours * 3_600_000).toISOString();

describe('layoutTimeline', () => {
  // Completed at 0 h and 1 h; the third worked from 3 h to 4 h. Span 4 h on 400 px: 100 px per hour.
  const events = [
    { activity: 'register request', timestamp: at(0), startTimestamp: null },
    { activity: 'check ticket', timestamp: at(1), startTimestamp: null },
    { activity: 'register request', timestamp: at(4), startTimestamp: at(3) },
  ];

  it('puts events on activity lanes at their times, with bars for start-to-completion', () => {
    const layout = layoutTimeline(events, 400);
    expect(layout.lanes).toEqual(['register request', 'check ticket']);
    expect(layout.marks).toEqual([
      { event: 0, lane: 0, x: 0, width: 0, instant: true },
      { event: 1, lane: 1, x: 100, width: 0, instant: true },
      { event: 2, lane: 0, x: 300, width: 100, instant: false },
    ]);
  });

  it('marks idle stretches longer than a fifth of the span', () => {
    // Idle from 1 h (last completion) to 3 h (next start): 2 h = half the span; 0 h → 1 h is a quarter.
    const layout = layoutTimeline(events, 400);
    expect(layout.gaps).toEqual([
      { x1: 100, x2: 300, seconds: 7200 },
      { x1: 0, x2: 100, seconds: 3600 },
    ]);
  });

  it('ticks every hour over four hours, on local whole hours', () => {
    expect(layoutTimeline(events, 400).ticks.map((t) => t.x)).toEqual([0, 100, 200, 300, 400]);
    // At +05:30 whole local hours fall on UTC half hours: 0:30, 1:30, 2:30, 3:30.
    const india = layoutTimeline(events, 400, 5.5 * 3_600_000).ticks.map((t) => t.x);
    expect(india).toEqual([50, 150, 250, 350]);
  });

  it('uses days for a case of weeks', () => {
    const long = [
      { activity: 'a', timestamp: at(0), startTimestamp: null },
      { activity: 'b', timestamp: at(24 * 20), startTimestamp: null },
    ];
    // 20 days: 1 d and 2 d steps give more than 6 ticks; 7 d gives 0, 7, 14 days.
    const layout = layoutTimeline(long, 200);
    expect(layout.ticks.map((t) => t.x)).toEqual([0, 70, 140]);
    expect(layout.gaps).toEqual([{ x1: 0, x2: 200, seconds: 20 * 86400 }]);
  });

  it('centres a case whose events share one instant and survives an empty case', () => {
    const same = layoutTimeline(
      [
        { activity: 'a', timestamp: at(1), startTimestamp: null },
        { activity: 'b', timestamp: at(1), startTimestamp: null },
      ],
      300,
    );
    expect(same.marks.map((m) => m.x)).toEqual([150, 150]);
    expect(same.ticks).toEqual([]);
    expect(layoutTimeline([], 300).marks).toEqual([]);
  });

  it('treats a start after the completion as no start', () => {
    const odd = layoutTimeline(
      [
        { activity: 'a', timestamp: at(1), startTimestamp: at(2) },
        { activity: 'b', timestamp: at(3), startTimestamp: null },
      ],
      200,
    );
    expect(odd.marks[0]).toEqual({ event: 0, lane: 0, x: 0, width: 0, instant: true });
  });
});

describe('offsetFromWallClock', () => {
  it('reads the zone offset from the wall clock shown for an instant', () => {
    expect(offsetFromWallClock(Date.UTC(2010, 11, 30, 13, 32), '2010-12-30 14:32:00')).toBe(3_600_000);
    expect(offsetFromWallClock(Date.UTC(2011, 6, 1, 2, 0, 0, 500), '2011-06-30 22:00:00.500')).toBe(-4 * 3_600_000);
  });
});
