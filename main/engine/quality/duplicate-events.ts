import type { QualityCheck } from '../../../preload/api.ts';
import type { EventLog } from '../eventlog/index.ts';
import { ExampleList, eventExample, isoTime, percent, plural, severityByShare } from './check-result.ts';

/**
 * True when events i and j carry the same start time and the same value in every event
 * attribute: two rows that agree on case, activity, time and resource but differ elsewhere
 * (two reviewers' results recorded on the same day) are two events, not a repeat.
 */
function sameDetails(log: EventLog, i: number, j: number): boolean {
  const start = log.startTimestamp;
  if (start && !(start[i] === start[j] || (Number.isNaN(start[i]) && Number.isNaN(start[j])))) return false;
  for (const column of log.eventAttributes) {
    if (column.type === 'string') {
      if (column.codes[i] !== column.codes[j]) return false;
    } else {
      const a = column.values[i];
      const b = column.values[j];
      if (a !== b && !(Number.isNaN(a) && Number.isNaN(b))) return false;
    }
  }
  return true;
}

/**
 * Marks every event that repeats an earlier one of the same case: same activity, timestamp,
 * resource and attributes (1 = a repeat). The first in file order is kept unmarked.
 *
 * The log is sorted by case, then time, then file order, so repeats sit in one run of equal
 * timestamps inside a case; only those runs are compared, by integer codes, never by strings.
 */
export function duplicateEventMask(log: EventLog): Uint8Array {
  const mask = new Uint8Array(log.eventCount);
  const { caseStart, timestamp, activity, resource } = log;
  const resourceSpan = log.resources.length + 1;
  const earlier = new Map<number, number[]>();
  for (let c = 0; c < log.caseCount; c++) {
    const end = caseStart[c + 1];
    let runStart = caseStart[c];
    while (runStart < end) {
      let runEnd = runStart + 1;
      while (runEnd < end && timestamp[runEnd] === timestamp[runStart]) runEnd++;
      const length = runEnd - runStart;
      if (length === 2) {
        const i = runStart;
        if (activity[i] === activity[i + 1] && resource[i] === resource[i + 1] && sameDetails(log, i, i + 1))
          mask[i + 1] = 1;
      } else if (length > 2) {
        earlier.clear();
        for (let i = runStart; i < runEnd; i++) {
          const key = activity[i] * resourceSpan + resource[i] + 1;
          const candidates = earlier.get(key);
          if (!candidates) {
            earlier.set(key, [i]);
          } else if (candidates.some((j) => sameDetails(log, i, j))) {
            mask[i] = 1;
          } else candidates.push(i);
        }
      }
      runStart = runEnd;
    }
  }
  return mask;
}

/** Exact duplicate events: same case, activity, timestamp, resource and attributes. */
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
        examples.add(
          eventExample(
            log,
            c,
            i,
            `"${log.activities[log.activity[i]]}"${who} at ${isoTime(log.timestamp[i])} repeats an earlier event`,
          ),
        );
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
        ? 'No event repeats another with the same case, activity, timestamp, resource and attributes.'
        : `${plural(count, 'event')} (${percent(count, log.eventCount)}) ${count === 1 ? 'repeats' : 'repeat'} an earlier event exactly. ` +
          'Repeats inflate activity counts and create self-loops in the map; dropping them keeps the first copy.',
    examples: examples.items,
    fix:
      count === 0
        ? null
        : {
            kind: 'drop_duplicates',
            description: `Drop ${plural(count, 'repeated event')}, keeping the first of each`,
            params: {},
          },
  };
}
