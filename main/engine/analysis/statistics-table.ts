import type { DurationStatistics, StatisticsRequest, StatisticsRow, StatisticsTable } from '../../../preload/api.ts';
import type { CaseMask, EventLog } from '../eventlog/index.ts';
import { InputError } from '../errors.ts';
import { attributeValue } from './cases.ts';
import { caseDurationMs } from './case-span.ts';

export type {
  DurationStatistics,
  StatisticsBy,
  StatisticsRequest,
  StatisticsRow,
  StatisticsTable,
} from '../../../preload/api.ts';

/**
 * Disco's statistics tables: one row per activity, per resource or per attribute value, with
 * how often it occurs, in how many cases, and the spread of its durations. What a duration is
 * depends on the table and the log, and the result says so (`durationMeaning`):
 * - activities and resources (and event attributes): the event's own duration, start to
 *   completion, over the events that have a start time; a log with no start times at all gets
 *   the time since the previous event of the case completed instead (the first event of a case
 *   has none), since "instant" for every row would tell the analyst nothing;
 * - case attributes: the case duration, first to last event, of the cases with that value.
 * Percentiles interpolate linearly between order statistics (Hyndman & Fan type 7, the default
 * of Excel's PERCENTILE.INC, NumPy and R), standard deviation is the sample one (n − 1, Excel's
 * STDEV.S and Minitab's StDev).
 */

/** Per-event or per-case group codes (-1: no value) and the group names. */
interface Grouping {
  level: 'event' | 'case';
  codes: Int32Array;
  names: readonly string[];
}

export function statisticsTable(log: EventLog, mask: CaseMask | null, request: StatisticsRequest): StatisticsTable {
  const grouping = groupingOf(log, request);
  const kept = (c: number) => !mask || mask[c] === 1;
  const groups = grouping.names.length;
  const frequency = new Float64Array(groups);
  const caseFrequency = new Float64Array(groups);
  const lastCase = new Int32Array(groups).fill(-1);
  let cases = 0;
  let events = 0;
  let withoutValue = 0;
  // Duration of every counted item (its group is grouping.codes), NaN where unknown or not kept.
  const itemDuration = new Float64Array(grouping.codes.length).fill(NaN);
  const eventDuration = eventDurationFunction(log);
  for (let c = 0; c < log.caseCount; c++) {
    if (!kept(c)) continue;
    cases++;
    const from = log.caseStart[c];
    const to = log.caseStart[c + 1];
    events += to - from;
    if (grouping.level === 'case') {
      const g = grouping.codes[c];
      if (g < 0) {
        withoutValue++;
        continue;
      }
      frequency[g] += to - from;
      caseFrequency[g]++;
      itemDuration[c] = caseDurationMs(log, c);
      continue;
    }
    for (let i = from; i < to; i++) {
      const g = grouping.codes[i];
      if (g < 0) {
        withoutValue++;
        continue;
      }
      frequency[g]++;
      if (lastCase[g] !== c) {
        lastCase[g] = c;
        caseFrequency[g]++;
      }
      itemDuration[i] = eventDuration(i, from);
    }
  }
  const durations = durationSummaries(grouping.codes, itemDuration, groups);
  const rows: StatisticsRow[] = [];
  for (let g = 0; g < groups; g++) {
    if (frequency[g] === 0 && caseFrequency[g] === 0) continue;
    rows.push({
      value: grouping.names[g],
      frequency: frequency[g],
      relativeFrequency: events ? frequency[g] / events : 0,
      caseFrequency: caseFrequency[g],
      caseShare: cases ? caseFrequency[g] / cases : 0,
      durationSeconds: durations[g],
    });
  }
  rows.sort(
    (a, b) =>
      b.frequency - a.frequency ||
      b.caseFrequency - a.caseFrequency ||
      (a.value < b.value ? -1 : a.value > b.value ? 1 : 0),
  );
  return {
    by: request.by,
    attribute: request.by === 'attribute' ? request.attribute! : null,
    level: grouping.level,
    cases,
    events,
    withoutValue,
    durationMeaning:
      grouping.level === 'case'
        ? 'case duration, first to last event'
        : log.startTimestamp
          ? 'activity duration, start to completion (events with a start time)'
          : 'time since the previous event of the case (the log has no start times)',
    rows,
  };
}

/** Duration in ms of event i (first event of its case at `from`), NaN where not defined. */
function eventDurationFunction(log: EventLog): (i: number, from: number) => number {
  const start = log.startTimestamp;
  const ts = log.timestamp;
  if (start) return (i) => ts[i] - start[i];
  return (i, from) => (i > from ? ts[i] - ts[i - 1] : NaN);
}

function groupingOf(log: EventLog, request: StatisticsRequest): Grouping {
  if (request.by === 'activity') return { level: 'event', codes: log.activity, names: log.activities };
  if (request.by === 'resource') return { level: 'event', codes: log.resource, names: log.resources };
  const name = request.attribute;
  if (!name)
    throw new InputError("Statistics by attribute need the attribute's name.", {
      hint: 'Name a case or event attribute (on the command line: --by attribute NAME).',
    });
  const caseColumn = log.caseAttributes.find((a) => a.name === name);
  const column = caseColumn ?? log.eventAttributes.find((a) => a.name === name);
  if (!column) {
    const known = [...log.caseAttributes, ...log.eventAttributes].map((a) => `"${a.name}"`);
    throw new InputError(`The log has no attribute "${name}".`, {
      hint: known.length
        ? `Its attributes are: ${known.join(', ')}.`
        : 'This log has no attributes besides case, activity, time and resource.',
    });
  }
  const level = caseColumn ? 'case' : 'event';
  if (column.type === 'string') return { level, codes: column.codes, names: column.dictionary };
  // Numbers, dates and booleans: one group per distinct value, named as the case table shows it.
  const codes = new Int32Array(column.values.length).fill(-1);
  const byValue = new Map<number, number>();
  const names: string[] = [];
  for (let i = 0; i < column.values.length; i++) {
    const v = column.values[i];
    if (v !== v) continue;
    let g = byValue.get(v);
    if (g === undefined) {
      g = names.length;
      byValue.set(v, g);
      names.push(String(attributeValue(column, i)));
    }
    codes[i] = g;
  }
  return { level, codes, names };
}

/** Mean, median, P90, P95, standard deviation, min and max per group (a counting sort by group), in seconds. */
function durationSummaries(
  itemGroup: Int32Array,
  itemDuration: Float64Array,
  groups: number,
): (DurationStatistics | null)[] {
  const count = new Int32Array(groups + 1);
  for (let i = 0; i < itemGroup.length; i++)
    if (itemGroup[i] >= 0 && itemDuration[i] === itemDuration[i]) count[itemGroup[i] + 1]++;
  for (let g = 0; g < groups; g++) count[g + 1] += count[g];
  const sorted = new Float64Array(count[groups]);
  const fill = count.slice(0, groups);
  for (let i = 0; i < itemGroup.length; i++) {
    const g = itemGroup[i];
    if (g >= 0 && itemDuration[i] === itemDuration[i]) sorted[fill[g]++] = itemDuration[i] / 1000;
  }
  const out: (DurationStatistics | null)[] = [];
  for (let g = 0; g < groups; g++) {
    const values = sorted.subarray(count[g], count[g + 1]).sort();
    out.push(values.length ? summarise(values) : null);
  }
  return out;
}

/** The summary of ascending values (at least one). */
export function summarise(sorted: Float64Array): DurationStatistics {
  const n = sorted.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i];
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (sorted[i] - mean) ** 2;
  return {
    count: n,
    mean,
    median: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    p95: quantile(sorted, 0.95),
    standardDeviation: n > 1 ? Math.sqrt(squares / (n - 1)) : null,
    min: sorted[0],
    max: sorted[n - 1],
    total: sum,
  };
}

/** Quantile p of ascending values, linear between order statistics (type 7). */
export function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
