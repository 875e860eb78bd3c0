import { describe, expect, it } from 'vitest';
import { duplicateEventMask, duplicateEvents } from './duplicate-events.ts';
import { applyFixes } from './fixes.ts';
import { buildLog } from './log.fixture.ts';

describe('duplicateEvents', () => {
  const log = buildLog([
    ['c1', 'A', 0, 'r1'], // line 2
    ['c1', 'A', 0, 'r1'], // line 3: repeat of line 2
    ['c1', 'A', 0, 'r2'], // other resource
    ['c1', 'B', 0, 'r1'], // other activity
    ['c1', 'A', 1, 'r1'], // other time
    ['c2', 'A', 0, 'r1'], // other case
    ['c3', 'X', 5, 'r1'], // line 8
    ['c3', 'X', 5, 'r1'], // line 9: repeat
    ['c3', 'X', 5, 'r1'], // line 10: repeat
    ['c3', 'Y', 5, 'r1'],
    ['c3', 'X', 5, null],
    ['c3', 'X', 5, null], // line 13: repeat (no resource on both)
  ]);

  it('counts repeats of case, activity, timestamp and resource', () => {
    const check = duplicateEvents(log);
    expect(check.count).toBe(4);
    expect(check.examples.map((e) => e.line)).toEqual([3, 9, 10, 13]);
    expect(check.fix?.kind).toBe('drop_duplicates');
    expect(check.severity).toBe('error'); // 4 of 12 events is beyond 5%
  });

  it('keeps the first copy in file order', () => {
    const mask = duplicateEventMask(log);
    const dropped = [...mask].flatMap((m, i) => (m ? [log.sourceRow[i]] : []));
    expect(dropped.sort((a, b) => a - b)).toEqual([3, 9, 10, 13]);
  });

  it('drops them with the fix and then finds none', () => {
    const fixed = applyFixes(log, [duplicateEvents(log).fix!]);
    expect(fixed.eventCount).toBe(8);
    expect(duplicateEvents(fixed).count).toBe(0);
    expect(Array.from(fixed.sourceRow)).toEqual([2, 4, 5, 6, 7, 8, 11, 12]);
  });
});

describe('duplicateEvents with attributes', () => {
  it('does not call two events with different attribute values a repeat', () => {
    const log = buildLog([
      ['c1', 'review', 0, 'wil', { result: 'accept' }],
      ['c1', 'review', 0, 'wil', { result: 'reject' }], // same day, another result: two events
      ['c1', 'review', 0, 'wil', { result: 'accept' }], // repeats line 2
      ['c1', 'review', 0, 'wil', { result: 'reject' }], // repeats line 3
      ['c2', 'review', 0, 'wil', { result: 'accept', score: 1 }],
      ['c2', 'review', 0, 'wil', { result: 'accept' }], // score missing here: differs
    ]);
    expect(duplicateEvents(log).examples.map((e) => e.line)).toEqual([4, 5]);
  });
});
