import type { QualityCheck } from '../../../preload/api.ts';
import type { EventLog } from '../eventlog/index.ts';
import { ExampleList, caseExample, percent, plural } from './check-result.ts';

/**
 * Length of the longest strictly increasing subsequence of `values[from..to)` (patience
 * sorting, O(k log k)); `tails` is scratch space of at least to - from.
 */
function longestIncreasing(values: Int32Array, from: number, to: number, tails: Int32Array, sign: 1 | -1): number {
  let length = 0;
  for (let i = from; i < to; i++) {
    const v = sign * values[i];
    let lo = 0;
    let hi = length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = v;
    if (lo === length) length++;
  }
  return length;
}

/**
 * Events whose place in the file disagrees with their timestamp inside a case. The count is the
 * fewest events that would have to move for file order and time order to agree (events minus
 * the longest run of file positions that already increases with time). A file written newest
 * first is recognised as such and compared in reverse, since that order is consistent.
 */
export function orderConflicts(log: EventLog): QualityCheck {
  const { caseStart, sourceRow } = log;
  let maxCase = 0;
  let multiEventCases = 0;
  let descendingCases = 0;
  for (let c = 0; c < log.caseCount; c++) {
    const from = caseStart[c];
    const to = caseStart[c + 1];
    maxCase = Math.max(maxCase, to - from);
    if (to - from < 2) continue;
    multiEventCases++;
    let descending = true;
    for (let i = from + 1; i < to && descending; i++) if (sourceRow[i] >= sourceRow[i - 1]) descending = false;
    if (descending) descendingCases++;
  }
  const newestFirst = multiEventCases > 0 && descendingCases / multiEventCases >= 0.9;
  const sign = newestFirst ? -1 : 1;
  const tails = new Int32Array(maxCase);
  let count = 0;
  let casesAffected = 0;
  const examples = new ExampleList();
  for (let c = 0; c < log.caseCount; c++) {
    const from = caseStart[c];
    const to = caseStart[c + 1];
    if (to - from < 2) continue;
    const moved = to - from - longestIncreasing(sourceRow, from, to, tails, sign);
    if (moved === 0) continue;
    count += moved;
    casesAffected++;
    examples.add(
      caseExample(
        log,
        c,
        `${plural(moved, 'event')} of ${to - from} ${moved === 1 ? 'sits' : 'sit'} in the file out of time order`,
      ),
    );
  }
  return {
    kind: 'order_conflicts',
    title: 'File order disagrees with time order',
    severity: count === 0 ? 'info' : 'warning',
    applicable: true,
    count,
    unit: 'events out of order',
    explanation:
      (newestFirst ? 'The file lists the events of each case newest first; that is consistent and not counted. ' : '') +
      (count === 0
        ? 'Within every case the file order agrees with the timestamps.'
        : `In ${plural(casesAffected, 'case')}, ${plural(count, 'event')} (${percent(count, log.eventCount)}) sit in the file ` +
          'at a place their timestamp contradicts. Either the timestamps are wrong (time zone, manual entry) or the ' +
          'export order is; Gemba orders by timestamp.'),
    examples: examples.items,
    fix: null,
  };
}
