import { homedir } from 'node:os';
import { join } from 'node:path';
import type {
  ReplayPaths,
  ReplayRequest,
  SegmentComparison,
  SegmentMapRequest,
  AppliedFix,
  QualityFix,
  QualityReport,
  CaseDetail,
  CasePage,
  CaseQuery,
  CsvPreview,
  DirectlyFollowsRequest,
  DirectlyFollowsResult,
  Environment,
  FileRef,
  ImportRecord,
  ImportRequest,
  ImportSummary,
  JobEvent,
  LogStatistics,
  LogFilter,
  ProcessMap,
  ProcessMapRequest,
  VariantInfo,
  MapSelectionRequest,
  MapSelectionDetail,
  FilterOptions,
  StatisticsRequest,
  StatisticsTable,
  TableExport,
  TableExportRequest,
  LogTextExport,
  LogTextExportRequest,
  GembaApi,
  JobStarted,
  Variant,
  WorkspaceInfo,
  WorkspaceRef,
  RejectedRow,
  ChartPointCases,
  ControlChartRequest,
  ControlChartView,
  KpiBoard,
  KpiRequest,
  MeasuresInfo,
  MeasureDetail,
  MeasureRequest,
  ExportFile,
  ExportSaved,
  ChartValuesRequest,
  ChartValuesView,
  MeasuresSchema,
  MeasureParameterChoices,
  AuditEntry,
  FindingDetail,
  FindingsList,
  FindingsRequest,
  FindingUpdate,
  ModelsOverview,
  RunningCasesRequest,
  RunningCasesView,
  UnusualEvents,
  UnusualEventsRequest,
  TrainingRequest,
} from '../../preload/api.ts';
import { filteredLog } from '../engine/analysis/index.ts';
import { processMap } from '../engine/map/index.ts';
import { mapSelection } from '../engine/map/index.ts';
import { APP_VERSION } from '../engine/app-version.ts';
import { previewCsv } from '../engine/import/csv/index.ts';
import { importLog } from '../engine/workspace/index.ts';
import { REJECTED_SAMPLE_LIMIT } from '../engine/import/index.ts';
import { machineTimeZone } from '../engine/import/timestamps/index.ts';
import { AnalysisService } from './analysis-service.ts';
import type { RunOnThread } from './job-kinds.ts';
import { csvPieceRunner } from './csv-piece-runner.ts';
import { xesPieceRunner } from './xes-piece-runner.ts';
import { JobQueue } from './job-queue.ts';
import { MapViewsService } from './map-views-service.ts';
import { controlChartOfValues } from './chart-values.ts';
import { MeasuresService } from './measures-service.ts';
import { ModelsService } from './models-service.ts';
import { QualityService } from './quality-service.ts';
import { RecentWorkspaces } from './recent-workspaces.ts';
import { unusualEvents } from './unusual-events.ts';
import { UploadStore } from './uploads.ts';
import { WorkspaceSessions } from './workspace-sessions.ts';

export interface EngineOptions {
  mode: 'electron' | 'browser' | 'cli';
  /** Recent workspaces and uploads live here. */
  userDataDir: string;
  /** Where a workspace given by bare name is created; default ~/Gemba. */
  defaultWorkspaceDir?: string;
}

/**
 * The GembaApi on top of the engine, in the calling thread. The app and the browser host run it
 * inside the engine thread (main/worker/engine-service.ts); the CLI calls it in-process, through
 * the same calls.
 */
export class LocalEngine implements GembaApi {
  readonly sessions: WorkspaceSessions;
  readonly uploads: UploadStore;
  private readonly jobQueue = new JobQueue();
  private readonly recent: RecentWorkspaces;
  private readonly analysisService: AnalysisService;
  private readonly measuresService: MeasuresService;
  private readonly mapViewsService: MapViewsService;
  private readonly modelsService: ModelsService;
  private readonly qualityService: QualityService;
  private readonly defaultWorkspaceDir: string;

  /**
   * @param runOnThread runs a job's work on a thread of its own (main/worker/job-thread.ts), for
   *   the kinds JOB_THREADS places on 'training'; passed by the engine thread and the CLI.
   */
  constructor(
    private readonly options: EngineOptions,
    readonly runOnThread?: RunOnThread,
  ) {
    this.defaultWorkspaceDir = options.defaultWorkspaceDir ?? process.env.GEMBA_WORKSPACES ?? join(homedir(), 'Gemba');
    this.sessions = new WorkspaceSessions(this.defaultWorkspaceDir);
    // A browser page can only hand over uploaded bytes; a local path from it would let anyone
    // holding the token read files the user never chose.
    this.uploads = new UploadStore(options.userDataDir, options.mode !== 'browser');
    this.recent = new RecentWorkspaces(options.userDataDir);
    this.analysisService = new AnalysisService(this.sessions);
    this.measuresService = new MeasuresService(this.sessions);
    this.mapViewsService = new MapViewsService(this.sessions);
    this.modelsService = new ModelsService(this.sessions, runOnThread);
    this.qualityService = new QualityService(this.sessions);
  }

  async environment(): Promise<Environment> {
    return {
      mode: this.options.mode,
      appVersion: APP_VERSION,
      timezone: machineTimeZone(),
      defaultWorkspaceDir: this.defaultWorkspaceDir,
    };
  }

  async recentWorkspaces(): Promise<WorkspaceRef[]> {
    return this.recent.list();
  }

  async createWorkspace(path: string): Promise<WorkspaceInfo> {
    const ws = this.sessions.create(path);
    this.recent.remember(ws.path);
    return ws.info();
  }

  async workspaceExists(path: string): Promise<WorkspaceRef | null> {
    const found = this.sessions.existing(path);
    return found ? { ...found, openedAt: '' } : null;
  }

  async openWorkspace(path: string): Promise<WorkspaceInfo> {
    const ws = this.options.mode === 'cli' ? this.sessions.get(path) : this.sessions.getForApp(path);
    this.recent.remember(ws.path);
    return ws.info();
  }

  async importHistory(workspace: string): Promise<ImportRecord[]> {
    return this.sessions.get(workspace).history();
  }

  async restoreImport(workspace: string, importId: number): Promise<WorkspaceInfo> {
    const ws = this.sessions.get(workspace);
    ws.restoreImport(importId);
    this.sessions.invalidate(workspace);
    return ws.info();
  }

  async closeWorkspace(workspace: string): Promise<void> {
    this.sessions.forget(workspace);
  }

  async previewCsv(file: FileRef): Promise<CsvPreview> {
    const { path, name } = this.uploads.resolve(file);
    return previewCsv(path, name);
  }

  async startImport(request: ImportRequest): Promise<JobStarted> {
    // Resolve now so a missing workspace or file fails the call itself, not a job later.
    const ws = this.sessions.get(request.workspace);
    const { path, name } = this.uploads.resolve(request.file);
    const jobId = this.jobQueue.start('import', (signal, progress) =>
      this.runImport(ws.path, path, name, request, signal, progress),
    );
    return { jobId };
  }

  /** One import, awaited: the body of an import job (tests await it directly). */
  async runImport(
    workspace: string,
    path: string,
    fileName: string,
    request: Pick<ImportRequest, 'mapping' | 'acceptRejects' | 'pairLifecycle'>,
    signal?: AbortSignal,
    progress?: (phase: string, done: number, total: number) => void,
  ): Promise<ImportSummary> {
    const ws = this.sessions.get(workspace);
    try {
      return await importLog(ws, path, {
        fileName,
        mapping: request.mapping,
        acceptRejects: request.acceptRejects,
        pairLifecycle: request.pairLifecycle,
        signal,
        onProgress: progress,
        runCsvPiece: this.runOnThread ? csvPieceRunner(this.runOnThread) : undefined,
        runXesPiece: this.runOnThread ? xesPieceRunner(this.runOnThread) : undefined,
      });
    } finally {
      this.sessions.invalidate(workspace);
    }
  }

  async cancelJob(jobId: string): Promise<void> {
    this.jobQueue.cancel(jobId);
  }

  async jobs(): Promise<JobEvent[]> {
    return this.jobQueue.list();
  }

  async rejectedRows(workspace: string, importId: number, limit = 1000): Promise<RejectedRow[]> {
    return this.sessions
      .get(workspace)
      .rejectedRows(importId, Math.max(0, Math.min(REJECTED_SAMPLE_LIMIT, Math.floor(limit))));
  }

  onJobEvent(listener: (event: JobEvent) => void): () => void {
    return this.jobQueue.onEvent(listener);
  }

  async statistics(workspace: string, filters?: LogFilter[], timeZone?: string): Promise<LogStatistics> {
    return this.analysisService.statistics(workspace, filters, timeZone);
  }

  async directlyFollows(workspace: string, request?: DirectlyFollowsRequest): Promise<DirectlyFollowsResult> {
    return this.analysisService.directlyFollows(workspace, request);
  }

  async variants(workspace: string): Promise<Variant[]> {
    return this.analysisService.variants(workspace);
  }

  async cases(workspace: string, query: CaseQuery): Promise<CasePage> {
    return this.analysisService.cases(workspace, query);
  }

  async caseDetail(workspace: string, caseIndex: number): Promise<CaseDetail> {
    return this.analysisService.caseDetail(workspace, caseIndex);
  }

  async processMap(workspace: string, request: ProcessMapRequest): Promise<ProcessMap> {
    const { log, basis } = this.sessions.currentLog(workspace);
    const view = filteredLog(log, request.filters);
    // "N of M cases": M is the whole log's, also when a trimming filter handed the map a derived log.
    return { ...(await processMap(view.log, view.mask, request)), totalCases: log.caseCount, basis };
  }

  async variantList(workspace: string, filters?: LogFilter[]): Promise<VariantInfo[]> {
    return this.analysisService.variantList(workspace, filters);
  }

  async mapSelection(workspace: string, request: MapSelectionRequest): Promise<MapSelectionDetail> {
    return mapSelection(this.log(workspace), request);
  }

  async statisticsTable(workspace: string, request: StatisticsRequest): Promise<StatisticsTable> {
    return this.analysisService.statisticsTable(workspace, request);
  }

  async exportTable(workspace: string, request: TableExportRequest): Promise<TableExport> {
    return this.analysisService.exportTable(workspace, request);
  }

  async exportLogText(workspace: string, request: LogTextExportRequest): Promise<LogTextExport> {
    return this.analysisService.exportLogText(workspace, request);
  }

  async filterOptions(workspace: string): Promise<FilterOptions> {
    return this.analysisService.filterOptions(workspace);
  }

  async close(): Promise<void> {
    this.jobQueue.cancelAll();
    await this.jobQueue.idle();
    this.sessions.closeAll();
  }

  async qualityReport(workspace: string): Promise<QualityReport> {
    return this.qualityService.qualityReport(workspace);
  }

  async applyFix(workspace: string, fix: QualityFix): Promise<AppliedFix[]> {
    return this.qualityService.applyFix(workspace, fix);
  }

  async undoFix(workspace: string, fixId: number): Promise<AppliedFix[]> {
    return this.qualityService.undoFix(workspace, fixId);
  }

  async handoverMap(workspace: string, request: ProcessMapRequest): Promise<ProcessMap> {
    return this.mapViewsService.handoverMap(workspace, request);
  }

  async replayPaths(workspace: string, request: ReplayRequest): Promise<ReplayPaths> {
    return this.mapViewsService.replayPaths(workspace, request);
  }

  async compareSegments(workspace: string, request: SegmentMapRequest): Promise<SegmentComparison> {
    return this.mapViewsService.compareSegments(workspace, request);
  }

  async measures(workspace: string): Promise<MeasuresInfo> {
    return this.measuresService.measures(workspace);
  }

  async saveMeasures(workspace: string, schema: MeasuresSchema): Promise<MeasuresInfo> {
    return this.measuresService.saveMeasures(workspace, schema);
  }

  async restoreDefaultMeasures(workspace: string): Promise<MeasuresInfo> {
    return this.measuresService.restoreDefaultMeasures(workspace);
  }

  async measureParameterChoices(workspace: string): Promise<MeasureParameterChoices> {
    return this.measuresService.measureParameterChoices(workspace);
  }

  async kpis(workspace: string, request: KpiRequest): Promise<KpiBoard> {
    return this.measuresService.kpis(workspace, request);
  }

  /** Outside the desktop app there is no save dialog: the page downloads the file itself (the Electron shell answers this call on its own). */
  async saveExport(_file: ExportFile): Promise<ExportSaved> {
    return { status: 'download' };
  }

  async controlChartOfValues(request: ChartValuesRequest): Promise<ChartValuesView> {
    return controlChartOfValues(request);
  }

  async measure(workspace: string, request: MeasureRequest): Promise<MeasureDetail> {
    return this.measuresService.measure(workspace, request);
  }

  async controlChart(workspace: string, request: ControlChartRequest): Promise<ControlChartView> {
    return this.measuresService.controlChart(workspace, request);
  }

  async chartPointCases(workspace: string, request: ControlChartRequest, index: number): Promise<ChartPointCases> {
    return this.measuresService.chartPointCases(workspace, request, index);
  }

  async startTraining(workspace: string, request: TrainingRequest): Promise<JobStarted> {
    // Checked now, so a model the log cannot support fails the call itself, not a job later.
    const work = this.modelsService.trainingWork(workspace, request);
    return { jobId: this.jobQueue.start('train', work) };
  }

  async models(workspace: string): Promise<ModelsOverview> {
    return this.modelsService.models(workspace);
  }

  async findings(workspace: string, request: FindingsRequest): Promise<FindingsList> {
    return this.modelsService.findings(workspace, request);
  }

  async finding(workspace: string, id: string): Promise<FindingDetail> {
    return this.modelsService.finding(workspace, id);
  }

  async updateFinding(workspace: string, id: string, update: FindingUpdate): Promise<FindingDetail> {
    return this.modelsService.updateFinding(workspace, id, update);
  }

  async runningCases(workspace: string, request: RunningCasesRequest): Promise<RunningCasesView> {
    return this.modelsService.runningCases(workspace, request);
  }

  async unusualEvents(workspace: string, request: UnusualEventsRequest): Promise<UnusualEvents> {
    return unusualEvents(this.sessions, workspace, request);
  }

  async auditTrail(workspace: string, request: { limit?: number }): Promise<AuditEntry[]> {
    return this.modelsService.auditTrail(workspace, request);
  }

  private log(workspace: string) {
    return this.sessions.currentLog(workspace).log;
  }
}
