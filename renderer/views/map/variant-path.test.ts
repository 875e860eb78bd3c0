import { describe, expect, it } from 'vitest';
import { END_NODE, START_NODE, type PathStatistics } from '../../../preload/api.ts';
import { variantNote, variantPath } from './variant-path.ts';

const path = (from: string, to: string): PathStatistics => ({
  from,
  to,
  count: 1,
  caseCount: 1,
  maxRepetitions: 1,
  waitingTime: { meanSeconds: 0, medianSeconds: 0, minSeconds: 0, maxSeconds: 0, totalSeconds: 0 },
});
const activity = (name: string) => ({
  activity: name,
  count: 1,
  caseCount: 1,
  maxRepetitions: 1,
  startCount: 0,
  endCount: 0,
  serviceTime: null,
});

// A map showing A, B, C (not D) with paths A→B, B→C, A→C and B→B; starts at A, ends at C.
const graph = {
  activityStats: ['A', 'B', 'C'].map(activity),
  pathStats: [path('A', 'B'), path('B', 'C'), path('A', 'C'), path('B', 'B')],
  startPaths: [path(START_NODE, 'A')],
  endPaths: [path('C', END_NODE)],
};

describe('variantPath', () => {
  it('finds every step of a variant drawn on the map', () => {
    expect(variantPath(graph, ['A', 'B', 'B', 'C'])).toEqual({
      ids: ['node_start', 'node_end', 'act_0', 'act_1', 'act_2', 'start_0', 'path_0', 'path_3', 'path_1', 'end_0'],
      missingPaths: 0,
      hiddenActivities: 0,
    });
  });

  it('projects hidden activities away, as the map does, and counts steps the map does not draw', () => {
    // A → D → C: D is hidden, so the map shows A → C (drawn as path_2).
    expect(variantPath(graph, ['A', 'D', 'C'])).toMatchObject({ missingPaths: 0, hiddenActivities: 1 });
    expect(variantPath(graph, ['A', 'D', 'C']).ids).toContain('path_2');
    // C → A is not drawn, nor are start → C and A → end: three missing steps.
    expect(variantPath(graph, ['C', 'A'])).toMatchObject({ missingPaths: 3, hiddenActivities: 0 });
  });
});

describe('variantNote', () => {
  it('says only what the map leaves out', () => {
    expect(variantNote(0, 0)).toBeNull();
    expect(variantNote(0, 3)).toBe(
      'On this map, 3 of its transitions are not drawn (move the Paths slider up to see them).',
    );
    expect(variantNote(1, 0)).toBe('On this map, 1 of its steps is an activity the Activities slider hides.');
  });
});
