import type { QualityCheck } from '../../../preload/api.ts';
import type { EventLog } from '../eventlog/index.ts';
import { isoTime, percent, plural } from './check-result.ts';
import {
  eventsOutOfBounds,
  outOfBoundsCheck,
  timestampBounds,
  type TimestampBoundsOptions,
} from './timestamp-bounds.ts';

/** Events dated before a plausible start: default dates (1900, 1970) or a mistyped year. */
export function oldTimestamps(log: EventLog, options: TimestampBoundsOptions = {}): QualityCheck {
  const { notBefore } = timestampBounds(log, options);
  const found = eventsOutOfBounds(log, (t) => t < notBefore);
  const { count } = found;
  return outOfBoundsCheck(log, found, {
    kind: 'old_timestamps',
    title: 'Implausibly old timestamps',
    none: `No event is dated before ${isoTime(notBefore)}.`,
    found:
      `${plural(count, 'event')} (${percent(count, log.eventCount)}) are dated before ${isoTime(notBefore)}, ` +
      'long before the bulk of the log: usually a default date (1900, 1970) or a mistyped year. ' +
      'They stretch case durations by years.',
    fix: `Exclude ${plural(count, 'event')} dated before ${isoTime(notBefore).slice(0, 10)}`,
    params: { notBefore: isoTime(notBefore), notAfter: null },
  });
}
