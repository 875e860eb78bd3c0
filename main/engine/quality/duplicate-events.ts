import type { QualityCheck } from '../../../preload/api.ts';
import type { EventLog } from '../eventlog/event-log.ts';
import { ExampleList, eventExample, isoTime, percent, plural, severityByShare } from './check-result.ts';

/**
 * Marks every event that repeats an earlier one of the same case with the same activity,
 * timestamp and resource (1 = a repeat). The first in file order is kept unmarked.
 *
 * The log is sorted by case, then time, then file order, so repeats sit in one run of equal
 * timestamps inside a case; only those runs are compared, by integer codes, never by strings.
 */
export function duplicateEventMask(log: EventLog): Uint8Array {
  const mask = new Uint8Array(log.eventCount);
  const { caseStart, timestamp, activity, resource } = log;
  const resourceSpan = log.resources.length + 1;
  const seen = new Set<number>();
  for (let c = 0; c < log.caseCount; c++) {
    const end = caseStart[c + 1];
    let runStart = caseStart[c];
    while (runStart < end) {
      let runEnd = runStart + 1;
      while (runEnd < end && timestamp[runEnd] === timestamp[runStart]) runEnd++;
      const length = runEnd - runStart;
      if (length === 2) {
        if (activity[runStart] === activity[runStart + 1] && resource[runStart] === resource[runStart + 1]) mask[runStart + 1] = 1;
      } else if (length > 2) {
        seen.clear();
        for (let i = runStart; i < runEnd; i++) {
          const key = activity[i] * resourceSpan + resource[i] + 1;
          if (seen.has(key)) mask[i] = 1;
          else seen.add(key);
        }
      }
      runStart = runEnd;
    }
  }
  return mask;
}

/** Exact duplicate events: same case, activity, timestamp and resource. */
export function duplicateEvents(log: EventLog): QualityCheck {
  const mask = duplicateEventMask(log);
  const examples = new ExampleList();
  let count = 0;
  for (let c = 0; c < log.caseCount; c++) {
    for (let i = log.caseStart[c]; i < log.caseStart[c + 1]; i++) {
      if (mask[i] !== 1) continue;
      count++;
      if (!examples.full) {
        const who = log.resource[i] >= 0 ? ` by ${log.resources[log.resource[i]]}` : '';
        examples.add(eventExample(log, c, i, `"${log.activities[log.activity[i]]}"${who} at ${isoTime(log.timestamp[i])} repeats an earlier event`));
      }
    }
  }
  return {
    kind: 'duplicate_events',
    title: 'Duplicate events',
    severity: severityByShare(count, log.eventCount, 0.05),
    applicable: true,
    count,
    unit: 'repeated events',
    explanation:
      count === 0
        ? 'No event repeats another with the same case, activity, timestamp and resource.'
        : `${plural(count, 'event')} (${percent(count, log.eventCount)}) repeat an earlier event exactly. ` +
          'Repeats inflate activity counts and create self-loops in the map; dropping them keeps the first copy.',
    examples: examples.items,
    fix:
      count === 0
        ? null
        : { kind: 'drop_duplicates', description: `Drop ${plural(count, 'repeated event')}, keeping the first of each`, params: {} },
  };
}
