import type { ProcessGraph } from '../../../../preload/api.ts';
import type { ReplayGeometry } from './token-positions.ts';

/** Points sampled along each drawn path: enough for a smooth curve, few enough to measure in a frame. */
const ROUTE_POINTS = 24;

/**
 * Reads where the laid-out SVG map draws each activity and path, in the SVG element's own pixels
 * (getCTM maps Graphviz's coordinates through the viewBox), which are the overlay canvas's
 * pixels: the overlay sits under the same pan/zoom transform as the SVG. Done once per map, not
 * per frame.
 */
export function measureGeometry(
  svg: SVGSVGElement,
  graph: Pick<ProcessGraph, 'activityStats' | 'pathStats'>,
  activities: readonly string[],
): ReplayGeometry {
  const index = new Map(activities.map((a, k) => [a, k]));
  const A = activities.length;
  const centres = new Float32Array(2 * A).fill(NaN);
  graph.activityStats.forEach((stat, i) => {
    const k = index.get(stat.activity);
    const shape = svg.querySelector<SVGGraphicsElement>(`g[id="act_${i}"] > :is(polygon, ellipse, path)`);
    if (k === undefined || !shape) return;
    const box = shape.getBBox();
    const p = toViewport(shape, box.x + box.width / 2, box.y + box.height / 2);
    centres[2 * k] = p.x;
    centres[2 * k + 1] = p.y;
  });
  const routes = new Map<number, Float32Array>();
  graph.pathStats.forEach((stat, i) => {
    const from = index.get(stat.from);
    const to = index.get(stat.to);
    const line = svg.querySelector<SVGPathElement>(`g[id="path_${i}"] > path`);
    if (from === undefined || to === undefined || !line) return;
    const length = line.getTotalLength();
    const points = new Float32Array(2 * ROUTE_POINTS);
    for (let s = 0; s < ROUTE_POINTS; s++) {
      const at = line.getPointAtLength((length * s) / (ROUTE_POINTS - 1));
      const p = toViewport(line, at.x, at.y);
      points[2 * s] = p.x;
      points[2 * s + 1] = p.y;
    }
    routes.set(from * A + to, points);
  });
  return { centres, routes };
}

function toViewport(element: SVGGraphicsElement, x: number, y: number): DOMPoint {
  const matrix = element.getCTM();
  const point = new DOMPoint(x, y);
  return matrix ? point.matrixTransform(matrix) : point;
}
