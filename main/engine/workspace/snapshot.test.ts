import { describe, expect, it } from 'vitest';
import { EventLogBuilder } from '../eventlog/event-log-builder.ts';
import { eventLogFromArrow, eventLogToArrow } from './snapshot.ts';
import { tableFromIPC } from 'apache-arrow';

function sampleLog() {
  const b = new EventLogBuilder();
  const amount = b.eventAttribute('amount', 'number');
  const note = b.eventAttribute('note', 'string');
  const channel = b.caseAttribute('channel', 'string');
  b.addEvent('c2', 'Register', 2000, 'Ann', 2);
  b.setEventAttribute(amount, 12.5, 'number');
  b.addEvent('c1', 'Register', 1000, null, 3, 500);
  b.setEventAttribute(note, '<script>alert(1)</script>', 'string');
  b.addEvent('c1', 'Approve', 3000, 'Bob', 4);
  b.addEvent('c2', 'Approve', 1500, 'Bob', 5);
  b.setCaseAttribute(b.caseIndex('c1'), channel, 'web', 'string');
  return b.finish();
}

describe('Arrow snapshot', () => {
  it('round-trips every column, including missing values', () => {
    const log = sampleLog();
    const back = eventLogFromArrow(eventLogToArrow(log));
    expect(back.caseIds).toEqual(['c2', 'c1']);
    expect(Array.from(back.caseStart)).toEqual([0, 2, 4]);
    // c2's events sorted by time: Approve (1500) before Register (2000).
    expect(Array.from(back.activity, (a) => back.activities[a])).toEqual([
      'Approve',
      'Register',
      'Register',
      'Approve',
    ]);
    expect(Array.from(back.timestamp)).toEqual([1500, 2000, 1000, 3000]);
    expect(Array.from(back.resource, (r) => (r < 0 ? null : back.resources[r]))).toEqual(['Bob', 'Ann', null, 'Bob']);
    expect(Array.from(back.sourceRow)).toEqual([5, 2, 3, 4]);
    expect(Array.from(back.startTimestamp!)).toEqual([NaN, NaN, 500, NaN]);
    const amount = back.eventAttributes.find((c) => c.name === 'amount')!;
    expect(amount.type).toBe('number');
    expect(Array.from(amount.type === 'number' ? amount.values : [])).toEqual([NaN, 12.5, NaN, NaN]);
    const note = back.eventAttributes.find((c) => c.name === 'note')!;
    expect(note.type === 'string' && Array.from(note.codes, (c) => (c < 0 ? null : note.dictionary[c]))).toEqual([
      null,
      null,
      '<script>alert(1)</script>',
      null,
    ]);
    const channel = back.caseAttributes[0];
    expect(
      channel.type === 'string' && Array.from(channel.codes, (c) => (c < 0 ? null : channel.dictionary[c])),
    ).toEqual([null, 'web']);
  });

  it('writes files other Arrow readers understand (nulls as nulls)', () => {
    const { events } = eventLogToArrow(sampleLog());
    const table = tableFromIPC(events);
    expect(table.getChild('resource')!.toArray()).toEqual(['Bob', 'Ann', null, 'Bob']);
    expect(table.getChild('activity')!.get(0)).toBe('Approve');
  });

  it('round-trips an empty log', () => {
    const back = eventLogFromArrow(eventLogToArrow(new EventLogBuilder().finish()));
    expect(back.eventCount).toBe(0);
    expect(back.caseCount).toBe(0);
    expect(Array.from(back.caseStart)).toEqual([0]);
  });
});
