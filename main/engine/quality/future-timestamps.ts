import type { QualityCheck } from '../../../preload/api.ts';
import type { EventLog } from '../eventlog/index.ts';
import { isoTime, percent, plural, severityByShare } from './check-result.ts';
import { eventsOutOfBounds, timestampBounds, type TimestampBoundsOptions } from './timestamp-bounds.ts';

/** Events dated after now: usually a wrong time zone, a day/month swap, or a planned date. */
export function futureTimestamps(log: EventLog, options: TimestampBoundsOptions = {}): QualityCheck {
  const { notAfter } = timestampBounds(log, { ...options, notBefore: 0 });
  const { count, examples } = eventsOutOfBounds(log, (t) => t > notAfter);
  return {
    kind: 'future_timestamps',
    title: 'Timestamps in the future',
    severity: severityByShare(count, log.eventCount, 0.01),
    applicable: true,
    count,
    unit: 'events',
    explanation:
      count === 0
        ? `No event is dated after ${isoTime(notAfter)}.`
        : `${plural(count, 'event')} (${percent(count, log.eventCount)}) are dated after ${isoTime(notAfter)}. ` +
          'Common causes: a wrong time zone, day and month swapped, or planned dates exported as actual ones.',
    examples,
    fix:
      count === 0
        ? null
        : {
            kind: 'exclude_bad_timestamps',
            description: `Exclude ${plural(count, 'event')} dated in the future`,
            params: { notBefore: null, notAfter: isoTime(notAfter) },
          },
  };
}
