import type { QualityCheck, RejectedRow } from '../../../preload/api.ts';
import type { AttributeColumn, EventLog } from '../eventlog/index.ts';
import { ExampleList, eventExample, percent, plural } from './check-result.ts';

/**
 * Texts that spreadsheets and databases write for "no value". The list is pandas' default
 * `na_values` (read_csv), which is what analysts' other tools already treat as missing.
 */
const PLACEHOLDERS = new Set([
  '',
  '#N/A',
  '#N/A N/A',
  '#NA',
  '-1.#IND',
  '-1.#QNAN',
  '-NaN',
  '-nan',
  '1.#IND',
  '1.#QNAN',
  '<NA>',
  'N/A',
  'NA',
  'NULL',
  'NaN',
  'None',
  'n/a',
  'nan',
  'null',
]);

export function isMissingText(value: string): boolean {
  return PLACEHOLDERS.has(value.trim());
}

export interface MissingValuesOptions {
  rejectedRows?: readonly RejectedRow[];
  /** True when a resource column was mapped, so a log with no resources at all is missing them all. */
  resourceMapped?: boolean;
}

/** A mapped column counts as missing on a rejected row when the reason starts with its role and says it is empty. */
function rejectedMissing(rows: readonly RejectedRow[] | undefined, column: RegExp): number {
  if (!rows) return 0;
  let n = 0;
  for (const row of rows) if (column.test(row.reason) && /missing|empty|blank/iu.test(row.reason)) n++;
  return n;
}

/** Per code of a dictionary: 1 when the text is a placeholder for "no value". */
function placeholderCodes(dictionary: readonly string[]): Uint8Array {
  const out = new Uint8Array(dictionary.length);
  for (let i = 0; i < dictionary.length; i++) out[i] = isMissingText(dictionary[i]) ? 1 : 0;
  return out;
}

interface ColumnCount {
  label: string;
  mapped: boolean;
  count: number;
  total: number;
  firstEvent: number;
}

function countColumn(codes: Int32Array, dictionary: readonly string[]): { count: number; first: number } {
  const missing = placeholderCodes(dictionary);
  let count = 0;
  let first = -1;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    if (code < 0 || missing[code] === 1) {
      if (first < 0) first = i;
      count++;
    }
  }
  return { count, first };
}

function countNumeric(values: Float64Array): { count: number; first: number } {
  let count = 0;
  let first = -1;
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) {
      if (first < 0) first = i;
      count++;
    }
  }
  return { count, first };
}

function countAttribute(column: AttributeColumn) {
  return column.type === 'string' ? countColumn(column.codes, column.dictionary) : countNumeric(column.values);
}

/**
 * Empty cells per mapped column (case, activity, timestamp, resource) and per attribute.
 * Events without case, activity or timestamp never reach the log (the import sets those rows
 * aside), so for those columns the rejected rows are counted as well as placeholder texts such
 * as `NULL` that did reach it.
 */
export function missingValues(log: EventLog, options: MissingValuesOptions = {}): QualityCheck {
  const n = log.eventCount;
  const columns: ColumnCount[] = [];

  const caseMissing = placeholderCodes(log.caseIds);
  let caseCount = 0;
  let caseFirst = -1;
  for (let c = 0; c < log.caseCount; c++) {
    if (caseMissing[c] !== 1) continue;
    if (caseFirst < 0) caseFirst = log.caseStart[c];
    caseCount += log.caseStart[c + 1] - log.caseStart[c];
  }
  columns.push({
    label: 'case',
    mapped: true,
    count: caseCount + rejectedMissing(options.rejectedRows, /^case\b/iu),
    total: n,
    firstEvent: caseFirst,
  });

  const activity = countColumn(log.activity, log.activities);
  columns.push({
    label: 'activity',
    mapped: true,
    count: activity.count + rejectedMissing(options.rejectedRows, /^activit/iu),
    total: n,
    firstEvent: activity.first,
  });

  const timestamp = countNumeric(log.timestamp);
  columns.push({
    label: 'timestamp',
    mapped: true,
    count: timestamp.count + rejectedMissing(options.rejectedRows, /^(time|date)/iu),
    total: n,
    firstEvent: timestamp.first,
  });

  if (log.resources.length > 0 || options.resourceMapped) {
    const resource = countColumn(log.resource, log.resources);
    columns.push({ label: 'resource', mapped: true, count: resource.count, total: n, firstEvent: resource.first });
  }
  for (const column of log.eventAttributes) {
    const { count, first } = countAttribute(column);
    columns.push({ label: column.name, mapped: false, count, total: n, firstEvent: first });
  }
  for (const column of log.caseAttributes) {
    const { count, first } = countAttribute(column);
    const firstEvent = first < 0 ? -1 : log.caseStart[first];
    columns.push({ label: `${column.name} (case attribute)`, mapped: false, count, total: log.caseCount, firstEvent });
  }

  const withMissing = columns.filter((c) => c.count > 0);
  const mappedMissing = withMissing.some((c) => c.mapped);
  const count = withMissing.reduce((s, c) => s + c.count, 0);
  const examples = new ExampleList();
  if (withMissing.length > 0) {
    const caseOfFirst = (event: number): number => {
      let lo = 0;
      let hi = log.caseCount - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (log.caseStart[mid] <= event) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    for (const c of withMissing) {
      const detail = `${c.label}: ${plural(c.count, 'empty value')} (${percent(c.count, c.total)})`;
      if (c.firstEvent >= 0)
        examples.add(eventExample(log, caseOfFirst(c.firstEvent), c.firstEvent, `${detail}; first here`));
      else examples.add({ detail: `${detail}, in rows the import set aside` });
    }
  }
  return {
    kind: 'missing_values',
    title: 'Missing values',
    severity: count === 0 ? 'info' : mappedMissing ? 'warning' : 'info',
    applicable: true,
    count,
    unit: 'empty cells',
    explanation:
      count === 0
        ? 'Every mapped column and attribute has a value in every event.'
        : `Empty or placeholder values (such as NULL or N/A) in ${plural(withMissing.length, 'column')}. ` +
          'Missing resources hide handoffs; missing attributes shrink any filter or breakdown on them.',
    examples: examples.items,
    breakdown: columns.map((c) => ({
      label: c.label,
      count: c.count,
      detail: `${percent(c.count, c.total)} of ${c.total.toLocaleString('en-US')}`,
    })),
    fix: null,
  };
}
