import { END_NODE, START_NODE, type ProcessGraph } from '../../../preload/api.ts';

export interface VariantPath {
  /** SVG element ids on the map (act_i, path_i, start_i, end_i, node_start, node_end). */
  ids: string[];
  /** Steps of the variant between shown activities that the map does not draw (hidden by the paths slider). */
  missingPaths: number;
  /** Activities of the variant that the activities slider hides. */
  hiddenActivities: number;
}

/**
 * Where a variant runs on a laid-out map: the variant is projected onto the shown activities (as
 * the map projects every case), then each step start → a → b → … → end is looked up among the
 * drawn paths. Element ids follow preload/api/map.ts: `graph.activityStats[i]` is `act_i`, etc.
 */
export function variantPath(
  graph: Pick<ProcessGraph, 'activityStats' | 'pathStats' | 'startPaths' | 'endPaths'>,
  activities: readonly string[],
): VariantPath {
  const activityId = new Map(graph.activityStats.map((a, i) => [a.activity, `act_${i}`]));
  const pathId = new Map<string, string>();
  const key = (from: string, to: string) => `${from}\u0000${to}`;
  graph.startPaths.forEach((p, i) => pathId.set(key(p.from, p.to), `start_${i}`));
  graph.pathStats.forEach((p, i) => pathId.set(key(p.from, p.to), `path_${i}`));
  graph.endPaths.forEach((p, i) => pathId.set(key(p.from, p.to), `end_${i}`));
  const shown = activities.filter((a) => activityId.has(a));
  const ids = new Set<string>(['node_start', 'node_end']);
  for (const a of shown) ids.add(activityId.get(a)!);
  const steps = [START_NODE, ...shown, END_NODE];
  let missingPaths = 0;
  for (let k = 1; k < steps.length; k++) {
    const id = pathId.get(key(steps[k - 1], steps[k]));
    if (id) ids.add(id);
    else missingPaths++;
  }
  return { ids: [...ids], missingPaths, hiddenActivities: activities.length - shown.length };
}

/** What the map leaves out of a highlighted variant, in words; null when it shows all of it. */
export function variantNote(hiddenActivities: number, missingPaths: number): string | null {
  const parts = [
    hiddenActivities > 0
      ? hiddenActivities === 1
        ? '1 of its steps is an activity the Activities slider hides'
        : `${hiddenActivities} of its steps are activities the Activities slider hides`
      : null,
    missingPaths > 0
      ? `${missingPaths === 1 ? '1 of its transitions is' : `${missingPaths} of its transitions are`} not drawn (move the Paths slider up to see them)`
      : null,
  ].filter(Boolean);
  return parts.length ? `On this map, ${parts.join('; ')}.` : null;
}
