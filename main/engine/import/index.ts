/** Reading event logs: the CSV and XES parsers, gzip input, what a parse hands the workspace. */
export { REJECTED_SAMPLE_LIMIT } from './parsed-log.ts';
export { startsWithGzipMagic } from './gzip-guard.ts';
export type { ImportContext, ParsedLog } from './parsed-log.ts';
export { numbersOf, readCsvColumns } from './csv/read-columns.ts';
