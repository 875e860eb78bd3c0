import { describe, expect, it } from 'vitest';
import { unparseableTimestamps } from './unparseable-timestamps.ts';

describe('unparseableTimestamps', () => {
  const rejectedRows = [
    { line: 5, reason: 'Timestamp "yesterday" could not be read' },
    { line: 9, reason: 'missing activity' },
    { line: 12, reason: 'unparseable date "TBD"' },
    { line: 13, reason: 'empty timestamp' }, // missing, not unparseable: counted under missing values
  ];

  it('counts rejected rows whose timestamp could not be read, with their lines', () => {
    const check = unparseableTimestamps({ rejectedRows, eventCount: 100 });
    expect(check.count).toBe(2);
    expect(check.examples.map((e) => e.line)).toEqual([5, 12]);
    expect(check.severity).toBe('error'); // 2 of 104 rows is more than 1%
  });

  it('scales the sample share to the exact rejected count', () => {
    const check = unparseableTimestamps({ rejectedRows, rejectedCount: 40, eventCount: 10_000 });
    expect(check.count).toBe(20); // 2 of 4 sampled reasons × 40 rejected rows
    expect(check.severity).toBe('warning'); // 20 of 10,040 rows
    expect(check.explanation).toMatch(/^About/u);
  });

  it('is not applicable without the rejected rows', () => {
    expect(unparseableTimestamps(null).applicable).toBe(false);
  });
});
