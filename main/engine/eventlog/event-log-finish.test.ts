import { describe, expect, it } from 'vitest';
import { EventLogBuilder } from './event-log-builder.ts';
import { GrowableFloat64, GrowableInt32 } from './growable.ts';

// finish() hands over the builder's own arrays when the file was already in case-and-time order,
// and gathers otherwise. Both must give exact-length columns with the values worked out here.

const T0 = Date.UTC(2021, 0, 1);
const MIN = 60_000;

function build(rows: [caseId: string, activity: string, minute: number][], reserve = 0) {
  const b = new EventLogBuilder();
  if (reserve) b.reserve(reserve);
  const cost = b.eventAttribute('cost', 'number');
  const note = b.eventAttribute('note', 'string');
  const channel = b.caseAttribute('channel', 'string');
  rows.forEach(([c, a, m], k) => {
    const known = b.caseCount;
    const index = b.caseIndex(c);
    if (index === known) b.setCaseAttribute(index, channel, `ch-${c}`, 'string');
    b.addEvent(c, a, T0 + m * MIN, null, k + 2);
    b.setEventAttribute(cost, k * 10, 'number');
    if (k % 2 === 0) b.setEventAttribute(note, `n${k}`, 'string');
  });
  return b.finish();
}

function rowsOf(log: ReturnType<typeof build>) {
  const cost = log.eventAttributes.find((c) => c.name === 'cost')!;
  const note = log.eventAttributes.find((c) => c.name === 'note')!;
  if (cost.type !== 'number' || note.type !== 'string') throw new Error('column types');
  return Array.from({ length: log.eventCount }, (_, i) => [
    log.activities[log.activity[i]],
    (log.timestamp[i] - T0) / MIN,
    log.sourceRow[i],
    cost.values[i],
    note.codes[i] < 0 ? null : note.dictionary[note.codes[i]],
  ]);
}

describe('EventLogBuilder.finish', () => {
  it('a file already in case-and-time order: the columns as added, each exactly one per event', () => {
    const log = build(
      [
        ['A', 'a', 1],
        ['A', 'b', 2],
        ['B', 'a', 3],
        ['B', 'c', 4],
        ['B', 'd', 5],
      ],
      5,
    );
    expect(log.caseIds).toEqual(['A', 'B']);
    expect([...log.caseStart]).toEqual([0, 2, 5]);
    for (const column of [log.activity, log.timestamp, log.resource, log.sourceRow]) expect(column.length).toBe(5);
    expect(rowsOf(log)).toEqual([
      ['a', 1, 2, 0, 'n0'],
      ['b', 2, 3, 10, null],
      ['a', 3, 4, 20, 'n2'],
      ['c', 4, 5, 30, null],
      ['d', 5, 6, 40, 'n4'],
    ]);
    const channel = log.caseAttributes[0];
    expect(channel.type === 'string' && Array.from(channel.codes, (c) => channel.dictionary[c])).toEqual([
      'ch-A',
      'ch-B',
    ]);
  });

  it('a large log in order: the builder’s arrays themselves, every value in place', () => {
    // 60,000 events fill the builder's first 65,536-row arrays closely enough to be handed over.
    const rows: [string, string, number][] = [];
    for (let k = 0; k < 60_000; k++) rows.push([`C${Math.floor(k / 6)}`, k % 6 === 0 ? 'start' : 'step', k]);
    const log = build(rows);
    expect(log.caseCount).toBe(10_000);
    expect(log.activity.length).toBe(60_000);
    expect(log.timestamp.length).toBe(60_000);
    let rowSum = 0;
    let minutes = 0;
    for (let i = 0; i < log.eventCount; i++) {
      rowSum += log.sourceRow[i];
      minutes += (log.timestamp[i] - T0) / MIN;
    }
    expect(rowSum).toBe((60_000 * 59_999) / 2 + 2 * 60_000);
    expect(minutes).toBe((60_000 * 59_999) / 2);
    expect(rowsOf(log)[59_999]).toEqual(['step', 59_999, 60_001, 599_990, null]);
  });

  it('cases interleaved and times out of order: gathered by case, then time', () => {
    const log = build([
      ['A', 'a', 5],
      ['B', 'a', 1],
      ['A', 'b', 2],
      ['B', 'b', 3],
      ['A', 'c', 9],
    ]);
    expect(log.caseIds).toEqual(['A', 'B']);
    expect(rowsOf(log)).toEqual([
      ['b', 2, 4, 20, 'n2'],
      ['a', 5, 2, 0, 'n0'],
      ['c', 9, 6, 40, 'n4'],
      ['a', 1, 3, 10, null],
      ['b', 3, 5, 30, null],
    ]);
  });
});

describe('EventLogBuilder.finish: cases without events, ties', () => {
  function withEmptyCase(emptyFirst: boolean) {
    const b = new EventLogBuilder();
    const channel = b.caseAttribute('channel', 'string');
    const add = (id: string, minute: number) => {
      const c = b.caseIndex(id);
      b.setCaseAttribute(c, channel, `ch-${id}`, 'string');
      if (minute >= 0) b.addEvent(id, 'a', T0 + minute * MIN, null, minute + 2);
    };
    // A case created without events (as an empty XES trace is) is left out of the log.
    if (emptyFirst) add('E', -1);
    add('A', 1);
    add('A', 2);
    add('B', 3);
    if (!emptyFirst) add('E', -1);
    const log = b.finish();
    const column = log.caseAttributes[0];
    if (column.type !== 'string') throw new Error('channel is text');
    return { log, channels: Array.from(column.codes, (c) => column.dictionary[c]) };
  }

  it('a case without events, last or first, is left out with its attributes', () => {
    for (const emptyFirst of [false, true]) {
      const { log, channels } = withEmptyCase(emptyFirst);
      expect(log.caseIds).toEqual(['A', 'B']);
      expect(log.caseCount).toBe(2);
      expect([...log.caseStart]).toEqual([0, 2, 3]);
      expect(channels).toEqual(['ch-A', 'ch-B']);
    }
  });

  it('equal times keep file order; a time going back inside a case is sorted', () => {
    const ties = build([
      ['A', 'a', 1],
      ['A', 'b', 1],
      ['B', 'c', 2],
    ]);
    expect(rowsOf(ties).map((r) => r[0])).toEqual(['a', 'b', 'c']);
    const back = build([
      ['A', 'a', 1],
      ['B', 'b', 5],
      ['B', 'c', 4],
    ]);
    expect(rowsOf(back).map((r) => [r[0], r[2]])).toEqual([
      ['a', 2],
      ['c', 4],
      ['b', 3],
    ]);
  });
});

describe('growable spend', () => {
  it('hands over its own array when little room is left, else an exact copy', () => {
    const tight = new GrowableInt32(10);
    for (let i = 0; i < 9; i++) tight.push(i * 3);
    const own = tight.spend();
    expect([...own]).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24]);
    expect(own.buffer.byteLength).toBe(40); // the builder's array of 10, viewed
    const roomy = new GrowableFloat64(64);
    roomy.push(1.5);
    roomy.push(2.5);
    const copy = roomy.spend(4, NaN);
    expect([...copy]).toEqual([1.5, 2.5, NaN, NaN]);
    expect(copy.buffer.byteLength).toBe(32);
  });
});
