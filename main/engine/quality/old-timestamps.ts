import type { QualityCheck } from '../../../preload/api.ts';
import type { EventLog } from '../eventlog/index.ts';
import { isoTime, percent, plural, severityByShare } from './check-result.ts';
import { eventsOutOfBounds, timestampBounds, type TimestampBoundsOptions } from './timestamp-bounds.ts';

/** Events dated before a plausible start: default dates (1900, 1970) or a mistyped year. */
export function oldTimestamps(log: EventLog, options: TimestampBoundsOptions = {}): QualityCheck {
  const { notBefore } = timestampBounds(log, options);
  const { count, examples } = eventsOutOfBounds(log, (t) => t < notBefore);
  return {
    kind: 'old_timestamps',
    title: 'Implausibly old timestamps',
    severity: severityByShare(count, log.eventCount, 0.01),
    applicable: true,
    count,
    unit: 'events',
    explanation:
      count === 0
        ? `No event is dated before ${isoTime(notBefore)}.`
        : `${plural(count, 'event')} (${percent(count, log.eventCount)}) are dated before ${isoTime(notBefore)}, ` +
          'long before the bulk of the log: usually a default date (1900, 1970) or a mistyped year. ' +
          'They stretch case durations by years.',
    examples,
    fix:
      count === 0
        ? null
        : {
            kind: 'exclude_bad_timestamps',
            description: `Exclude ${plural(count, 'event')} dated before ${isoTime(notBefore).slice(0, 10)}`,
            params: { notBefore: isoTime(notBefore), notAfter: null },
          },
  };
}
