import type { Bottleneck, DurationSummary, ProcessGraph } from '../../../preload/api.ts';
import { pathKey } from './simplify.ts';

/**
 * Paths ranked by the total time cases wait on them (transitions × mean), and activities by
 * total service time where the log has start times: where the process loses the most time in
 * sum, which is what a bottleneck costs, rather than the slowest single path.
 *
 * `graph` is the filtered log's graph with every activity: the slider-simplified map projects
 * the log onto fewer activities, so its paths merge waits across hidden activities and their
 * figures are not the log's. With a working calendar, `graph` is in working time and
 * `wallClock` (the same log without the calendar) gives the second figure of each entry.
 */
export function bottlenecks(graph: ProcessGraph, limit = 10, wallClock?: ProcessGraph | null): Bottleneck[] {
  const pathTotal = sum(graph.pathStats.map((p) => p.waitingTime.totalSeconds));
  const serviceTotal = sum(graph.activityStats.map((a) => a.serviceTime?.totalSeconds ?? 0));
  const wallPaths = new Map(wallClock?.pathStats.map((p) => [pathKey(p.from, p.to), p.waitingTime]) ?? []);
  const wallService = new Map(wallClock?.activityStats.map((a) => [a.activity, a.serviceTime]) ?? []);
  const wallPathTotal = sum([...wallPaths.values()].map((d) => d.totalSeconds));
  const wallServiceTotal = sum([...wallService.values()].map((d) => d?.totalSeconds ?? 0));
  const entry = (
    kind: Bottleneck['kind'],
    from: string,
    to: string,
    count: number,
    d: DurationSummary,
    total: number,
    wall: DurationSummary | null | undefined,
    wallTotal: number,
  ): Bottleneck => ({
    kind,
    from,
    to,
    count,
    meanSeconds: d.meanSeconds,
    // The full graph always has its medians (bottlenecks rank the unsimplified log).
    medianSeconds: d.medianSeconds ?? NaN,
    totalSeconds: d.totalSeconds,
    share: d.totalSeconds / total,
    ...(wallClock && wall
      ? {
          wallClock: {
            meanSeconds: wall.meanSeconds,
            medianSeconds: wall.medianSeconds ?? NaN,
            totalSeconds: wall.totalSeconds,
            share: wallTotal > 0 ? wall.totalSeconds / wallTotal : 0,
          },
        }
      : {}),
  });
  const paths = graph.pathStats
    .filter((p) => p.waitingTime.totalSeconds > 0)
    .map((p) =>
      entry(
        'path',
        p.from,
        p.to,
        p.count,
        p.waitingTime,
        pathTotal,
        wallPaths.get(pathKey(p.from, p.to)),
        wallPathTotal,
      ),
    );
  const activities = graph.activityStats
    .filter((a) => a.serviceTime && a.serviceTime.totalSeconds > 0)
    .map((a) =>
      entry(
        'activity',
        a.activity,
        a.activity,
        serviceCount(a),
        a.serviceTime!,
        serviceTotal,
        wallService.get(a.activity),
        wallServiceTotal,
      ),
    );
  const byTotal = (x: Bottleneck, y: Bottleneck) =>
    y.totalSeconds - x.totalSeconds ||
    (x.from < y.from ? -1 : x.from > y.from ? 1 : 0) ||
    (x.to < y.to ? -1 : x.to > y.to ? 1 : 0);
  return [...paths.sort(byTotal).slice(0, limit), ...activities.sort(byTotal).slice(0, limit)];
}

/** Events with a start time: total / mean recovers the count the mean was taken over. */
function serviceCount(a: ProcessGraph['activityStats'][number]): number {
  const s = a.serviceTime!;
  return s.meanSeconds > 0 ? Math.round(s.totalSeconds / s.meanSeconds) : a.count;
}

function sum(values: number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}
