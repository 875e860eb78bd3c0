import type { ReplayPaths } from '../../../../preload/api.ts';

/**
 * Where the map draws things, in the overlay's pixels: each replayed activity's centre, and the
 * drawn route of a path as points sampled evenly along its curve (absent where the map draws no
 * such path: the token then goes straight).
 */
export interface ReplayGeometry {
  /** x, y per activity index of ReplayPaths.activities; NaN where the map has no such node. */
  centres: Float32Array;
  /** Key from * activityCount + to → x0, y0, x1, y1, … along the drawn path. */
  routes: Map<number, Float32Array>;
}

/**
 * The tokens at replay time `t` (seconds after ReplayPaths.startMs): one per case between its
 * first and last event, moving from event to event along the drawn path in the time between
 * them. `pointer` keeps each case's current event between frames, so playing forward costs one
 * step per case and event over the whole replay (not a search per frame); a jump back resets it.
 * Writes x, y pairs into `out` (length ≥ 2 × cases) and returns how many tokens there are.
 */
export function tokenPositions(
  paths: ReplayPaths,
  pointer: Int32Array,
  t: number,
  geometry: ReplayGeometry,
  out: Float32Array,
): number {
  const { caseOffsets, time, activity } = paths;
  const { centres, routes } = geometry;
  const A = paths.activities.length;
  let n = 0;
  for (let k = 0; k < paths.cases; k++) {
    const first = caseOffsets[k];
    const last = caseOffsets[k + 1] - 1;
    if (last <= first || t < time[first] || t >= time[last]) continue;
    let p = pointer[k];
    if (p < first || p >= last || time[p] > t) p = first;
    while (time[p + 1] <= t) p++;
    pointer[k] = p;
    const span = time[p + 1] - time[p];
    const f = span > 0 ? (t - time[p]) / span : 1;
    const from = activity[p];
    const to = activity[p + 1];
    const route = routes.get(from * A + to);
    let x: number;
    let y: number;
    if (route && route.length >= 4) {
      const segments = route.length / 2 - 1;
      const at = f * segments;
      const i = Math.min(segments - 1, Math.floor(at));
      const g = at - i;
      x = route[2 * i] + (route[2 * i + 2] - route[2 * i]) * g;
      y = route[2 * i + 1] + (route[2 * i + 3] - route[2 * i + 1]) * g;
    } else {
      x = centres[2 * from] + (centres[2 * to] - centres[2 * from]) * f;
      y = centres[2 * from + 1] + (centres[2 * to + 1] - centres[2 * from + 1]) * f;
    }
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    out[2 * n] = x;
    out[2 * n + 1] = y;
    n++;
  }
  return n;
}

/** A new pointer array for a replay: every case at its first event. */
export function startPointers(paths: ReplayPaths): Int32Array {
  return Int32Array.from({ length: paths.cases }, (_, k) => paths.caseOffsets[k]);
}
