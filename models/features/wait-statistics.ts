import type { ProcessStatistics } from './process-statistics.ts';

/** An activity's usual wait (the wait before it, completion to completion), in hours. */
export interface ActivityWait {
  activity: string;
  events: number;
  medianHours: number;
  /** Upper end of the usual range: exp(median + 3·1.4826·MAD) − 1 on the log1p scale. */
  usualUpToHours: number;
}

/** Per-activity usual waits in hours, for reuse by the prefix features and the words of findings. */
export function describeWaitStatistics(stats: ProcessStatistics): ActivityWait[] {
  return stats.activities.map((activity, a) => ({
    activity,
    events: stats.activityCounts[a],
    medianHours: Math.expm1(stats.waitLogMedian[a]),
    usualUpToHours: Math.expm1(stats.waitLogMedian[a] + 3 * 1.4826 * stats.waitLogMad[a]),
  }));
}
