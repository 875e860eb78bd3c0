import { END_NODE, START_NODE, type ProcessGraph, type SegmentElement } from '../../../preload/api.ts';

/**
 * The activities and paths of two segments' graphs side by side. Segments rarely have the same
 * number of cases, so they are compared by the share of the segment's cases passing through each
 * element (Disco's case frequency as a share); counts are given too. Largest change first.
 */
export function segmentDifferences(a: ProcessGraph, b: ProcessGraph): SegmentElement[] {
  const rows = new Map<string, SegmentElement>();
  const row = (kind: SegmentElement['kind'], from: string, to: string) => {
    const key = `${kind}\u0000${from}\u0000${to}`;
    let r = rows.get(key);
    if (!r)
      rows.set(
        key,
        (r = { kind, from, to, countA: 0, countB: 0, casesA: 0, casesB: 0, shareA: 0, shareB: 0, shareDifference: 0 }),
      );
    return r;
  };
  const add = (graph: ProcessGraph, side: 'A' | 'B') => {
    for (const act of graph.activityStats) {
      const r = row('activity', act.activity, act.activity);
      r[`count${side}`] += act.count;
      r[`cases${side}`] += act.caseCount;
    }
    // Start and end paths count cases: each case starts and ends once.
    for (const p of graph.startPaths) addPath(row('path', START_NODE, p.to), side, p.count, p.count);
    for (const p of graph.endPaths) addPath(row('path', p.from, END_NODE), side, p.count, p.count);
    for (const p of graph.pathStats) addPath(row('path', p.from, p.to), side, p.count, p.caseCount);
  };
  add(a, 'A');
  add(b, 'B');
  const share = (n: number, of: number) => (of > 0 ? n / of : 0);
  const out = [...rows.values()];
  for (const r of out) {
    r.shareA = share(r.casesA, a.cases);
    r.shareB = share(r.casesB, b.cases);
    r.shareDifference = r.shareB - r.shareA;
  }
  return out.sort(
    (x, y) =>
      Math.abs(y.shareDifference) - Math.abs(x.shareDifference) ||
      y.countA + y.countB - (x.countA + x.countB) ||
      (x.from + x.to < y.from + y.to ? -1 : 1),
  );
}

function addPath(r: SegmentElement, side: 'A' | 'B', count: number, cases: number) {
  r[`count${side}`] += count;
  r[`cases${side}`] += cases;
}
