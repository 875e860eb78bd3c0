import { describe, expect, it } from 'vitest';
import { EventLogBuilder } from './event-log-builder.ts';
import { compactLog } from './compact-log.ts';

describe('compactLog', () => {
  const b = new EventLogBuilder();
  const region = b.caseAttribute('region', 'string');
  const cost = b.eventAttribute('cost', 'number');
  b.addEvent('c1', 'A', 10, 'r1', 2);
  b.setEventAttribute(cost, 1, 'number');
  b.addEvent('c2', 'A', 5, 'r2', 3);
  b.setEventAttribute(cost, 2, 'number');
  b.addEvent('c1', 'B', 20, 'r1', 4);
  b.setEventAttribute(cost, 3, 'number');
  b.addEvent('c3', 'C', 1, null, 5);
  b.setEventAttribute(cost, 4, 'number');
  b.setCaseAttribute(b.caseIndex('c1'), region, 'north', 'string');
  b.setCaseAttribute(b.caseIndex('c2'), region, 'south', 'string');
  b.setCaseAttribute(b.caseIndex('c3'), region, 'east', 'string');
  const log = b.finish(); // order: c1 A(2), c1 B(4), c2 A(3), c3 C(5)

  it('drops events and empty cases and gathers every column alike', () => {
    const keep = Uint8Array.from([1, 1, 0, 1]); // drop c2's only event
    const out = compactLog(log, { keep });
    expect(out.caseIds).toEqual(['c1', 'c3']);
    expect(Array.from(out.caseStart)).toEqual([0, 2, 3]);
    expect(Array.from(out.sourceRow)).toEqual([2, 4, 5]);
    const costs = out.eventAttributes[0];
    expect(costs.type === 'number' && Array.from(costs.values)).toEqual([1, 3, 4]);
    const regions = out.caseAttributes[0];
    expect(regions.type === 'string' && Array.from(regions.codes, (c) => regions.dictionary[c])).toEqual([
      'north',
      'east',
    ]);
  });

  it('re-sorts inside a case when times change', () => {
    const timestamp = Float64Array.from([30, 20, 5, 1]); // c1's A now after B
    const out = compactLog(log, { timestamp });
    expect(Array.from(out.sourceRow)).toEqual([4, 2, 3, 5]);
    expect(Array.from(out.timestamp)).toEqual([20, 30, 5, 1]);
  });
});
