import { END_NODE, START_NODE, type PathStatistics, type ProcessGraph } from '../../../preload/api.ts';

/**
 * Map simplification as Disco does it: the activities slider keeps the most frequent
 * activities (the graph is then recomputed on the log projected onto them, see process-map.ts),
 * and the paths slider keeps the most frequent paths, then adds back the strongest paths needed
 * so every shown activity is reachable from start and reaches end. Pure, deterministic, and
 * cheap on the ≤ 100-node graphs a person can read.
 */

/**
 * The activities shown at a slider position 0..1: the most frequent share, at least one. Ties at
 * the threshold are kept together (two activities of equal frequency are never split by the
 * slider), and an activity every case has is always shown: a filter down to a few variants must
 * not open on a map that hides steps all its cases take. `cap` (the most a map can lay out) is
 * the only limit that may cut a tie.
 */
export function selectActivities(graph: ProcessGraph, activities: number, cap = Infinity): string[] {
  const n = graph.nodes.length;
  if (n === 0) return [];
  const limit = Math.max(1, Math.min(n, cap));
  let k = Math.max(1, Math.min(limit, Math.ceil(clamp01(activities) * n)));
  // nodes are sorted by frequency, ties by name
  while (k < limit && graph.nodes[k]!.count === graph.nodes[k - 1]!.count) k++;
  const shown = new Set(graph.nodes.slice(0, k).map((node) => node.activity));
  graph.activityStats.forEach((stats, i) => {
    if (shown.size < limit && graph.cases > 0 && stats.caseCount === graph.cases) shown.add(graph.nodes[i]!.activity);
  });
  return graph.nodes.filter((node) => shown.has(node.activity)).map((node) => node.activity);
}

export interface SimplifiedGraph extends ProcessGraph {
  /** Paths hidden by the slider. */
  hiddenPaths: number;
  /** `from\u0000to` of paths kept only so the map stays connected. */
  addedForConnectivity: string[];
}

export const pathKey = (from: string, to: string) => `${from}\u0000${to}`;

/**
 * Keeps the top `paths` share (0..1) of paths by frequency, counting the start and end paths,
 * then repairs connectivity with widest (maximum-bottleneck) paths from start and to end.
 */
export function simplifyPaths(graph: ProcessGraph, paths: number): SimplifiedGraph {
  const names = [START_NODE, ...graph.nodes.map((n) => n.activity), END_NODE];
  const index = new Map(names.map((name, i) => [name, i]));
  const V = names.length;
  const all: PathStatistics[] = [...graph.startPaths, ...graph.pathStats, ...graph.endPaths];
  const from = Int32Array.from(all, (p) => index.get(p.from)!);
  const to = Int32Array.from(all, (p) => index.get(p.to)!);
  const count = Int32Array.from(all, (p) => p.count);
  const E = all.length;

  const rank = [...Array(E).keys()].sort((x, y) => count[y] - count[x] || from[x] - from[y] || to[x] - to[y]);
  const kept = new Uint8Array(E);
  const k = Math.round(clamp01(paths) * E);
  for (let r = 0; r < k; r++) kept[rank[r]] = 1;
  const keptByThreshold = kept.slice();

  const outgoing = adjacency(V, from, to);
  const incoming = adjacency(V, to, from);
  const bestFromStart = widestTree(V, 0, outgoing, to, count);
  const bestToEnd = widestTree(V, V - 1, incoming, from, count);

  // Reachable from start through kept paths; walk each unreachable node's widest path back
  // until it meets the reachable part, keeping those paths.
  let reach = closure(V, 0, outgoing, to, kept);
  for (let v = 1; v < V; v++) {
    if (reach[v]) continue;
    // A node without a widest path cannot occur in a graph built from traces; stop rather than loop.
    for (let u = v; !reach[u] && bestFromStart[u] >= 0;) {
      const e = bestFromStart[u];
      kept[e] = 1;
      reach[u] = 1;
      u = from[e];
    }
    reach = closure(V, 0, outgoing, to, kept); // what the new paths made reachable downstream
  }
  let coReach = closure(V, V - 1, incoming, from, kept);
  for (let v = V - 2; v >= 0; v--) {
    if (coReach[v]) continue;
    for (let u = v; !coReach[u] && bestToEnd[u] >= 0;) {
      const e = bestToEnd[u];
      kept[e] = 1;
      coReach[u] = 1;
      u = to[e];
    }
    coReach = closure(V, V - 1, incoming, from, kept);
  }

  const keep = (p: PathStatistics, e: number) => kept[e] === 1;
  const starts = graph.startPaths.length;
  const middle = graph.pathStats.length;
  const pathStats = graph.pathStats.filter((p, i) => keep(p, starts + i));
  const keptSet = new Set(pathStats.map((p) => pathKey(p.from, p.to)));
  const addedForConnectivity: string[] = [];
  for (let e = 0; e < E; e++)
    if (kept[e] && !keptByThreshold[e]) addedForConnectivity.push(pathKey(all[e].from, all[e].to));
  let keptCount = 0;
  for (let e = 0; e < E; e++) keptCount += kept[e];
  return {
    ...graph,
    edges: graph.edges.filter((e) => keptSet.has(pathKey(e.from, e.to))),
    pathStats,
    startPaths: graph.startPaths.filter((p, i) => keep(p, i)),
    endPaths: graph.endPaths.filter((p, i) => keep(p, starts + middle + i)),
    hiddenPaths: E - keptCount,
    addedForConnectivity,
  };
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 1;
}

/** Edge ids per node, in edge order. */
function adjacency(V: number, source: Int32Array, _target: Int32Array): number[][] {
  const lists: number[][] = Array.from({ length: V }, () => []);
  for (let e = 0; e < source.length; e++) lists[source[e]].push(e);
  return lists;
}

/**
 * Maximum-bottleneck path tree from `root` (Dijkstra with min instead of sum): for each node,
 * the edge by which its widest path arrives (or, on the reversed graph, leaves). Ties go to the
 * lower node index and the earlier edge, so the result is deterministic.
 */
function widestTree(V: number, root: number, edgesOf: number[][], other: Int32Array, count: Int32Array): Int32Array {
  const width = new Float64Array(V).fill(-1);
  const via = new Int32Array(V).fill(-1);
  const done = new Uint8Array(V);
  width[root] = Infinity;
  for (;;) {
    let u = -1;
    for (let v = 0; v < V; v++) if (!done[v] && width[v] >= 0 && (u < 0 || width[v] > width[u])) u = v;
    if (u < 0) break;
    done[u] = 1;
    for (const e of edgesOf[u]) {
      const v = other[e];
      const w = Math.min(width[u], count[e]);
      if (!done[v] && w > width[v]) {
        width[v] = w;
        via[v] = e;
      }
    }
  }
  return via;
}

function closure(V: number, root: number, edgesOf: number[][], other: Int32Array, kept: Uint8Array): Uint8Array {
  const seen = new Uint8Array(V);
  const stack = [root];
  seen[root] = 1;
  while (stack.length) {
    const u = stack.pop()!;
    for (const e of edgesOf[u]) {
      if (kept[e] && !seen[other[e]]) {
        seen[other[e]] = 1;
        stack.push(other[e]);
      }
    }
  }
  return seen;
}
