import type { CaseMask, EventLog } from '../eventlog/index.ts';
import { InputError } from '../errors.ts';
import { hasStartTimes, keptSize } from './log-columns.ts';
import { writeLogCsv } from './log-csv.ts';
import { writeLogXes } from './log-xes.ts';
import { writeTableCsv, type Table } from './table-csv.ts';
import { writeTextFile } from './text-sink.ts';

export type LogExportFormat = 'csv' | 'xes' | 'xes.gz';
export const LOG_EXPORT_FORMATS: readonly LogExportFormat[] = ['csv', 'xes', 'xes.gz'];

export interface LogExportOptions {
  /** Case mask of the filters in force; null or absent exports every case. */
  mask?: CaseMask | null;
  /** The XES log's concept:name (e.g. the imported file's name). */
  logName?: string;
  signal?: AbortSignal;
}

export interface ExportResult {
  path: string;
  /** Cases and events written (table exports: rows in `events`, 0 cases). */
  cases: number;
  events: number;
  bytes: number;
  /** What the user should know about the file, in sentences. */
  notes: string[];
}

/**
 * Writes the log (the caller passes the current log, fixes applied, and the mask of the filters
 * in force) as CSV, XES or gzipped XES, streaming case by case: memory stays bounded by one case
 * plus a write buffer, whatever the size of the log.
 */
export async function exportLog(
  log: EventLog,
  path: string,
  format: LogExportFormat,
  options: LogExportOptions = {},
): Promise<ExportResult> {
  if (!LOG_EXPORT_FORMATS.includes(format)) {
    throw new InputError(`Unknown export format "${String(format)}".`, {
      hint: `Choose one of ${LOG_EXPORT_FORMATS.join(', ')}.`,
    });
  }
  const mask = options.mask ?? null;
  const { cases, events } = keptSize(log, mask);
  const bytes = await writeTextFile(path, format === 'xes.gz', options.signal, (sink) =>
    format === 'csv' ? writeLogCsv(log, mask, sink) : writeLogXes(log, mask, sink, options.logName ?? 'Gemba export'),
  );
  const notes = [
    format === 'csv'
      ? 'Values are written verbatim, for process-mining tools (Gemba, Disco, PM4Py): text that a spreadsheet would run as a formula is left as it is. For spreadsheets, export the case, variant or statistics tables.'
      : 'XES (IEEE 1849) with the Concept, Time, Lifecycle and Organizational extensions, values verbatim, for process-mining tools.',
    'Times are in UTC (ISO 8601).',
  ];
  if (mask) notes.push(`Only the ${cases} cases the filters keep are written.`);
  if (format !== 'csv' && hasStartTimes(log)) {
    notes.push(
      'Events with a start time are written as a lifecycle start and a complete event; process-mining tools pair them back into one activity instance.',
    );
  }
  return { path, cases, events, bytes, notes };
}

/** Writes a case, variant or statistics table as spreadsheet-safe CSV. */
export async function exportTable(table: Table, path: string, signal?: AbortSignal): Promise<ExportResult> {
  let rows = 0;
  const bytes = await writeTextFile(path, false, signal, async (sink) => {
    rows = await writeTableCsv(sink, table.header, table.rows);
  });
  return {
    path,
    cases: 0,
    events: rows,
    bytes,
    notes: [
      'For spreadsheets: text cells that would start a formula (= + - @, tab, carriage return) begin with an apostrophe, as OWASP advises against CSV injection.',
    ],
  };
}
