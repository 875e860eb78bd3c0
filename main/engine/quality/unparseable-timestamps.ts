import type { QualityCheck, RejectedRow } from '../../../preload/api.ts';
import { ExampleList, percent, plural } from './check-result.ts';

export interface UnparseableTimestampsInput {
  /** Rejected rows as the import kept them (a sample when there were very many). */
  rejectedRows: readonly RejectedRow[];
  /** Exact number of rejected rows; defaults to the sample's length. */
  rejectedCount?: number;
  /** Events that did import, for the share. */
  eventCount: number;
}

const TIMESTAMP_REASON = /time|date/iu;
const MISSING_REASON = /missing|empty|blank/iu;

/**
 * Rows the import set aside because their timestamp could not be read. Those rows are not in
 * the log; this check only counts them and points at their lines. An empty timestamp is
 * reported under missing values, not here.
 */
export function unparseableTimestamps(input: UnparseableTimestampsInput | null): QualityCheck {
  const title = 'Unparseable timestamps';
  if (!input) {
    return {
      kind: 'unparseable_timestamps',
      title,
      severity: 'info',
      applicable: false,
      count: 0,
      unit: 'rows',
      explanation: 'The rows rejected by the import are not known for this log.',
      examples: [],
      fix: null,
    };
  }
  const { rejectedRows } = input;
  const examples = new ExampleList();
  let inSample = 0;
  for (const row of rejectedRows) {
    if (!TIMESTAMP_REASON.test(row.reason) || MISSING_REASON.test(row.reason)) continue;
    inSample++;
    examples.add({ line: row.line, detail: row.reason });
  }
  const total = input.rejectedCount ?? rejectedRows.length;
  // Only the first rejected rows are kept with reasons; beyond them, scale by the sample's share.
  const estimated = total > rejectedRows.length && rejectedRows.length > 0;
  const count = estimated ? Math.round((inSample / rejectedRows.length) * total) : inSample;
  const rows = input.eventCount + total;
  return {
    kind: 'unparseable_timestamps',
    title,
    severity: count === 0 ? 'info' : count / Math.max(1, rows) > 0.01 ? 'error' : 'warning',
    applicable: true,
    count,
    unit: 'rows set aside',
    explanation:
      count === 0
        ? 'Every timestamp in the file could be read.'
        : `${estimated ? 'About ' : ''}${plural(count, 'row')} (${percent(count, rows)} of the file) had a timestamp that could not be read ` +
          'and were set aside by the import; they are excluded from every result. If they share a format, ' +
          're-import with that timestamp format chosen.',
    examples: examples.items,
    fix: null,
  };
}
