import type {
  MapViewCalls,
  ProcessMap,
  ProcessMapRequest,
  ReplayPaths,
  ReplayRequest,
  SegmentComparison,
  SegmentMapRequest,
} from '../../preload/api.ts';
import { directlyFollows, filteredLog } from '../engine/analysis/index.ts';
import { handoverMap, processMap, replayPaths, segmentDifferences } from '../engine/map/index.ts';
import type { WorkspaceSessions } from './workspace-sessions.ts';

/**
 * The map views of GembaApi (handover of work, replay, segment comparison) over a workspace's
 * current log: each applies the filters in force as the process map does (a trimming filter gives
 * a derived log), then runs the engine function on the result.
 */
export class MapViewsService implements MapViewCalls {
  constructor(private readonly sessions: WorkspaceSessions) {}

  async handoverMap(workspace: string, request: ProcessMapRequest): Promise<ProcessMap> {
    const { log, basis } = this.sessions.currentLog(workspace);
    const view = filteredLog(log, request.filters);
    return { ...(await handoverMap(view.log, view.mask, request)), basis };
  }

  async replayPaths(workspace: string, request: ReplayRequest): Promise<ReplayPaths> {
    const { log, basis } = this.sessions.currentLog(workspace);
    const view = filteredLog(log, request.filters);
    return { ...replayPaths(view.log, view.mask, request.activities), basis };
  }

  async compareSegments(workspace: string, request: SegmentMapRequest): Promise<SegmentComparison> {
    const { log, basis } = this.sessions.currentLog(workspace);
    const base = request.filters ?? [];
    const segment = async (filters: SegmentMapRequest['a']['filters']) => {
      const view = filteredLog(log, [...base, ...filters]);
      // medians: false — the table compares counts and shares, the maps compute their own.
      const graph = directlyFollows(view.log, view.mask, { medians: false });
      const map = await processMap(view.log, view.mask, { ...request.map, filters: undefined });
      return { graph, map };
    };
    const a = await segment(request.a.filters);
    const b = await segment(request.b.filters);
    return {
      basis,
      labelA: request.a.label,
      labelB: request.b.label,
      casesA: a.graph.cases,
      casesB: b.graph.cases,
      elements: segmentDifferences(a.graph, b.graph),
      mapA: a.map,
      mapB: b.map,
    };
  }
}
