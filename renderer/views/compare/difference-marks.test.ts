import { describe, expect, it } from 'vitest';
import { END_NODE, START_NODE, type PathStatistics, type SegmentElement } from '../../../preload/api.ts';
import { differenceMarks } from './difference-marks.ts';

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
const element = (kind: SegmentElement['kind'], from: string, to: string, shareDifference: number): SegmentElement => ({
  kind,
  from,
  to,
  countA: 0,
  countB: 0,
  casesA: 0,
  casesB: 0,
  shareA: 0,
  shareB: 0,
  shareDifference,
});

describe('differenceMarks', () => {
  it('marks the elements whose share changed by the threshold or more, by the segment where they are more common', () => {
    const graph = {
      activityStats: [activity('A'), activity('B')],
      pathStats: [path('A', 'B')],
      startPaths: [path(START_NODE, 'A')],
      endPaths: [path('B', END_NODE)],
    };
    const elements = [
      element('activity', 'A', 'A', 0),
      element('activity', 'B', 'B', 0.3),
      element('path', 'A', 'B', -0.05),
      element('path', START_NODE, 'A', -0.2),
      element('path', 'B', END_NODE, 0.049),
    ];
    expect(differenceMarks(graph, elements, 0.05)).toEqual({
      act_1: 'more-in-b',
      path_0: 'more-in-a',
      start_0: 'more-in-a',
    });
  });
});
