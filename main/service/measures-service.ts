import type {
  MeasureDetail,
  MeasureRequest,
  MeasureParameterChoices,
  ChartPointCases,
  ControlChartRequest,
  ControlChartView,
  KpiBoard,
  KpiRequest,
  MeasuresCalls,
  MeasuresInfo,
  MeasuresSchema,
} from '../../preload/api.ts';
import { filteredLog } from '../engine/analysis/index.ts';
import type { EventLog } from '../engine/eventlog/index.ts';
import {
  caseCompletion,
  computeMeasure,
  measureReport,
  measuresPath,
  parameterChoices,
  restoreDefaultMeasures,
  saveMeasures,
  workspaceMeasures,
} from '../engine/measures/index.ts';
import { chartData, chartPointCases, controlChartView, type ChartData } from './control-chart-view.ts';
import { kpiBoard } from './kpi-board.ts';
import { measuresInfo } from './measure-info.ts';
import type { WorkspaceSessions } from './workspace-sessions.ts';

/** The charts kept per log: a click on a point, or a switch of tests, reuses the measure just computed. */
const CHARTS_KEPT = 4;

/**
 * The measures calls of GembaApi over a workspace: its measures.json (read and checked on every
 * call, so a hand edit is seen at once), the current log with its fixes, and the filters.
 */
export class MeasuresService implements MeasuresCalls {
  private readonly charts = new WeakMap<EventLog, Map<string, ChartData>>();

  constructor(private readonly sessions: WorkspaceSessions) {}

  async measures(workspace: string): Promise<MeasuresInfo> {
    const dir = this.sessions.get(workspace).path;
    return measuresInfo(measuresPath(dir), workspaceMeasures(dir));
  }

  async saveMeasures(workspace: string, schema: MeasuresSchema): Promise<MeasuresInfo> {
    const dir = this.sessions.get(workspace).path;
    return measuresInfo(measuresPath(dir), saveMeasures(dir, schema));
  }

  async restoreDefaultMeasures(workspace: string): Promise<MeasuresInfo> {
    const dir = this.sessions.get(workspace).path;
    return measuresInfo(measuresPath(dir), restoreDefaultMeasures(dir));
  }

  async measureParameterChoices(workspace: string): Promise<MeasureParameterChoices> {
    // The choices come from the whole log (not the filtered one): parameters hold for every view.
    const { log } = this.sessions.currentLog(workspace);
    return parameterChoices(log, caseCompletion(log, null));
  }

  async kpis(workspace: string, request: KpiRequest): Promise<KpiBoard> {
    const { log, basis, workspace: ws } = this.sessions.currentLog(workspace);
    // Filters that trim events (a timeframe, endpoints) give a derived log; the others a case mask.
    const view = filteredLog(log, request.filters);
    return kpiBoard(view.log, workspaceMeasures(ws.path), request, view.mask, basis);
  }

  async measure(workspace: string, request: MeasureRequest): Promise<MeasureDetail> {
    const { log: whole, basis, workspace: ws } = this.sessions.currentLog(workspace);
    const { log, mask } = filteredLog(whole, request.filters);
    const result = computeMeasure(log, workspaceMeasures(ws.path), request.measure, {
      mask,
      period: request.period ?? 'week',
      timeZone: request.timeZone ?? null,
      activity: request.activity ?? null,
      segmentBy: request.by ?? null,
      chart: request.chart,
      slaCalendar: request.calendar ?? null,
      basis,
    });
    return measureReport(result, log.caseIds, { units: request.units === true });
  }

  async controlChart(workspace: string, request: ControlChartRequest): Promise<ControlChartView> {
    const { log, data } = this.chart(workspace, request);
    return controlChartView(log, data, request);
  }

  async chartPointCases(workspace: string, request: ControlChartRequest, index: number): Promise<ChartPointCases> {
    const { log, data } = this.chart(workspace, request);
    return chartPointCases(log, data, index);
  }

  /**
   * The measure and chart input of a request, cached per (filtered) log and per what they depend on
   * (not the tests, baseline or phases), keyed by the schema's text so an edit of measures.json counts.
   */
  private chart(workspace: string, request: ControlChartRequest): { log: EventLog; data: ChartData } {
    const { log: whole, basis, workspace: ws } = this.sessions.currentLog(workspace);
    const { log, mask } = filteredLog(whole, request.filters);
    const file = workspaceMeasures(ws.path);
    const key = JSON.stringify([
      JSON.stringify(file),
      request.measure,
      request.activity ?? null,
      request.period ?? 'week',
      request.timeZone ?? null,
      request.chart ?? null,
      request.byUnit === true,
      JSON.stringify(request.filters ?? []),
    ]);
    let cache = this.charts.get(log);
    if (!cache) this.charts.set(log, (cache = new Map()));
    let data = cache.get(key);
    if (data) cache.delete(key);
    else data = chartData(log, file, request, mask, basis);
    cache.set(key, data);
    while (cache.size > CHARTS_KEPT) cache.delete(cache.keys().next().value!);
    return { log, data };
  }
}
