import type {
  AnalysisCalls,
  CaseDetail,
  CasePage,
  CaseQuery,
  DirectlyFollowsRequest,
  DirectlyFollowsResult,
  FilterOptions,
  LogFilter,
  LogStatistics,
  LogTextExport,
  LogTextExportRequest,
  StatisticsRequest,
  StatisticsTable,
  TableExport,
  TableExportRequest,
  Variant,
  VariantInfo,
} from '../../preload/api.ts';
import {
  caseDetail,
  caseList,
  directlyFollows,
  filteredLog,
  filterMask,
  filterOptions,
  logStatistics,
  statisticsTable,
  variants,
} from '../engine/analysis/index.ts';
import { casesTable, statisticsTableCsv, tableCsvText, variantsTable } from '../engine/export/index.ts';
import { logAsText } from './log-text-export.ts';
import type { WorkspaceSessions } from './workspace-sessions.ts';

/**
 * The analysis calls of GembaApi (statistics, directly-follows graph, variants, cases, filter
 * choices, statistics tables and their CSV/XES exports) over a workspace's current log, with the
 * fixes in force; each applies the request's filters first.
 */
export class AnalysisService implements AnalysisCalls {
  constructor(private readonly sessions: WorkspaceSessions) {}

  async statistics(workspace: string, filters?: LogFilter[], timeZone?: string): Promise<LogStatistics> {
    const { log, basis } = this.sessions.currentLog(workspace);
    const view = filteredLog(log, filters);
    return { ...logStatistics(view.log, view.mask, timeZone), basis };
  }

  async directlyFollows(workspace: string, request: DirectlyFollowsRequest = {}): Promise<DirectlyFollowsResult> {
    const { log, basis } = this.sessions.currentLog(workspace);
    const view = filteredLog(log, request.filters);
    return { ...directlyFollows(view.log, view.mask, { calendar: request.calendar }), basis };
  }

  async variants(workspace: string): Promise<Variant[]> {
    return variants(this.sessions.currentLog(workspace).log).map((v) => ({ activities: v.activities, count: v.count }));
  }

  async cases(workspace: string, query: CaseQuery): Promise<CasePage> {
    const log = this.sessions.currentLog(workspace).log;
    // Case-level on the original log (trimming filters keep the cases with events left), so a
    // row's index opens the same case in caseDetail.
    return caseList(log, filterMask(log, query.filters), query);
  }

  async caseDetail(workspace: string, caseIndex: number): Promise<CaseDetail> {
    return caseDetail(this.sessions.currentLog(workspace).log, caseIndex);
  }

  async variantList(workspace: string, filters?: LogFilter[]): Promise<VariantInfo[]> {
    const view = filteredLog(this.sessions.currentLog(workspace).log, filters);
    return variants(view.log, view.mask).map(({ rank, activities, count, share, meanDurationSeconds }) => ({
      rank,
      activities,
      count,
      share,
      meanDurationSeconds,
    }));
  }

  async statisticsTable(workspace: string, request: StatisticsRequest): Promise<StatisticsTable> {
    const { log, basis } = this.sessions.currentLog(workspace);
    const view = filteredLog(log, request.filters);
    return { ...statisticsTable(view.log, view.mask, request), basis };
  }

  async exportTable(workspace: string, request: TableExportRequest): Promise<TableExport> {
    const { log, basis } = this.sessions.currentLog(workspace);
    const view = filteredLog(log, request.filters);
    const by = request.by ?? 'activity';
    const table =
      request.table === 'cases'
        ? casesTable(view.log, view.mask, request.timeZone)
        : request.table === 'variants'
          ? variantsTable(view.log, view.mask)
          : statisticsTableCsv(statisticsTable(view.log, view.mask, { by, attribute: request.attribute }));
    const name =
      request.table === 'statistics'
        ? `statistics-by-${by === 'attribute' ? (request.attribute ?? 'attribute') : by}`
        : request.table;
    return { fileName: `${name.replace(/[^\p{L}\p{N}._-]+/gu, '-')}.csv`, ...tableCsvText(table), basis };
  }

  async exportLogText(workspace: string, request: LogTextExportRequest): Promise<LogTextExport> {
    const { log, basis } = this.sessions.currentLog(workspace);
    return logAsText(log, basis, request);
  }

  async filterOptions(workspace: string): Promise<FilterOptions> {
    return filterOptions(this.sessions.currentLog(workspace).log);
  }
}
