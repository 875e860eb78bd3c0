import type { ProcessGraph, ProcessMap, ProcessMapRequest } from '../../../preload/api.ts';
import type { CaseMask, EventLog } from '../eventlog/index.ts';
import { directlyFollows } from '../analysis/index.ts';
import { bottlenecks } from './bottlenecks.ts';
import { mapToDot, renderDot } from './layout.ts';
import { pathKey, selectActivities, simplifyPaths } from './simplify.ts';

/**
 * The graph behind a map, before layout: the activities slider picks activities from the
 * filtered log's graph, the log is projected onto them (hidden activities are skipped, so the
 * remaining ones connect as they follow each other in the cases), then the paths slider prunes.
 */
export function processMapGraph(log: EventLog, caseMask: CaseMask | null, request: ProcessMapRequest) {
  const calendar = request.calendar ?? null;
  const context = `${maskIdentity(caseMask)}|${calendar ? JSON.stringify(calendar) : ''}`;
  // The full graph is computed once per filter and calendar and feeds the bottlenecks, which
  // show medians; a projected graph is computed on each new activities position, and skips
  // medians unless the map shows them (a slider move then costs a third less).
  const overall = cachedGraph(log, `${context}|all|medians`, () => directlyFollows(log, caseMask, { calendar }));
  // Graphviz needs seconds for hundreds of activities, so the slider's top end stops at
  // MAX_SHOWN_ACTIVITIES (most frequent first) and the map says so.
  const activitiesLimited = request.activities * overall.nodes.length > MAX_SHOWN_ACTIVITIES;
  const shown = selectActivities(
    overall,
    activitiesLimited ? (MAX_SHOWN_ACTIVITIES - 0.5) / overall.nodes.length : request.activities,
    MAX_SHOWN_ACTIVITIES,
  );
  let projected: ProcessGraph = overall;
  if (shown.length < overall.nodes.length) {
    const keepActivities = new Uint8Array(log.activities.length);
    for (const name of shown) keepActivities[log.activities.indexOf(name)] = 1;
    const key = `${context}|${shown.join('\u0000')}`;
    const medians = request.view === 'performance' && request.performanceMeasure === 'median';
    projected =
      (medians ? null : peekGraph(log, `${key}|medians`)) ??
      cachedGraph(log, `${key}|${medians ? 'medians' : 'no medians'}`, () =>
        directlyFollows(log, caseMask, { calendar, keepActivities, medians }),
      );
  }
  // Graphviz needs seconds for a map of thousands of paths, which nobody can read anyway: the
  // slider's top end stops at MAX_SHOWN_PATHS (plus what connectivity needs) and says so.
  const allPaths = projected.startPaths.length + projected.pathStats.length + projected.endPaths.length;
  const pathsLimited = request.paths * allPaths > MAX_SHOWN_PATHS;
  const simplified = simplifyPaths(projected, pathsLimited ? MAX_SHOWN_PATHS / allPaths : request.paths);
  // With a calendar, bottlenecks give the wall-clock figure beside the working-time one.
  const overallWallClock = calendar
    ? cachedGraph(log, `${maskIdentity(caseMask)}||all|medians`, () => directlyFollows(log, caseMask))
    : null;
  return { overall, overallWallClock, projected, simplified, pathsLimited, activitiesLimited };
}

/** Most paths a map shows; see processMapGraph. */
export const MAX_SHOWN_PATHS = 400;
/** Most activities a map shows; see processMapGraph. */
export const MAX_SHOWN_ACTIVITIES = 150;

/**
 * Slider moves ask for the same graphs again and again; each costs a pass over every event, so
 * the last few per log are kept (keyed by mask identity, calendar and shown activities). A moved
 * paths slider then costs only simplification and layout.
 */
const graphCache = new WeakMap<EventLog, Map<string, ProcessGraph>>();
const GRAPHS_KEPT_PER_LOG = 12;
const maskIds = new WeakMap<CaseMask, number>();
let nextMaskId = 1;

function maskIdentity(mask: CaseMask | null): string {
  if (!mask) return 'all';
  let id = maskIds.get(mask);
  if (id === undefined) maskIds.set(mask, (id = nextMaskId++));
  return `mask${id}`;
}

/** A cached graph if there is one, refreshed as most recently used. */
function peekGraph(log: EventLog, key: string): ProcessGraph | null {
  const graphs = graphCache.get(log);
  const graph = graphs?.get(key);
  if (!graphs || !graph) return null;
  graphs.delete(key);
  graphs.set(key, graph);
  return graph;
}

function cachedGraph(log: EventLog, key: string, compute: () => ProcessGraph): ProcessGraph {
  let graphs = graphCache.get(log);
  if (!graphs) graphCache.set(log, (graphs = new Map()));
  let graph = graphs.get(key);
  if (graph) graphs.delete(key);
  else {
    graph = compute();
    if (graphs.size >= GRAPHS_KEPT_PER_LOG) graphs.delete(graphs.keys().next().value!);
  }
  graphs.set(key, graph);
  return graph;
}

/** A laid-out process map for the UI, the CLI and the SVG/PNG export. */
export async function processMap(
  log: EventLog,
  mask: CaseMask | null,
  request: ProcessMapRequest,
): Promise<ProcessMap> {
  const { overall, overallWallClock, projected, simplified, pathsLimited, activitiesLimited } = processMapGraph(
    log,
    mask,
    request,
  );
  // Ranked on the filtered log with every activity; the map marks those of the top ones it shows.
  const ranked = bottlenecks(overall, 10, overallWallClock);
  const marked = new Set(
    ranked
      .filter((b) => b.kind === 'path')
      .slice(0, request.bottlenecks ?? 3)
      .map((b) => pathKey(b.from, b.to)),
  );
  const dot = mapToDot(simplified, projected, {
    view: request.view,
    frequencyMeasure: request.frequencyMeasure,
    performanceMeasure: request.performanceMeasure,
    bottlenecks: request.view === 'performance' ? marked : new Set(),
  });
  const { hiddenPaths: _hidden, addedForConnectivity: _added, ...graph } = simplified;
  return {
    svg: await renderDot(dot),
    // The cases the filters keep, also those with none of the shown activities ("N of M cases").
    graph: { ...graph, cases: overall.cases },
    bottlenecks: ranked,
    totalActivities: overall.nodes.length,
    totalPaths: overall.edges.length,
    totalCases: log.caseCount,
    pathsLimited,
    activitiesLimited,
  };
}
