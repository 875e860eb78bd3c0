/**
 * Exports of the current log and of the tables (engine side; transports call these).
 *
 * - `exportLog(log, path, 'csv' | 'xes' | 'xes.gz', { mask, logName, signal })`: the log the
 *   analyses see (fixes in force) with the filters' case mask, streamed in bounded memory,
 *   written beside `path` and renamed when complete. CSV and XES keep values verbatim (for
 *   tools); re-importing either gives the same statistics, directly-follows graph and variants.
 * - `exportTable(casesTable(log, mask) | variantsTable(log, mask) | statisticsTableCsv(table), path)`:
 *   spreadsheet CSV with formula-looking text neutralised (OWASP).
 * - `tableCsvText(table)`: the same CSV as text; in the contract as `exportTable(workspace,
 *   { table, by?, attribute?, filters? })` for the UI to offer as a download.
 * - `spreadsheetText(text)`: the neutralising rule, for a UI that copies cells to the clipboard.
 * CLI: `gemba export WS --log --format csv|xes|xes.gz --out FILE [--filter JSON]` and
 * `gemba export WS --table cases|variants|statistics [--by …] --out FILE [--filter JSON]`.
 * Not yet in the contract: an `exportLog(workspace, { format, path, filters })` call would wrap
 * these with the workspace's current log.
 */
export {
  exportLog,
  exportTable,
  LOG_EXPORT_FORMATS,
  type ExportResult,
  type LogExportFormat,
  type LogExportOptions,
} from './export-log.ts';
export {
  casesTable,
  spreadsheetText,
  statisticsTableCsv,
  tableCsvText,
  variantsTable,
  type Cell,
  type Table,
} from './table-csv.ts';
export { xmlText } from './log-xes.ts';
export { csvField } from './log-csv.ts';
