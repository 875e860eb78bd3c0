import type { ProcessMap } from '../../../preload/api.ts';
import type { MapSelection } from './selection-panel.tsx';

type Graph = Pick<ProcessMap['graph'], 'activityStats' | 'pathStats'>;

/**
 * A selection made on one map, on the next one: map hits are indices into one map's graph, so
 * the selected activity or path is looked up by name in the new graph (switching Frequency and
 * Performance, or moving a slider, keeps it while it is still shown). Null when it is gone.
 */
export function carrySelection(
  previous: { graph: Graph } | null,
  next: { graph: Graph },
  selection: MapSelection | null,
): MapSelection | null {
  if (!selection || selection.source !== 'map') return selection;
  if (!previous) return null;
  const { hit } = selection;
  if (hit.kind === 'activity') {
    const name = previous.graph.activityStats[hit.index]?.activity;
    const index = name === undefined ? -1 : next.graph.activityStats.findIndex((a) => a.activity === name);
    return index < 0 ? null : { source: 'map', hit: { kind: 'activity', index } };
  }
  const path = previous.graph.pathStats[hit.index];
  const index = path ? next.graph.pathStats.findIndex((p) => p.from === path.from && p.to === path.to) : -1;
  return index < 0 ? null : { source: 'map', hit: { kind: 'path', index } };
}
