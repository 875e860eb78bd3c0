import type { Bottleneck, ProcessGraph } from '../../../preload/api.ts';

/**
 * Paths ranked by the total time cases wait on them (count × mean), and activities by total
 * service time where the log has start times: where the process loses the most time in sum,
 * which is what a bottleneck costs, rather than the slowest single path.
 */
export function bottlenecks(graph: ProcessGraph, limit = 10): Bottleneck[] {
  const pathTotal = graph.pathStats.reduce((s, p) => s + p.waitingTime.totalSeconds, 0);
  const serviceTotal = graph.activityStats.reduce((s, a) => s + (a.serviceTime?.totalSeconds ?? 0), 0);
  const paths: Bottleneck[] = graph.pathStats
    .filter((p) => p.waitingTime.totalSeconds > 0)
    .map((p) => ({
      kind: 'path',
      from: p.from,
      to: p.to,
      count: p.count,
      meanSeconds: p.waitingTime.meanSeconds,
      totalSeconds: p.waitingTime.totalSeconds,
      share: p.waitingTime.totalSeconds / pathTotal,
    }));
  const activities: Bottleneck[] = graph.activityStats
    .filter((a) => a.serviceTime && a.serviceTime.totalSeconds > 0)
    .map((a) => ({
      kind: 'activity',
      from: a.activity,
      to: a.activity,
      count: a.count,
      meanSeconds: a.serviceTime!.meanSeconds,
      totalSeconds: a.serviceTime!.totalSeconds,
      share: a.serviceTime!.totalSeconds / serviceTotal,
    }));
  const byTotal = (x: Bottleneck, y: Bottleneck) =>
    y.totalSeconds - x.totalSeconds || (x.from < y.from ? -1 : x.from > y.from ? 1 : 0) || (x.to < y.to ? -1 : x.to > y.to ? 1 : 0);
  return [...paths.sort(byTotal).slice(0, limit), ...activities.sort(byTotal).slice(0, limit)];
}
