import { describe, expect, it } from 'vitest';
import { EventLogBuilder } from './event-log-builder.ts';
import { pairLifecycleTransitions } from './pair-lifecycle.ts';

const MIN = 60_000;

function log(events: [string, string, string, number][]) {
  const b = new EventLogBuilder();
  const lifecycle = b.eventAttribute('lifecycle:transition', 'string');
  events.forEach(([c, a, t, minute], k) => {
    b.addEvent(c, a, minute * MIN, null, k + 1);
    b.setEventAttribute(lifecycle, t, 'string');
  });
  return b.finish();
}

describe('pairLifecycleTransitions', () => {
  it('merges each start into the next completion of the same activity, first in first out', () => {
    // Case x: A starts at 0 and 1 (two instances), completes at 5 and 7; B start 2 .. complete 3.
    const result = pairLifecycleTransitions(
      log([
        ['x', 'A', 'start', 0],
        ['x', 'A', 'start', 1],
        ['x', 'B', 'start', 2],
        ['x', 'B', 'complete', 3],
        ['x', 'A', 'complete', 5],
        ['x', 'A', 'complete', 7],
        ['y', 'A', 'complete', 4],
      ]),
    )!;
    expect(result.paired).toBe(3);
    expect(result.unmatchedStarts).toBe(0);
    const l = result.log;
    expect(l.eventCount).toBe(4);
    expect(Array.from(l.activity, (a) => l.activities[a])).toEqual(['B', 'A', 'A', 'A']);
    expect(Array.from(l.timestamp, (t) => t / MIN)).toEqual([3, 5, 7, 4]);
    expect(Array.from(l.startTimestamp!, (t) => t / MIN)).toEqual([2, 0, 1, NaN]);
    expect(Array.from(l.sourceRow)).toEqual([4, 5, 6, 7]); // the completions' rows
  });

  it('never pairs across cases and keeps unmatched starts and other transitions', () => {
    const result = pairLifecycleTransitions(
      log([
        ['x', 'A', 'start', 0],
        ['y', 'A', 'complete', 1],
        ['y', 'A', 'schedule', 2],
      ]),
    )!;
    expect(result.paired).toBe(0);
    expect(result.unmatchedStarts).toBe(1);
    expect(result.log.eventCount).toBe(3);
  });

  it('leaves a log without start transitions alone', () => {
    expect(pairLifecycleTransitions(log([['x', 'A', 'complete', 0]]))).toBeNull();
    const b = new EventLogBuilder();
    b.addEvent('x', 'A', 0, null, 1);
    expect(pairLifecycleTransitions(b.finish())).toBeNull();
  });
});

describe('pairLifecycleTransitions with start times already known', () => {
  it('a completion that has a start time takes no start event (it belongs to another instance)', () => {
    // x: the completion at 2 has its start (0) from a start column; the start event at 1 stays.
    const b = new EventLogBuilder();
    const lifecycle = b.eventAttribute('lifecycle:transition', 'string');
    b.addEvent('x', 'A', 1 * MIN, null, 2);
    b.setEventAttribute(lifecycle, 'start', 'string');
    b.addEvent('x', 'A', 2 * MIN, null, 3, 0);
    b.setEventAttribute(lifecycle, 'complete', 'string');
    const result = pairLifecycleTransitions(b.finish())!;
    expect(result.paired).toBe(0);
    expect(result.unmatchedStarts).toBe(1);
    expect(result.log.eventCount).toBe(2);
    expect(Array.from(result.log.startTimestamp!)).toEqual([NaN, 0]);
  });
});
