import type { DurationSummary, MapSelectionDetail, MapSelectionRequest } from '../../../preload/api.ts';
import type { EventLog } from '../eventlog/index.ts';
import { durationFunction } from '../analysis/index.ts';
import { filteredLog } from '../analysis/index.ts';
import { groupDurations } from '../analysis/index.ts';
import { InputError } from '../errors.ts';
import { processMapGraph } from './process-map.ts';

const DEFAULT_CASE_LIMIT = 200;
const HISTOGRAM_SAMPLE = 20_000;

/**
 * The cases and durations behind one clicked activity or path. Paths are taken in the log
 * projected onto the map's shown activities, so a path here is exactly the one on the map.
 */
export function mapSelection(original: EventLog, request: MapSelectionRequest): MapSelectionDetail {
  // Trimming filters give a derived log; the cases listed keep their index in the original log.
  const { log, mask, trimmed } = filteredLog(original, request.filters);
  const originalIndex = trimmed ? new Map(original.caseIds.map((id, c) => [id, c])) : null;
  const calendar = request.calendar ?? null;
  const { projected } = processMapGraph(log, mask, {
    activities: request.activities,
    paths: 1,
    view: 'frequency',
    calendar,
  });
  const keep = new Uint8Array(log.activities.length);
  for (const node of projected.nodes) keep[log.activities.indexOf(node.activity)] = 1;
  const code = (name: string) => {
    const c = log.activities.indexOf(name);
    if (c < 0 || !keep[c])
      throw new InputError(`"${name}" is not on the map.`, { hint: 'Click an activity or path that is shown.' });
    return c;
  };
  const element = request.element;
  const target = element.kind === 'activity' ? code(element.activity) : code(element.to);
  const source = element.kind === 'path' ? code(element.from) : -1;
  const duration = durationFunction(calendar);
  const { activity, timestamp, caseStart } = log;
  const start = log.startTimestamp;
  const serviceTimes = element.kind === 'activity' && start !== null;

  const durations: number[] = [];
  // With a calendar the same spans in wall-clock time, so the panel can show both figures.
  const wallClock: number[] | null = calendar ? [] : null;
  const cases: { index: number; id: string }[] = [];
  const limit = request.caseLimit ?? DEFAULT_CASE_LIMIT;
  let caseCount = 0;
  for (let c = 0; c < log.caseCount; c++) {
    if (mask && mask[c] === 0) continue;
    let prev = -1;
    let through = false;
    for (let i = caseStart[c]; i < caseStart[c + 1]; i++) {
      const a = activity[i];
      if (!keep[a]) continue;
      if (a === target && (source < 0 || (prev >= 0 && activity[prev] === source))) {
        through = true;
        if (serviceTimes) {
          if (!Number.isNaN(start![i])) {
            durations.push(Math.max(0, duration(start![i], timestamp[i])));
            wallClock?.push(Math.max(0, (timestamp[i] - start![i]) / 1000));
          }
        } else if (prev >= 0) {
          const next = start && !Number.isNaN(start[i]) ? start[i] : timestamp[i];
          durations.push(Math.max(0, duration(timestamp[prev], next)));
          wallClock?.push(Math.max(0, (next - timestamp[prev]) / 1000));
        }
      }
      prev = i;
    }
    if (through) {
      caseCount++;
      if (cases.length < limit)
        cases.push({ index: originalIndex ? originalIndex.get(log.caseIds[c])! : c, id: log.caseIds[c] });
    }
  }
  const all = Float64Array.from(durations);
  const step = Math.max(1, Math.ceil(all.length / HISTOGRAM_SAMPLE));
  const sample: number[] = [];
  for (let k = 0; k < all.length; k += step) sample.push(all[k]);
  return {
    element,
    caseCount,
    cases,
    durationLabel: serviceTimes
      ? 'Service time (start to completion)'
      : element.kind === 'path'
        ? 'Waiting time on this path'
        : 'Waiting time before this activity',
    durationsSeconds: sample,
    durationSummary: summarize(all),
    ...(wallClock ? { wallClockSummary: summarize(Float64Array.from(wallClock)) } : {}),
  };
}

function summarize(values: Float64Array): DurationSummary | null {
  if (values.length === 0) return null;
  const s = groupDurations(new Int32Array(values.length), values.slice(), 1);
  return {
    meanSeconds: s.total[0] / s.count[0],
    medianSeconds: s.median[0],
    minSeconds: s.min[0],
    maxSeconds: s.max[0],
    totalSeconds: s.total[0],
  };
}
