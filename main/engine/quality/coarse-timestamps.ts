import type { QualityCheck } from '../../../preload/api.ts';
import type { EventLog } from '../eventlog/index.ts';
import { ExampleList, eventExample, percent, plural } from './check-result.ts';
import { ZoneOffsets } from './time-zone.ts';

export interface CoarseTimestampsOptions {
  /** Zone the timestamps were read in, so "midnight" is local midnight; default UTC. */
  timezone?: string | null;
  /** Share of events at a precision from which the whole log counts as that coarse. */
  dominantShare?: number;
}

const DAY_MS = 86_400_000;

/**
 * Timestamps recorded only to the day (all at midnight) or to the minute. Inside a case,
 * events on the same day or minute cannot be ordered by time, so the map's order among them
 * is the file's order and durations below that precision are meaningless.
 */
export function coarseTimestamps(log: EventLog, options: CoarseTimestampsOptions = {}): QualityCheck {
  const dominant = options.dominantShare ?? 0.9;
  const zone = new ZoneOffsets(options.timezone || 'UTC');
  const n = log.eventCount;
  let midnight = 0;
  let wholeMinute = 0;
  let wholeSecond = 0;
  let finite = 0;
  const examples = new ExampleList(5);
  // Minute of the (local) day of every whole-minute event: dates exported as midnight in
  // another zone all land in one bucket (two, an hour apart, across daylight saving).
  const minuteOfDay = new Int32Array(1440);
  for (let c = 0; c < log.caseCount; c++) {
    for (let i = log.caseStart[c]; i < log.caseStart[c + 1]; i++) {
      const t = log.timestamp[i];
      if (!Number.isFinite(t)) continue;
      finite++;
      if (t % 1000 !== 0) continue;
      wholeSecond++;
      if (t % 60_000 !== 0) continue;
      wholeMinute++;
      const local = t + zone.at(t);
      const ofDay = ((local % DAY_MS) + DAY_MS) % DAY_MS;
      minuteOfDay[ofDay / 60_000]++;
      if (ofDay === 0) {
        midnight++;
        examples.add(
          eventExample(
            log,
            c,
            i,
            `"${log.activities[log.activity[i]]}" at midnight (${new Date(local).toISOString().slice(0, 10)})`,
          ),
        );
      }
    }
  }
  let top = 0;
  for (let m = 1; m < 1440; m++) if (minuteOfDay[m] > minuteOfDay[top]) top = m;
  const dstTwin = Math.max(minuteOfDay[(top + 60) % 1440], minuteOfDay[(top + 1380) % 1440]);
  const sameTimeOfDay = minuteOfDay[top] + dstTwin;
  // Dates read in a zone other than the one they were written in: one time of day throughout.
  const shiftedDates = finite > 0 && midnight / finite < dominant && sameTimeOfDay / finite >= dominant;
  if (shiftedDates) midnight = sameTimeOfDay;
  const dayPrecision = finite > 0 && midnight / finite >= dominant;
  const minutePrecision = !dayPrecision && finite > 0 && wholeMinute / finite >= dominant;
  // A few midnight events among precise ones are date-only values mixed into the column.
  const mixedDates = !dayPrecision && midnight > 0 && midnight >= 10 * (wholeMinute / 1440) + 1;
  const count = dayPrecision || mixedDates ? midnight : minutePrecision ? wholeMinute : 0;
  let explanation = 'Timestamps are recorded below the minute.';
  if (shiftedDates) {
    const hhmm = `${String(Math.floor(top / 60)).padStart(2, '0')}:${String(top % 60).padStart(2, '0')}`;
    explanation = `${percent(midnight, finite)} of events are at the same time of day (${hhmm} ${options.timezone || 'UTC'}): the log records dates, not times, probably written as midnight in another time zone. Events of a case on the same day are ordered by file order only, and durations under a day mean nothing.`;
  } else if (dayPrecision)
    explanation = `${percent(midnight, finite)} of events are at midnight: the log records dates, not times. Events of a case on the same day are ordered by file order only, and durations under a day mean nothing.`;
  else if (mixedDates)
    explanation = `${plural(midnight, 'event')} (${percent(midnight, finite)}) carry a date without a time (midnight) among precise timestamps; they sort before everything else on their day.`;
  else if (minutePrecision)
    explanation = `${percent(wholeMinute, finite)} of events are on the whole minute: durations under a minute are not measurable and same-minute events tie.`;
  return {
    kind: 'coarse_timestamps',
    title: 'Coarse timestamp precision',
    severity: dayPrecision || mixedDates ? 'warning' : 'info',
    applicable: n > 0,
    count,
    unit: dayPrecision || mixedDates ? 'events at midnight' : 'events on the whole minute',
    explanation,
    examples: dayPrecision || mixedDates ? examples.items : [],
    breakdown: [
      { label: 'at midnight', count: midnight, detail: percent(midnight, finite) },
      { label: 'on the whole minute', count: wholeMinute, detail: percent(wholeMinute, finite) },
      { label: 'on the whole second', count: wholeSecond, detail: percent(wholeSecond, finite) },
    ],
    fix: null,
  };
}
