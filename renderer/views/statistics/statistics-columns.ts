import type { DurationStatistics, StatisticsRow } from '../../../preload/api.ts';
import { formatCount, formatDuration, formatPercent } from '../../components/format.ts';

/** The columns of Disco's statistics tables, in its order; ids are stable (test ids, sort state). */
export const STATISTICS_COLUMNS = [
  { id: 'value', label: 'Value', numeric: false, title: 'The activity, resource or attribute value' },
  { id: 'frequency', label: 'Frequency', numeric: true, title: 'Events with this value' },
  { id: 'relativeFrequency', label: 'Relative frequency', numeric: true, title: 'Share of all events counted' },
  { id: 'caseFrequency', label: 'Case frequency', numeric: true, title: 'Cases in which the value occurs' },
  { id: 'caseShare', label: 'Case share', numeric: true, title: 'Share of the cases' },
  { id: 'mean', label: 'Mean', numeric: true, title: 'Mean duration' },
  { id: 'median', label: 'Median', numeric: true, title: 'Median duration' },
  { id: 'p90', label: 'P90', numeric: true, title: '90th percentile of the durations' },
  { id: 'p95', label: 'P95', numeric: true, title: '95th percentile of the durations' },
  {
    id: 'standardDeviation',
    label: 'Std. dev.',
    numeric: true,
    title: 'Standard deviation of the durations (needs two or more)',
  },
  { id: 'min', label: 'Min', numeric: true, title: 'Shortest duration' },
  { id: 'max', label: 'Max', numeric: true, title: 'Longest duration' },
  { id: 'total', label: 'Total', numeric: true, title: 'The durations added up (e.g. the time a resource spent)' },
] as const;

export type StatisticsColumn = (typeof STATISTICS_COLUMNS)[number]['id'];

type DurationColumn = Exclude<
  StatisticsColumn,
  'value' | 'frequency' | 'relativeFrequency' | 'caseFrequency' | 'caseShare'
>;

function durationOf(row: StatisticsRow, column: DurationColumn): number | null {
  const d: DurationStatistics | null = row.durationSeconds;
  if (!d) return null;
  return d[column];
}

/** A row's value in a column: a number for numeric columns (null where unknown), text for the value. */
export function cellValue(row: StatisticsRow, column: StatisticsColumn): number | string | null {
  switch (column) {
    case 'value':
      return row.value;
    case 'frequency':
    case 'relativeFrequency':
    case 'caseFrequency':
    case 'caseShare':
      return row[column];
    default:
      return durationOf(row, column);
  }
}

/** What a cell shows. */
export function cellText(row: StatisticsRow, column: StatisticsColumn): string {
  const value = cellValue(row, column);
  if (column === 'value') return String(value);
  if (value === null) return '—';
  if (column === 'frequency' || column === 'caseFrequency') return formatCount(value as number);
  if (column === 'relativeFrequency' || column === 'caseShare') return formatPercent(value as number);
  return formatDuration(value as number);
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * The rows sorted by a column. Unknown durations (—) go last in both directions, as a
 * spreadsheet puts blanks last; equal values keep the engine's order (most frequent first).
 */
export function sortStatisticsRows(
  rows: readonly StatisticsRow[],
  column: StatisticsColumn,
  descending: boolean,
): StatisticsRow[] {
  const sign = descending ? -1 : 1;
  return rows
    .map((row, index) => ({ row, index, key: cellValue(row, column) }))
    .sort((a, b) => {
      if (a.key === null || b.key === null) return a.key === b.key ? a.index - b.index : a.key === null ? 1 : -1;
      const order = typeof a.key === 'string' ? collator.compare(a.key, String(b.key)) : a.key - (b.key as number);
      return order !== 0 ? sign * order : a.index - b.index;
    })
    .map((entry) => entry.row);
}

/** Text columns sort A→Z first, numbers biggest first (what one looks for). */
export function descendingFirst(column: StatisticsColumn): boolean {
  return column !== 'value';
}
