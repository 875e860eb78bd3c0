import type { ReplayPaths } from '../../../preload/api.ts';
import type { CaseMask, EventLog } from '../eventlog/index.ts';
import { InputError } from '../errors.ts';

/**
 * Each kept case's path over the activities shown on a map, in columns, for the animation: one
 * pass over the events, typed arrays throughout, no object per event. The renderer moves one
 * token per case from event to event along these columns; times are whole seconds after the
 * earliest event replayed, which keeps the JSON compact (a replay cannot show less than a second).
 */
export function replayPaths(log: EventLog, mask: CaseMask | null, activities: readonly string[]): ReplayPaths {
  const codeOf = new Map(log.activities.map((name, code) => [name, code]));
  const shownIndex = new Int32Array(log.activities.length).fill(-1);
  activities.forEach((name, k) => {
    const code = codeOf.get(name);
    if (code === undefined) {
      throw new InputError(`The activity "${name}" is not in the current log.`, {
        hint: 'The log changed since the map was drawn: reopen the map, then start the replay again.',
      });
    }
    shownIndex[code] = k;
  });
  const { activity, timestamp, caseStart } = log;
  let startMs = Infinity;
  let endMs = -Infinity;
  let events = 0;
  for (let c = 0; c < log.caseCount; c++) {
    if (mask && mask[c] === 0) continue;
    for (let i = caseStart[c]; i < caseStart[c + 1]; i++) {
      if (shownIndex[activity[i]] < 0) continue;
      events++;
      if (timestamp[i] < startMs) startMs = timestamp[i];
      if (timestamp[i] > endMs) endMs = timestamp[i];
    }
  }
  const offsets = new Int32Array(log.caseCount + 1);
  const codes = new Int32Array(events);
  const times = new Float64Array(events);
  let k = 0;
  let cases = 0;
  for (let c = 0; c < log.caseCount; c++) {
    if (mask && mask[c] === 0) continue;
    const from = k;
    for (let i = caseStart[c]; i < caseStart[c + 1]; i++) {
      const shown = shownIndex[activity[i]];
      if (shown < 0) continue;
      codes[k] = shown;
      times[k++] = Math.round((timestamp[i] - startMs) / 1000);
    }
    if (k > from) offsets[++cases] = k;
  }
  return {
    activities: [...activities],
    caseOffsets: Array.from(offsets.subarray(0, cases + 1)),
    activity: Array.from(codes),
    time: Array.from(times),
    startMs: events ? startMs : NaN,
    endMs: events ? endMs : NaN,
    cases,
  };
}
