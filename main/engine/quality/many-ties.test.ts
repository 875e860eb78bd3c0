import { describe, expect, it } from 'vitest';
import { manyTies } from './many-ties.ts';
import { buildLog } from './log.fixture.ts';

describe('manyTies', () => {
  const log = buildLog([
    ['c1', 'A', 0],
    ['c1', 'B', 0],
    ['c1', 'C', 0],
    ['c1', 'D', 5], // 2 ties; 3 of 4 events tied
    ['c2', 'A', 0],
    ['c2', 'B', 1],
    ['c2', 'C', 1],
    ['c2', 'D', 2],
    ['c2', 'E', 3],
    ['c2', 'F', 4], // 1 tie; 2 of 6
    ['c3', 'A', 0],
    ['c3', 'B', 1],
  ]);

  it('counts events tied with their predecessor and cases with an unreliable order', () => {
    const check = manyTies(log);
    expect(check.count).toBe(3);
    expect(check.breakdown).toEqual([
      { label: 'cases with ties', count: 2 },
      { label: 'cases with an unreliable order', count: 1 },
    ]);
    expect(check.examples.map((e) => e.caseId)).toEqual(['c1']);
    expect(check.severity).toBe('warning'); // 1 of 3 cases
  });

  it('follows the editable share', () => {
    expect(manyTies(log, { caseTieShare: 0.3 }).breakdown![1].count).toBe(2);
  });
});
