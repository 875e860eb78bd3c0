import { describe, expect, it } from 'vitest';
import { EventLogBuilder } from '../../main/engine/eventlog/event-log-builder.ts';
import { digestDifferences, logDigest } from './log-digest.ts';

function tinyLog() {
  const b = new EventLogBuilder();
  const amount = b.eventAttribute('amount', 'number');
  b.addEvent('c1', 'A', 1000, 'r1', 2);
  b.setEventAttribute(amount, 1.25, 'number');
  b.addEvent('c2', 'B', 5000, null, 3);
  b.addEvent('c1', 'B', 3000, 'r2', 4);
  b.setEventAttribute(amount, 2.5, 'number');
  return b.finish();
}

describe('logDigest', () => {
  it('counts and sums a three-event log as worked out by hand', () => {
    const d = logDigest(tinyLog());
    expect(d.events).toBe(3);
    expect(d.cases).toBe(2);
    expect(d.activities).toBe(2);
    expect(d.resources).toBe(2);
    // 1 s + 3 s + 5 s.
    expect(d.timestampSecondsSum).toBe(9);
    // Sorted by case then time: c1 A (code 0), c1 B (1), c2 B (1); weights 1, 2, 3.
    expect(d.activityCodeSum).toBe(0 * 1 + 1 * 2 + 1 * 3);
    expect(d.numericSums).toEqual({ amount: 3.75 });
    expect(d.eventAttributes).toEqual(['amount:number']);
  });

  it('names the fields on which two digests differ', () => {
    const a = logDigest(tinyLog());
    expect(digestDifferences(a, { ...a })).toEqual([]);
    expect(digestDifferences(a, { ...a, cases: 3, numericSums: { amount: 3.5 } })).toEqual(['cases', 'numericSums']);
  });
});
