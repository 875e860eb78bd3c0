import { describe, expect, it } from 'vitest';
import { caseMask } from './filters.ts';
import { logFromTraces, runningExample } from './logs.fixture.ts';
import { variants } from './variants.ts';

describe('variants', () => {
  it('lists the six distinct running-example variants in a deterministic order', () => {
    const list = variants(runningExample(), null, { withCases: true });
    expect(list.map((v) => v.count)).toEqual([1, 1, 1, 1, 1, 1]);
    // by hand: all counts tie, so order is by activity sequence: cases 2, 4, 6, 5, 3, 1
    const firstCaseIds = list.map((v) => v.caseIndices![0]);
    const ids = runningExample().caseIds;
    expect(firstCaseIds.map((c) => ids[c])).toEqual(['2', '4', '6', '5', '3', '1']);
    expect(list[0].activities).toEqual([
      'register request',
      'check ticket',
      'examine casually',
      'decide',
      'pay compensation',
    ]);
    expect(list[0].share).toBeCloseTo(1 / 6, 12);
    // case 2: 2010-12-30 11:32 → 2011-01-08 12:05 = 9 days 33 minutes
    expect(list[0].meanDurationSeconds).toBe(9 * 86400 + 33 * 60);
    expect(list[3].activities).toHaveLength(13);
  });

  it('groups repeated sequences, most frequent first', () => {
    const log = logFromTraces({
      a: ['A', 'B', 'C'],
      b: ['A', 'C'],
      c: ['A', 'B', 'C'],
      d: ['A', 'C'],
      e: ['A', 'B', 'C'],
      f: ['B'],
      g: ['A', 'B', 'B', 'C'],
    });
    const list = variants(log, null, { withCases: true });
    expect(list.map((v) => [v.activities.join(''), v.count])).toEqual([
      ['ABC', 3],
      ['AC', 2],
      ['ABBC', 1],
      ['B', 1],
    ]);
    expect(list[0].caseIndices).toEqual([0, 2, 4]);
    expect(list[0].share).toBeCloseTo(3 / 7, 12);
    expect(list[0].meanDurationSeconds).toBe(120); // three events one minute apart
    expect(list[2].meanDurationSeconds).toBe(180);
  });

  it('counts only masked cases and shares of them', () => {
    const log = logFromTraces({ a: ['A', 'B'], b: ['A', 'C'], c: ['A', 'B'], d: ['X'] });
    const mask = caseMask(log, [{ kind: 'activities', activities: ['A'], mode: 'any' }]);
    const list = variants(log, mask);
    expect(list.map((v) => [v.activities.join(''), v.count, v.share])).toEqual([
      ['AB', 2, 2 / 3],
      ['AC', 1, 1 / 3],
    ]);
  });
});

describe('variant ranks', () => {
  it('keep their number from the unfiltered log when a filter drops other cases (by hand)', () => {
    // unfiltered: ABC ×3 (#1), AC ×2 (#2), ABBC ×1 (#3), B ×1 (#4)
    const log = logFromTraces({
      a: ['A', 'B', 'C'],
      b: ['A', 'C'],
      c: ['A', 'B', 'C'],
      d: ['A', 'C'],
      e: ['A', 'B', 'C'],
      f: ['B'],
      g: ['A', 'B', 'B', 'C'],
    });
    expect(variants(log).map((v) => [v.rank, v.activities.join('')])).toEqual([
      [1, 'ABC'],
      [2, 'AC'],
      [3, 'ABBC'],
      [4, 'B'],
    ]);
    // without the ABC cases, AC is listed first but is still #2, B still #4
    const filtered = variants(log, caseMask(log, [{ kind: 'variants', variants: [['A', 'B', 'C']], negate: true }]));
    expect(filtered.map((v) => [v.rank, v.activities.join(''), v.count])).toEqual([
      [2, 'AC', 2],
      [3, 'ABBC', 1],
      [4, 'B', 1],
    ]);
  });
});
