/**
 * The one contract between the UI and the engine.
 *
 * Electron IPC (main/app), the local browser host (main/host) and the CLI (main/cli) all route
 * these calls to the same service (main/service). Every argument and result is plain JSON so it
 * can cross any of the three transports unchanged. The calls live by domain in preload/api/;
 * this file composes them into GembaApi and re-exports every type, so `import … from
 * 'preload/api.ts'` is the one way in.
 *
 * Add a call in its domain file (interface and its `…_CALLS` list) first; the compiler then
 * points at what must learn it: the service (LocalEngine implements GembaApi), the argument
 * checks (one per method) and this list. Every transport forwards it without further wiring.
 */
import { ANALYSIS_CALLS, type AnalysisCalls } from './api/analysis.ts';
import type { CallKinds } from './api/calls.ts';
import { CHART_VALUES_CALLS, type ChartValuesCalls } from './api/chart-values.ts';
import { CONTROL_CHART_CALLS, type ControlChartCalls } from './api/control-charts.ts';
import { EXPORT_CALLS, type ExportCalls } from './api/exports.ts';
import { IMPORT_CALLS, type ImportCalls } from './api/import.ts';
import { JOB_CALLS, type JobCalls, type JobEvent } from './api/jobs.ts';
import { MAP_CALLS, type MapCalls } from './api/map.ts';
import { MAP_VIEW_CALLS, type MapViewCalls } from './api/map-views.ts';
import { MEASURE_DETAIL_CALLS, type MeasureDetailCalls } from './api/measure-detail.ts';
import { MEASURES_CALLS, type MeasuresCalls } from './api/measures.ts';
import { MODELS_CALLS, type ModelsCalls } from './api/models.ts';
import { QUALITY_CALLS, type QualityCalls } from './api/quality.ts';
import { WORKSPACE_CALLS, type WorkspaceCalls, type WorkspaceInfo } from './api/workspace.ts';
import type { FileRef } from './api/import.ts';

export * from './api/analysis.ts';
export * from './api/calls.ts';
export * from './api/chart-values.ts';
export * from './api/control-charts.ts';
export * from './api/exports.ts';
export * from './api/filters.ts';
export * from './api/import.ts';
export * from './api/jobs.ts';
export * from './api/map.ts';
export * from './api/map-views.ts';
export * from './api/measure-detail.ts';
export * from './api/measures.ts';
export * from './api/models.ts';
export * from './api/proxy.ts';
export * from './api/quality.ts';
export * from './api/workspace.ts';

export interface GembaApi
  extends
    WorkspaceCalls,
    ImportCalls,
    JobCalls,
    AnalysisCalls,
    QualityCalls,
    MapCalls,
    MapViewCalls,
    MeasuresCalls,
    ControlChartCalls,
    MeasureDetailCalls,
    ModelsCalls,
    ExportCalls,
    ChartValuesCalls {}

export type ApiMethod = keyof GembaApi;

/**
 * Every call with its kind ('job' marks the calls that start a job). `satisfies` makes a call of
 * GembaApi missing here a compile error; each domain's list rejects names that are not its calls.
 */
export const API_CALLS = {
  ...WORKSPACE_CALLS,
  ...IMPORT_CALLS,
  ...JOB_CALLS,
  ...ANALYSIS_CALLS,
  ...QUALITY_CALLS,
  ...MAP_CALLS,
  ...MAP_VIEW_CALLS,
  ...MEASURES_CALLS,
  ...CONTROL_CHART_CALLS,
  ...MEASURE_DETAIL_CALLS,
  ...MODELS_CALLS,
  ...EXPORT_CALLS,
  ...CHART_VALUES_CALLS,
} as const satisfies CallKinds<GembaApi>;

/**
 * And no name in API_CALLS that GembaApi lacks (a domain's calls spread here without its interface
 * in `extends` above): spreads escape `satisfies`' excess-property check, so it is checked here.
 */
type NotInGembaApi = Exclude<keyof typeof API_CALLS, ApiMethod>;
const everyListedCallIsInGembaApi: [NotInGembaApi] extends [never] ? true : { notInGembaApi: NotInGembaApi } = true;
void everyListedCallIsInGembaApi;

/** Every call name, for transports that must validate what arrives over the wire. */
export const API_METHODS = Object.freeze(Object.keys(API_CALLS) as ApiMethod[]);

const METHOD_NAMES: ReadonlySet<string> = new Set(API_METHODS);

/** True for a name of the contract (own calls only: never `constructor`, `toString` or a private helper). */
export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && METHOD_NAMES.has(name);
}

/** True for the calls that start a job (their progress and end arrive as JobEvents). */
export function startsJob(method: ApiMethod): boolean {
  return API_CALLS[method] === 'job';
}

/** What the renderer sees on `window.gemba`: the calls plus the job event stream. */
export interface GembaBridge extends GembaApi {
  onJobEvent(listener: (event: JobEvent) => void): () => void;
  /** Electron only: the local path of a dropped or picked File; undefined in browser mode. */
  pathForFile?(file: { readonly name: string }): string | undefined;
  /** Electron only: what the application menu asks the UI to do (Open workspace…, Import log…). */
  onMenuCommand?(listener: (command: MenuCommand) => void): () => void;
}

/** Sent by the Electron menu after its dialog: the workspace is already opened by the engine. */
export type MenuCommand = { type: 'open-workspace'; workspace: WorkspaceInfo } | { type: 'import-log'; file: FileRef };

export const IPC_CALL_CHANNEL = 'gemba:call';
export const IPC_JOB_EVENT_CHANNEL = 'gemba:job-event';
export const IPC_MENU_CHANNEL = 'gemba:menu';
