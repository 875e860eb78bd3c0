import type { QualityCheck } from '../../../preload/api.ts';
import type { EventLog } from '../eventlog/index.ts';
import { isoTime, percent, plural } from './check-result.ts';
import {
  eventsOutOfBounds,
  outOfBoundsCheck,
  timestampBounds,
  type TimestampBoundsOptions,
} from './timestamp-bounds.ts';

/** Events dated after now: usually a wrong time zone, a day/month swap, or a planned date. */
export function futureTimestamps(log: EventLog, options: TimestampBoundsOptions = {}): QualityCheck {
  const { notAfter } = timestampBounds(log, { ...options, notBefore: 0 });
  const found = eventsOutOfBounds(log, (t) => t > notAfter);
  const { count } = found;
  return outOfBoundsCheck(log, found, {
    kind: 'future_timestamps',
    title: 'Timestamps in the future',
    none: `No event is dated after ${isoTime(notAfter)}.`,
    found:
      `${plural(count, 'event')} (${percent(count, log.eventCount)}) are dated after ${isoTime(notAfter)}. ` +
      'Common causes: a wrong time zone, day and month swapped, or planned dates exported as actual ones.',
    fix: `Exclude ${plural(count, 'event')} dated in the future`,
    params: { notBefore: null, notAfter: isoTime(notAfter) },
  });
}
