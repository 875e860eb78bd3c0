import { describe, expect, it } from 'vitest';
import { END_NODE, START_NODE } from '../../../preload/api.ts';
import { directlyFollows } from '../analysis/index.ts';
import { logFromTraces } from '../analysis/logs.fixture.ts';
import { segmentDifferences } from './segments.ts';

// Segment A: 2 cases, both A→B. Segment B: 4 cases, one A→B, three A→C→B.
const a = directlyFollows(logFromTraces({ a1: ['A', 'B'], a2: ['A', 'B'] }));
const b = directlyFollows(
  logFromTraces({ b1: ['A', 'B'], b2: ['A', 'C', 'B'], b3: ['A', 'C', 'B'], b4: ['A', 'C', 'B'] }),
);

describe('segmentDifferences', () => {
  const rows = segmentDifferences(a, b);
  const find = (from: string, to: string) => rows.find((r) => r.from === from && r.to === to)!;

  it('compares each element by the share of its segment’s cases', () => {
    // A→B: 2 of 2 cases in A (100%), 1 of 4 in B (25%) → -75 points.
    expect(find('A', 'B')).toMatchObject({
      kind: 'path',
      countA: 2,
      countB: 1,
      casesA: 2,
      casesB: 1,
      shareA: 1,
      shareB: 0.25,
      shareDifference: -0.75,
    });
    // C occurs only in B: 3 of 4 cases.
    expect(find('C', 'C')).toMatchObject({
      kind: 'activity',
      countA: 0,
      countB: 3,
      shareA: 0,
      shareB: 0.75,
      shareDifference: 0.75,
    });
    expect(find('A', 'C')).toMatchObject({ shareDifference: 0.75 });
    // Every case starts with A and ends with B in both segments: no difference.
    expect(find(START_NODE, 'A')).toMatchObject({ countA: 2, countB: 4, shareDifference: 0 });
    expect(find('B', END_NODE)).toMatchObject({ countA: 2, countB: 4, shareDifference: 0 });
    expect(find('A', 'A')).toMatchObject({ kind: 'activity', shareA: 1, shareB: 1 });
  });

  it('lists the largest change first and every element once', () => {
    expect(Math.abs(rows[0].shareDifference)).toBe(0.75);
    expect(rows.map((r) => Math.abs(r.shareDifference))).toEqual(
      [...rows.map((r) => Math.abs(r.shareDifference))].sort((x, y) => y - x),
    );
    // Activities A, B, C; paths start→A, A→B, A→C, C→B, B→end.
    expect(rows).toHaveLength(8);
  });
});
