import { describe, expect, it } from 'vitest';
import { orderConflicts } from './order-conflicts.ts';
import { buildLog, type TestRow } from './log.fixture.ts';

describe('orderConflicts', () => {
  it('counts the fewest events that must move for file and time order to agree', () => {
    const log = buildLog([
      ['c1', 'A', 0],
      ['c1', 'C', 2],
      ['c1', 'B', 1],
      ['c1', 'D', 3], // lines 2-5: one swap → 1
      ['c2', 'D', 3],
      ['c2', 'C', 2],
      ['c2', 'B', 1],
      ['c2', 'A', 0], // lines 6-9: reversed → 3
      ['c3', 'A', 0],
      ['c3', 'B', 1],
      ['c4', 'A', 0],
      ['c4', 'B', 1],
      ['c4', 'C', 2],
    ]);
    const check = orderConflicts(log);
    expect(check.count).toBe(4);
    expect(check.examples.map((e) => e.caseId)).toEqual(['c1', 'c2']);
    expect(check.severity).toBe('warning');
  });

  it('accepts a file written newest first and still finds a swap inside it', () => {
    const rows: TestRow[] = [];
    for (let c = 0; c < 10; c++) for (let i = 2; i >= 0; i--) rows.push([`c${c}`, `A${i}`, c * 10 + i]);
    rows.push(['x', 'C', 2], ['x', 'A', 0], ['x', 'B', 1]); // newest first would be C, B, A
    const check = orderConflicts(buildLog(rows));
    expect(check.count).toBe(1);
    expect(check.explanation).toMatch(/newest first/u);
  });

  it('finds nothing when file order is time order', () => {
    expect(
      orderConflicts(
        buildLog([
          ['a', 'X', 0],
          ['a', 'Y', 1],
          ['b', 'X', 0],
        ]),
      ).count,
    ).toBe(0);
  });
});
