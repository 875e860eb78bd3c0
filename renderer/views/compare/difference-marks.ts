import { END_NODE, START_NODE, type ProcessGraph, type SegmentElement } from '../../../preload/api.ts';

export type DifferenceMark = 'more-in-a' | 'more-in-b';

/**
 * Which drawn elements of one segment's map to colour: those whose share of cases differs between
 * the segments by at least `threshold` (0..1), marked by the segment where they are more common.
 * Ids follow preload/api/map.ts (`act_i`, `path_i`, `start_i`, `end_i` index the graph's lists).
 */
export function differenceMarks(
  graph: Pick<ProcessGraph, 'activityStats' | 'pathStats' | 'startPaths' | 'endPaths'>,
  elements: readonly SegmentElement[],
  threshold: number,
): Record<string, DifferenceMark> {
  const byKey = new Map(elements.map((e) => [`${e.kind}\u0000${e.from}\u0000${e.to}`, e]));
  const marks: Record<string, DifferenceMark> = {};
  const mark = (id: string, kind: SegmentElement['kind'], from: string, to: string) => {
    const e = byKey.get(`${kind}\u0000${from}\u0000${to}`);
    if (!e || Math.abs(e.shareDifference) < threshold) return;
    marks[id] = e.shareDifference > 0 ? 'more-in-b' : 'more-in-a';
  };
  graph.activityStats.forEach((a, i) => mark(`act_${i}`, 'activity', a.activity, a.activity));
  graph.pathStats.forEach((p, i) => mark(`path_${i}`, 'path', p.from, p.to));
  graph.startPaths.forEach((p, i) => mark(`start_${i}`, 'path', START_NODE, p.to));
  graph.endPaths.forEach((p, i) => mark(`end_${i}`, 'path', p.from, END_NODE));
  return marks;
}
