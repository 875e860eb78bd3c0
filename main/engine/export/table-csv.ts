import type { CaseMask, EventLog } from '../eventlog/index.ts';
import { caseBegin, caseDurationMs, caseEnd, variants, type StatisticsTable } from '../analysis/index.ts';
import { valueText } from './log-columns.ts';
import { isoTimeIn } from './zone-time.ts';
import type { TextSink } from './text-sink.ts';

/**
 * Tables for spreadsheets (cases, variants, statistics) as CSV: UTF-8 with a byte order mark so
 * Excel does not guess Latin-1, every text cell quoted, numbers bare. A text cell that a
 * spreadsheet would run as a formula (it starts with = + - @, tab or carriage return) gets a
 * leading apostrophe, as OWASP's "CSV Injection" page advises: activity names and attribute
 * values come from files anyone may have written, e.g. "=HYPERLINK(...)". This is for people
 * opening the file; the log export for tools keeps values verbatim instead.
 */

export type Cell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made inert for spreadsheets and quoted (RFC 4180). */
export function spreadsheetText(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

function cell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return spreadsheetText(value);
}

/** Writes a header and rows; `rows` may be a generator, so a large case table streams. */
export async function writeTableCsv(
  sink: TextSink,
  header: readonly string[],
  rows: Iterable<Cell[]>,
): Promise<number> {
  sink.write('\ufeff' + header.map(spreadsheetText).join(',') + '\r\n');
  let n = 0;
  for (const row of rows) {
    sink.write(row.map(cell).join(',') + '\r\n');
    if (++n % 4096 === 0) await sink.drain();
  }
  return n;
}

/** The whole table as CSV text, for a UI that offers it as a download (tables are modest in size). */
export function tableCsvText(table: Table): { csv: string; rows: number } {
  const lines = ['\ufeff' + table.header.map(spreadsheetText).join(',')];
  for (const row of table.rows) lines.push(row.map(cell).join(','));
  return { csv: lines.join('\r\n') + '\r\n', rows: lines.length - 1 };
}

export interface Table {
  header: string[];
  rows: Iterable<Cell[]>;
}

/**
 * One row per case the mask keeps: id, events, start, end, duration, variant rank, case
 * attributes. Start and end are ISO 8601 in `timeZone` with its offset (the display time zone; UTC by default).
 */
export function casesTable(log: EventLog, mask?: CaseMask | null, timeZone?: string | null): Table {
  const time = isoTimeIn(timeZone);
  const rankOf = new Int32Array(log.caseCount);
  for (const v of variants(log, mask, { withCases: true })) for (const c of v.caseIndices!) rankOf[c] = v.rank;
  const attributes = log.caseAttributes;
  return {
    header: ['Case', 'Events', 'Start', 'End', 'Duration (s)', 'Variant', ...attributes.map((a) => a.name)],
    rows: (function* () {
      for (let c = 0; c < log.caseCount; c++) {
        if (mask && mask[c] === 0) continue;
        const values = attributes.map((a): Cell => {
          const text = valueText(a, c);
          return text === null ? null : a.type === 'number' ? a.values[c] : text;
        });
        yield [
          log.caseIds[c],
          log.caseStart[c + 1] - log.caseStart[c],
          time(caseBegin(log, c)),
          time(caseEnd(log, c)),
          caseDurationMs(log, c) / 1000,
          rankOf[c],
          ...values,
        ];
      }
    })(),
  };
}

/** One row per variant: rank, cases, share, mean case duration, length and the activity sequence. */
export function variantsTable(log: EventLog, mask?: CaseMask | null): Table {
  return {
    header: ['Variant', 'Cases', 'Share', 'Mean duration (s)', 'Activities', 'Sequence'],
    rows: variants(log, mask).map((v) => [
      v.rank,
      v.count,
      v.share,
      v.meanDurationSeconds,
      v.activities.length,
      v.activities.join(' → '),
    ]),
  };
}

/** The statistics table as rows, durations in seconds. */
export function statisticsTableCsv(table: StatisticsTable): Table {
  const label = table.by === 'attribute' ? table.attribute! : table.by === 'activity' ? 'Activity' : 'Resource';
  return {
    header: [
      label,
      'Frequency',
      'Relative frequency',
      'Case frequency',
      'Case share',
      'Durations',
      'Mean (s)',
      'Median (s)',
      'P90 (s)',
      'P95 (s)',
      'SD (s)',
      'Min (s)',
      'Max (s)',
      'Total (s)',
    ],
    rows: table.rows.map((r) => {
      const d = r.durationSeconds;
      return [
        r.value,
        r.frequency,
        r.relativeFrequency,
        r.caseFrequency,
        r.caseShare,
        d?.count ?? 0,
        d?.mean ?? null,
        d?.median ?? null,
        d?.p90 ?? null,
        d?.p95 ?? null,
        d?.standardDeviation ?? null,
        d?.min ?? null,
        d?.max ?? null,
        d?.total ?? null,
      ];
    }),
  };
}
