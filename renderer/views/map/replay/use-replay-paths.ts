import type { LogFilter, ProcessMap, ReplayPaths } from '../../../../preload/api.ts';
import { useWorkbench, useWorkspace } from '../../../app/workbench.ts';
import { useAsync, type AsyncState } from '../../../components/use-async.ts';

/**
 * The cases' paths over the activities the map shows, fetched when the animation is opened and
 * again when the map's activities or the filters change (not on a paths slider move).
 */
export function useReplayPaths(
  enabled: boolean,
  map: ProcessMap | null,
  filters: LogFilter[],
): AsyncState<ReplayPaths | null> {
  const { api, logVersion } = useWorkbench();
  const workspace = useWorkspace();
  const activities = map ? map.graph.activityStats.map((a) => a.activity) : [];
  return useAsync<ReplayPaths | null>(
    () => (enabled && map ? api.replayPaths(workspace.path, { activities, filters }) : Promise.resolve(null)),
    [enabled, !!map, workspace.path, logVersion, JSON.stringify(activities), JSON.stringify(filters)],
  );
}
