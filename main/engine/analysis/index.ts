/**
 * Analyses a view or command can ask for, each a pure function `(log, …, mask?) → result` over
 * the columnar EventLog; `mask` is the case mask of the filters in force (filterMask).
 *
 * Statistics tables (Disco's Statistics tab): `statisticsTable(log, { by, attribute? }, mask)`
 * → one row per activity, resource or attribute value with frequency, relative frequency, case
 * frequency and share, and durations (count, mean, median, P90, P95, sample SD, min, max, in
 * seconds). `durationMeaning` says what a duration is for this log (see statistics-table.ts).
 * CLI: `gemba statistics WS [--by activity|resource|attribute NAME] [--filter JSON] --json`.
 * Not yet in the contract (preload/api.ts): a `statisticsTable(workspace, request, filters?)`
 * call would return StatisticsTable unchanged.
 */
export { statisticsTable, quantile, summarise } from './statistics-table.ts';
export type { DurationStatistics, StatisticsBy, StatisticsRequest, StatisticsRow, StatisticsTable } from './statistics-table.ts';
export { caseMask, filterMask, sharedCaseMask, keptCaseCount, parseLogFilters, type CaseMask } from './filters.ts';
export { logStatistics } from './statistics.ts';
export { variants, variantGroups } from './variants.ts';
