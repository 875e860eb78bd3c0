/**
 * Analyses a view or command can ask for, each a pure function `(log, mask, options) → result`
 * over the columnar EventLog; `mask` is the case mask of the filters in force (filterMask), null
 * for every case.
 *
 * Statistics tables (Disco's Statistics tab): `statisticsTable(log, mask, { by, attribute? })`
 * → one row per activity, resource or attribute value with frequency, relative frequency, case
 * frequency and share, and durations (count, mean, median, P90, P95, sample SD, min, max, in
 * seconds). `durationMeaning` says what a duration is for this log (see statistics-table.ts).
 * In the contract as `statisticsTable(workspace, { by, attribute?, filters? })`; CLI:
 * `gemba statistics WS [--by activity|resource|attribute NAME] [--filter JSON] --json`.
 *
 * Filters (filters*.ts): `filteredLog(log, filters)` → { log, mask } is what a view analyses;
 * it is the log itself and the shared case mask unless a filter trims events (timeRange mode
 * trim, endpoints with trim), then a cached derived log. `filterMask` gives case-level masks on
 * the original log (trimmed cases count as kept when they keep an event).
 */
export { statisticsTable, quantile, summarise } from './statistics-table.ts';
export type {
  DurationStatistics,
  StatisticsBy,
  StatisticsRequest,
  StatisticsRow,
  StatisticsTable,
} from './statistics-table.ts';
export {
  caseMask,
  filteredLog,
  filterMask,
  sharedCaseMask,
  keptCaseCount,
  parseLogFilters,
  type CaseMask,
  type FilteredLog,
} from './filters.ts';
export { logStatistics } from './statistics.ts';
export { logCounts, type LogCounts } from './log-counts.ts';
export { variants, variantGroups } from './variants.ts';
export { validateCalendar, durationFunction, businessClock } from './calendar.ts';
export { groupDurations, directlyFollows } from './directly-follows.ts';
export { caseBegin, caseDurationMs, caseEnd } from './case-span.ts';
export { medianInPlace, selectInPlace } from './median.ts';
export { attributeValue, caseDetail, caseList } from './cases.ts';
export { filterOptions } from './filter-options.ts';
