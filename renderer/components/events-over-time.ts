import { formatCount, plural } from './format.ts';

/** What the events-over-time chart says about its bins: a day each, or a week for long logs. */
export interface EventsOverTimeText {
  /** "Events per day" / "Events per week". */
  title: string;
  /** "peak 12 on 2011-01-06" / "peak 840 in the week of 2011-01-03". */
  peak: string;
  /** "38 days" / "1 week". */
  span: string;
}

/**
 * The words for LogStatistics.eventsPerDay: each point is one bin starting on `day` (UTC) and
 * `binDays` long (1 or 7), so the labels must say which, or a weekly peak reads as a daily one.
 */
export function describeEventsOverTime(
  points: readonly { day: string; count: number }[],
  binDays: number,
): EventsOverTimeText {
  const weekly = binDays === 7;
  const title = weekly ? 'Events per week' : 'Events per day';
  if (points.length === 0) return { title, peak: 'no events', span: weekly ? '0 weeks' : '0 days' };
  const peak = points.reduce((best, p) => (p.count > best.count ? p : best), points[0]!);
  return {
    title,
    peak: weekly
      ? `peak ${formatCount(peak.count)} in the week of ${peak.day}`
      : `peak ${formatCount(peak.count)} on ${peak.day}`,
    span: weekly ? plural(points.length, 'week') : plural(points.length, 'day'),
  };
}
