import { describe, expect, it } from 'vitest';
import { END_NODE, START_NODE, type ProcessGraph } from '../../../preload/api.ts';
import { directlyFollows } from '../analysis/directly-follows.ts';
import { logFromTraces, runningExample } from '../analysis/logs.fixture.ts';
import { pathKey, selectActivities, simplifyPaths } from './simplify.ts';

// 5× A B D, 2× A C D, 1× A C E D
const log = logFromTraces({
  c1: ['A', 'B', 'D'],
  c2: ['A', 'B', 'D'],
  c3: ['A', 'B', 'D'],
  c4: ['A', 'B', 'D'],
  c5: ['A', 'B', 'D'],
  c6: ['A', 'C', 'D'],
  c7: ['A', 'C', 'D'],
  c8: ['A', 'C', 'E', 'D'],
});
const graph = directlyFollows(log);
const shownPaths = (g: ProcessGraph) =>
  [...g.startPaths, ...g.pathStats, ...g.endPaths]
    .map((p) => `${p.from === START_NODE ? '^' : p.from}${p.to === END_NODE ? '$' : p.to}`)
    .sort();

/** Independent check: every activity reachable from start and reaching end over shown paths. */
function connected(g: ProcessGraph): boolean {
  const paths = [...g.startPaths, ...g.pathStats, ...g.endPaths];
  const walk = (root: string, forward: boolean) => {
    const seen = new Set([root]);
    for (let changed = true; changed;) {
      changed = false;
      for (const p of paths) {
        const [a, b] = forward ? [p.from, p.to] : [p.to, p.from];
        if (seen.has(a) && !seen.has(b)) {
          seen.add(b);
          changed = true;
        }
      }
    }
    return seen;
  };
  const fromStart = walk(START_NODE, true);
  const toEnd = walk(END_NODE, false);
  return g.nodes.every((n) => fromStart.has(n.activity) && toEnd.has(n.activity));
}

describe('selectActivities', () => {
  it('keeps the most frequent share; at the bottom, what every case has (A and D, 8 of 8 cases)', () => {
    expect(selectActivities(graph, 1)).toEqual(['A', 'D', 'B', 'C', 'E']);
    expect(selectActivities(graph, 0.5)).toEqual(['A', 'D', 'B']);
    expect(selectActivities(graph, 0)).toEqual(['A', 'D']);
  });

  it('keeps ties at the threshold together (issue 12, defect 4)', () => {
    // Counts: A 6, B 4, C 4, D 2, E 2, F 1; only A is in every case (6 cases).
    const tied = directlyFollows(
      logFromTraces({
        t1: ['A', 'B', 'C'],
        t2: ['A', 'B', 'C'],
        t3: ['A', 'B', 'C', 'D'],
        t4: ['A', 'B', 'C', 'D'],
        t5: ['A', 'E'],
        t6: ['A', 'E', 'F'],
      }),
    );
    expect(tied.nodes.map((n) => `${n.activity}${n.count}`)).toEqual(['A6', 'B4', 'C4', 'D2', 'E2', 'F1']);
    // 2 of 6 would split B and C; both are shown. 4 of 6 would split D and E.
    expect(selectActivities(tied, 2 / 6)).toEqual(['A', 'B', 'C']);
    expect(selectActivities(tied, 4 / 6)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(selectActivities(tied, 0)).toEqual(['A']);
    // Only the layout's cap may cut a tie.
    expect(selectActivities(tied, 2 / 6, 2)).toEqual(['A', 'B']);
  });

  it('shows every step of two kept variants whose cases all take all of them', () => {
    // Two variants over the same six steps in another order, each step once per case, some more often in one case.
    const two = directlyFollows(
      logFromTraces({
        v1: ['a', 'b', 'c', 'd', 'e', 'f'],
        v2: ['a', 'b', 'c', 'd', 'e', 'f'],
        v3: ['a', 'c', 'b', 'd', 'e', 'f', 'f', 'e'],
      }),
    );
    expect(selectActivities(two, 0.6)).toEqual(two.nodes.map((n) => n.activity));
    expect(two.nodes).toHaveLength(6);
  });
});

describe('simplifyPaths', () => {
  it('keeps everything at 1', () => {
    const s = simplifyPaths(graph, 1);
    expect(shownPaths(s)).toEqual(['AB', 'AC', 'BD', 'CD', 'CE', 'D$', 'ED', '^A']);
    expect(s.hiddenPaths).toBe(0);
    expect(s.addedForConnectivity).toEqual([]);
  });
  it('at 0 keeps only what connectivity needs (worked by hand)', () => {
    // widest paths: D via A→B→D (5); C via A→C (3); E needs C→E and E→D; then C reaches end via E,
    // so the stronger C→D is not needed.
    const s = simplifyPaths(graph, 0);
    expect(shownPaths(s)).toEqual(['AB', 'AC', 'BD', 'CE', 'D$', 'ED', '^A']);
    expect(s.hiddenPaths).toBe(1);
    expect(s.edges.map((e) => `${e.from}${e.to}`).sort()).toEqual(['AB', 'AC', 'BD', 'CE', 'ED']);
  });
  it('at 0.5 keeps the four most frequent and adds the rest needed', () => {
    const s = simplifyPaths(graph, 0.5);
    expect(s.addedForConnectivity.sort()).toEqual([pathKey('A', 'C'), pathKey('C', 'E'), pathKey('E', 'D')].sort());
  });
  it('never disconnects the running example, and paths grow with the slider', () => {
    const log = runningExample();
    const full = directlyFollows(log);
    for (const a of [0, 0.3, 0.6, 1]) {
      const keep = new Uint8Array(log.activities.length);
      for (const name of selectActivities(full, a)) keep[log.activities.indexOf(name)] = 1;
      const projected = directlyFollows(log, null, { keepActivities: keep });
      let previous = 0;
      for (let p = 0; p <= 1.0001; p += 0.1) {
        const s = simplifyPaths(projected, p);
        expect(connected(s)).toBe(true);
        const n = s.pathStats.length + s.startPaths.length + s.endPaths.length;
        expect(n).toBeGreaterThanOrEqual(previous);
        previous = n;
      }
    }
  });
  it('is fast on a 60-activity graph', () => {
    const traces: Record<string, string[]> = {};
    let seed = 3;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let c = 0; c < 3000; c++)
      traces[`c${c}`] = Array.from(
        { length: 4 + Math.floor(random() * 10) },
        () => `act ${Math.floor(random() * random() * 60)}`,
      );
    const g = directlyFollows(logFromTraces(traces));
    expect(g.nodes.length).toBe(60);
    simplifyPaths(g, 0.3);
    let best = Infinity;
    for (let k = 0; k < 10; k++) {
      const t = performance.now();
      const s = simplifyPaths(g, k / 10);
      best = Math.min(best, performance.now() - t);
      expect(connected(s)).toBe(true);
    }
    expect(best).toBeLessThan(50); // typically ~2 ms; the best of 10 with a loose bound, as the machine is shared
  });
});
