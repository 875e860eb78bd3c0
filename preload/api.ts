/**
 * The one contract between the UI and the engine.
 *
 * Electron IPC (main/app), the local browser host (main/host) and the CLI (main/cli) all route
 * these calls to the same engine functions. Every argument and result is plain JSON so it can
 * cross any of the three transports unchanged. Add a call here first; the compiler then points
 * at every transport that must learn it.
 */

/** A file the user chose: a local path (Electron, CLI) or bytes uploaded to the local host. */
export type FileRef =
  | { kind: 'path'; path: string }
  | { kind: 'upload'; uploadId: string; name: string };

export type AttributeType = 'string' | 'number' | 'date' | 'boolean';

/** How the columns of a CSV become an event log. Names are header names. */
export interface ColumnMapping {
  case: string;
  activity: string;
  timestamp: string;
  resource?: string | null;
  startTimestamp?: string | null;
  /** Identifier of a timestamp format from the inference (see TimestampFormatGuess.id). */
  timestampFormat?: string | null;
  /** IANA zone applied to timestamps that carry no offset. Defaults to the machine's zone. */
  timezone?: string | null;
  /**
   * Columns kept as attributes with their type; absent means "all other columns, inferred".
   * `numberFormat` (number columns) says how numbers are written; absent means as detected.
   */
  attributes?: { name: string; type: AttributeType; numberFormat?: NumberFormat }[];
}

/**
 * How a column writes its numbers: the decimal mark and the thousands separator ('' for none;
 * ' ' also matches the no-break spaces spreadsheets write). "1.234,5" is { ',', '.' }.
 */
export interface NumberFormat {
  decimal: '.' | ',';
  thousands: '' | ',' | '.' | ' ' | "'";
}

export interface TimestampFormatGuess {
  /** Stable identifier, e.g. 'iso8601', 'ymd-slash', 'dmy-dot', 'mdy-slash', 'epoch-s'. */
  id: string;
  /** What the user sees, e.g. 'DD.MM.YYYY HH:MM'. */
  label: string;
  /** Share of non-empty sampled values this format parses, 0..1. */
  parsedShare: number;
  /** True when values carry an offset or Z; false means the time zone setting applies. */
  hasOffset: boolean;
  /** Why this format was chosen when another reading was possible (e.g. day/month order). */
  note?: string;
}

export interface ColumnProfile {
  name: string;
  index: number;
  inferredType: AttributeType;
  /** Present when the column looks like timestamps. */
  timestampFormat?: TimestampFormatGuess;
  /** Present when every sampled value reads as a number: how they are written. */
  numberFormat?: NumberFormat;
  emptyCount: number;
  distinctCount: number;
  sample: string[];
}

export interface CsvPreview {
  fileName: string;
  fileSize: number;
  encoding: 'utf-8' | 'latin1';
  hasBom: boolean;
  delimiter: string;
  quote: string;
  header: string[];
  /** First rows as text, at most 20. */
  rows: string[][];
  columns: ColumnProfile[];
  suggested: ColumnMapping;
  /** Sentences that explain the guesses (delimiter, encoding, day/month order, …). */
  notes: string[];
}

export interface ImportRequest {
  workspace: string;
  file: FileRef;
  /** CSV only; absent fields are inferred. */
  mapping?: Partial<ColumnMapping>;
  /** Import even when more than 1% of rows are rejected. */
  acceptRejects?: boolean;
  /**
   * Merge lifecycle:transition start/complete pairs into one event with a start time (default
   * true); false keeps every lifecycle event as its own event.
   */
  pairLifecycle?: boolean;
}

export interface RejectedRow {
  line: number;
  reason: string;
}

export interface ImportSummary {
  importId: number;
  format: 'csv' | 'xes';
  cases: number;
  events: number;
  activities: number;
  variants: number;
  /** ISO 8601 UTC; null for an empty log. */
  timeRange: [string, string] | null;
  rejectedRows: number;
  rejectedSample: RejectedRow[];
  mapping: ColumnMapping | null;
  notes: string[];
}

export interface ImportRecord {
  id: number;
  fileName: string;
  fileSize: number;
  sha256: string;
  format: 'csv' | 'xes';
  mapping: ColumnMapping | null;
  cases: number;
  events: number;
  rejectedRows: number;
  importedAt: string;
  user: string;
  appVersion: string;
  current: boolean;
}

export interface WorkspaceInfo {
  path: string;
  name: string;
  current: ImportRecord | null;
}

export interface WorkspaceRef {
  path: string;
  name: string;
  openedAt: string;
}

/**
 * Which data a result was computed on: the import (file and its SHA-256) and the data-quality
 * fixes in force. Results that summarise the log carry it, so every number is traceable.
 */
export interface LogBasis {
  importId: number;
  fileName: string;
  sha256: string;
  fixesInForce: AppliedFix[];
}

export interface LogStatistics {
  /** Set by the engine service; absent when computed directly on an in-memory log. */
  basis?: LogBasis;
  cases: number;
  events: number;
  activities: number;
  variants: number;
  resources: number;
  timeRange: [string, string] | null;
  startActivities: Record<string, number>;
  endActivities: Record<string, number>;
  topActivities: { activity: string; count: number }[];
  /**
   * Events per bin from the first to the last event, zero-filled; `day` is the bin's first UTC
   * day. A bin is one day, or seven (a week) for logs spanning more than ten years: see
   * `eventsBinDays`.
   */
  eventsPerDay: { day: string; count: number }[];
  eventsBinDays: 1 | 7;
  caseDurationSeconds: { mean: number; median: number; min: number; max: number } | null;
}

export interface DirectlyFollowsGraph {
  nodes: { activity: string; count: number }[];
  edges: { from: string; to: string; count: number; meanSeconds: number; medianSeconds: number }[];
}

/** Durations of a set of intervals; seconds, wall clock or working time per the calendar. */
export interface DurationSummary {
  meanSeconds: number;
  medianSeconds: number;
  minSeconds: number;
  maxSeconds: number;
  totalSeconds: number;
}

/** Names of the artificial nodes every case passes through first and last on a process map. */
export const START_NODE = '▶ start';
export const END_NODE = '■ end';

export interface ActivityStatistics {
  activity: string;
  /** Absolute frequency: events of this activity. */
  count: number;
  /** Case frequency: cases with at least one such event. */
  caseCount: number;
  /** Most occurrences within one case. */
  maxRepetitions: number;
  /** Cases that start / end with this activity. */
  startCount: number;
  endCount: number;
  /** Start-to-completion time of its events; null when the log has no start timestamps for it. */
  serviceTime: DurationSummary | null;
}

export interface PathStatistics {
  from: string;
  to: string;
  count: number;
  caseCount: number;
  /** Most times the path is taken within one case. */
  maxRepetitions: number;
  /** Of `count`, the transitions that pass through activities hidden by the activities slider (a map draws the path dashed). */
  throughHidden?: number;
  /** From completion of `from` to start (or, without start times, completion) of `to`. */
  waitingTime: DurationSummary;
}

/**
 * The directly-follows graph with the statistics a process map shows. `nodes` and `edges` are
 * exactly the foundation DirectlyFollowsGraph; `activityStats[i]` describes `nodes[i]` and
 * `pathStats[i]` describes `edges[i]`; the artificial start and end paths are kept apart.
 */
export interface ProcessGraph extends DirectlyFollowsGraph {
  cases: number;
  events: number;
  /** True when durations are working time per a WorkingCalendar. */
  workingTime: boolean;
  activityStats: ActivityStatistics[];
  pathStats: PathStatistics[];
  /** START_NODE → each start activity; count = cases starting there. */
  startPaths: PathStatistics[];
  /** Each end activity → END_NODE. */
  endPaths: PathStatistics[];
}

/** Frequency view: counts; performance view: durations. */
export type MapView = 'frequency' | 'performance';
/** absolute: events/transitions; case: cases through it; maxRepetitions: most times within one case. */
export type FrequencyMeasure = 'absolute' | 'case' | 'maxRepetitions';
export type PerformanceMeasure = 'mean' | 'median' | 'max' | 'total';

export interface ProcessMapRequest {
  /** Activities slider 0..1: share of activities shown, most frequent first. */
  activities: number;
  /** Paths slider 0..1: share of paths shown, most frequent first; connectivity is always kept. */
  paths: number;
  view: MapView;
  frequencyMeasure?: FrequencyMeasure;
  performanceMeasure?: PerformanceMeasure;
  filters?: LogFilter[];
  /** Durations in working time; null or absent for wall-clock time. */
  calendar?: WorkingCalendar | null;
  /** How many paths to mark as bottlenecks (by total waiting time); default 3. */
  bottlenecks?: number;
}

/**
 * A path or an activity ranked by the total time cases spend there, on the filtered log with
 * every activity (not the slider-simplified map, whose projected paths skip hidden activities).
 */
export interface Bottleneck {
  kind: 'path' | 'activity';
  /** For an activity, from = to = the activity. */
  from: string;
  to: string;
  /** Transitions on the path; for an activity, its events with a start time. */
  count: number;
  meanSeconds: number;
  medianSeconds: number;
  totalSeconds: number;
  /** Share of all waiting (paths) or service (activities) time in the filtered log, 0..1. */
  share: number;
  /** With a working calendar (figures above in working time): the same in wall-clock time. */
  wallClock?: { meanSeconds: number; medianSeconds: number; totalSeconds: number; share: number };
}

/**
 * A laid-out process map. In `svg`, `graph.activityStats[i]` is the element with id `act_i`,
 * `graph.pathStats[i]` is `path_i`, `graph.startPaths[i]` is `start_i`, `graph.endPaths[i]` is
 * `end_i`; the artificial nodes are `node_start` and `node_end`; bottleneck paths carry the
 * class `bottleneck`.
 */
export interface ProcessMap {
  /** The import and fixes the map was computed on. */
  basis?: LogBasis;
  svg: string;
  /**
   * The shown graph: activities and paths after both sliders. Its medians are computed only
   * when the view shows them (performance view, median); otherwise they are NaN (null in JSON)
   * and a click gets the element's median from mapSelection.
   */
  graph: ProcessGraph;
  bottlenecks: Bottleneck[];
  /** Activities and paths in the filtered log before the sliders. */
  totalActivities: number;
  totalPaths: number;
  /** Cases in the log before filters. */
  totalCases: number;
  /** True when the paths slider asked for more paths than a map can lay out readably (400). */
  pathsLimited?: boolean;
  /** True when the activities slider asked for more activities than a map can lay out readably (150). */
  activitiesLimited?: boolean;
}

/** A variant with the figures the variants list shows. */
export interface VariantInfo {
  /** 1-based rank in the unfiltered log (most frequent first); kept when filters change. */
  rank: number;
  activities: string[];
  count: number;
  /** Share of the filtered cases, 0..1. */
  share: number;
  meanDurationSeconds: number;
}

/** What a click on the map selects: an activity or a path (from → to). */
export type MapElement = { kind: 'activity'; activity: string } | { kind: 'path'; from: string; to: string };

export interface MapSelectionRequest {
  element: MapElement;
  filters?: LogFilter[];
  calendar?: WorkingCalendar | null;
  /** The activities slider of the map clicked, so paths mean the same as on the map. */
  activities: number;
  /** At most this many cases are listed (all are counted); default 200. */
  caseLimit?: number;
}

export interface MapSelectionDetail {
  element: MapElement;
  /** Cases through the element, and the first `caseLimit` of them by case index. */
  caseCount: number;
  cases: { index: number; id: string }[];
  /** What `durationsSeconds` measures, in the user's words. */
  durationLabel: string;
  /** Durations for the histogram (a regular sample when there are more than 20,000). */
  durationsSeconds: number[];
  /** In working time when a calendar was given. */
  durationSummary: DurationSummary | null;
  /** With a calendar: the same durations in wall-clock time, so both figures can be shown. */
  wallClockSummary?: DurationSummary | null;
}

/** What the filter editor offers for a log. */
export interface FilterOptions {
  activities: string[];
  timeRange: [string, string] | null;
  caseAttributes: { name: string; type: AttributeType; values: string[] }[];
  eventAttributes: { name: string; type: AttributeType; values: string[] }[];
}

export interface Variant {
  activities: string[];
  count: number;
}

/**
 * One filter condition on cases; a LogFilter[] is combined with AND. Every view (map, variants,
 * tables, KPIs, charts) applies the same list through one case mask. Times are ISO 8601;
 * `negate` inverts a condition (keeps the cases it would drop).
 */
export type LogFilter = (
  | {
      kind: 'timeRange';
      /** contained: case starts and ends inside; intersecting: overlaps; started/completed: its first/last event inside. */
      mode: 'contained' | 'intersecting' | 'started' | 'completed';
      from: string;
      to: string;
    }
  | {
      /** Case attribute equals one of `values`, or (numbers and dates) lies in [min, max]. */
      kind: 'caseAttribute';
      attribute: string;
      values?: AttributeValue[];
      min?: number | string;
      max?: number | string;
    }
  | {
      /** At least one event of the case has the attribute in `values` or [min, max]. 'resource' means the resource column. */
      kind: 'eventAttribute';
      attribute: string;
      values?: AttributeValue[];
      min?: number | string;
      max?: number | string;
    }
  | {
      /** any: at least one of the activities occurs; all: every one occurs; none: none occurs. */
      kind: 'activities';
      activities: string[];
      mode: 'any' | 'all' | 'none';
    }
  | {
      /** The case starts with one of `start` (when given) and ends with one of `end` (when given). */
      kind: 'endpoints';
      start?: string[];
      end?: string[];
    }
  | {
      /** The case's activity sequence equals one of `variants`. */
      kind: 'variants';
      variants: string[][];
      /** Their ranks in the unfiltered log (VariantInfo.rank), for the chip's text only. */
      ranks?: number[];
    }
  | {
      /** Case duration (first to last event) in [minSeconds, maxSeconds]; a missing bound is open. */
      kind: 'caseDuration';
      minSeconds?: number;
      maxSeconds?: number;
    }
  | {
      /** Some `from` event is eventually (or, with `directly`, immediately) followed by a `to` event, optionally within `withinSeconds`. */
      kind: 'follower';
      from: string;
      to: string;
      directly?: boolean;
      withinSeconds?: number;
    }
) & { negate?: boolean };

export type LogFilterKind = LogFilter['kind'];

/**
 * Working hours for durations: only time inside working hours on working days counts.
 * Off by default; when given, both calendar and wall-clock figures can be asked for.
 */
export interface WorkingCalendar {
  /** Working weekdays, 0 = Sunday … 6 = Saturday. */
  weekdays: number[];
  /** Start and end of the working day in hours, local time, e.g. 8.5 and 17. */
  startHour: number;
  endHour: number;
  /** Non-working dates, 'YYYY-MM-DD' in local time. */
  holidays: string[];
  /** IANA zone the hours and holidays are in; default UTC. The map view fills in the machine's zone (Environment.timezone). */
  timezone?: string;
}

export type CaseSort = 'id' | 'events' | 'start' | 'end' | 'duration';

export interface CaseQuery {
  offset: number;
  limit: number;
  sort?: CaseSort;
  descending?: boolean;
  /** Case id substring, case-insensitive. */
  search?: string;
  /** Only cases the filters keep (the same filters as the map and variants). */
  filters?: LogFilter[];
}

export interface CaseRow {
  index: number;
  id: string;
  events: number;
  start: string;
  end: string;
  durationSeconds: number;
}

export interface CasePage {
  total: number;
  rows: CaseRow[];
}

export type AttributeValue = string | number | boolean | null;

export interface CaseEvent {
  activity: string;
  timestamp: string;
  startTimestamp: string | null;
  resource: string | null;
  sourceRow: number;
  attributes: Record<string, AttributeValue>;
}

export interface CaseDetail {
  index: number;
  id: string;
  attributes: Record<string, AttributeValue>;
  events: CaseEvent[];
}

export interface Environment {
  /** Where the engine runs: the desktop app, the local browser host, or the `gemba` command line. */
  mode: 'electron' | 'browser' | 'cli';
  appVersion: string;
  timezone: string;
  defaultWorkspaceDir: string;
}

/** An error a user can act on. `kind: 'input'` is bad input; 'internal' is our fault. */
export interface UserFacingError {
  kind: 'input' | 'internal' | 'cancelled';
  message: string;
  file?: string;
  line?: number;
  column?: number;
  hint?: string;
}

export type JobEvent =
  /**
   * `unit` says what done/total count: in the 'reading' phase bytes of the input file (compressed
   * bytes for .gz), in 'checking' and 'saving' steps.
   */
  | { type: 'progress'; jobId: string; phase: string; done: number; total: number; unit: 'bytes' | 'steps' }
  | { type: 'done'; jobId: string; result: ImportSummary }
  | { type: 'failed'; jobId: string; error: UserFacingError }
  | { type: 'cancelled'; jobId: string };

// ---- Data quality (issue 4) ----

export type QualitySeverity = 'error' | 'warning' | 'info';

export type QualityCheckKind =
  | 'missing_values'
  | 'duplicate_events'
  | 'inconsistent_labels'
  | 'unparseable_timestamps'
  | 'future_timestamps'
  | 'old_timestamps'
  | 'coarse_timestamps'
  | 'many_ties'
  | 'order_conflicts'
  | 'incomplete_cases'
  | 'missing_handoffs'
  | 'delayed_ingestion'
  | 'schema_drift'
  | 'outlier_durations';

/** One row, event or case a check points at; `line` is the source row (CSV line / XES ordinal). */
export interface QualityExample {
  caseId?: string;
  caseIndex?: number;
  line?: number;
  detail: string;
}

/**
 * A fix is a serializable descriptor, applied to the raw import each time the log is loaded;
 * the raw import itself is never changed.
 */
export type QualityFix =
  | { kind: 'merge_labels'; description: string; params: { map: Record<string, string> } }
  | { kind: 'drop_duplicates'; description: string; params: Record<string, never> }
  | {
      kind: 'drop_incomplete_cases';
      description: string;
      /** A case is kept when it starts with one of `startActivities` and ends with one of
       *  `endActivities`; with `keepRunning`, a case with a usual start whose last event is at or
       *  after `runningAfter` (ISO) is kept as still running. */
      params: { startActivities: string[]; endActivities: string[]; keepRunning: boolean; runningAfter: string | null };
    }
  | {
      kind: 'set_timezone';
      description: string;
      /** Naive timestamps were read as wall-clock time in `fromZone`; read them in `toZone` instead.
       *  Zones are IANA names, 'UTC', or fixed offsets like '+02:00'. */
      params: { fromZone: string; toZone: string };
    }
  | {
      kind: 'exclude_bad_timestamps';
      description: string;
      /** Events before `notBefore` or after `notAfter` (ISO; null = no bound) are excluded. */
      params: { notBefore: string | null; notAfter: string | null };
    };

export type QualityFixKind = QualityFix['kind'];

export interface QualityCheck {
  kind: QualityCheckKind;
  title: string;
  severity: QualitySeverity;
  /** False when the log has nothing this check can look at (e.g. no second import to compare). */
  applicable: boolean;
  count: number;
  /** What the count counts, in the user's words ("events", "cases", "labels", …). */
  unit: string;
  explanation: string;
  examples: QualityExample[];
  /** Per-column or per-label figures where a check has them. */
  breakdown?: { label: string; count: number; detail?: string }[];
  fix: QualityFix | null;
}

/** A fix recorded in the workspace's audit of fixes, in the order it is applied. */
export interface AppliedFix {
  id: number;
  fix: QualityFix;
  appliedAt: string;
  user: string;
}

export interface QualityReport {
  /** Traffic light: red when any check is an error, amber when any is a warning, else green. */
  health: 'green' | 'amber' | 'red';
  summary: { errors: number; warnings: number; infos: number };
  events: number;
  cases: number;
  checks: QualityCheck[];
  /** Fixes applied to the log the checks ran on, oldest first. */
  fixesInForce: AppliedFix[];
  /** Zone timestamps without an offset are now read in: the last time-zone fix's target, else the import's zone; null when unknown (XES). A new time-zone fix starts from it. */
  naiveTimeZone: string | null;
  computedMs: number;
}

export interface GembaApi {
  environment(): Promise<Environment>;

  recentWorkspaces(): Promise<WorkspaceRef[]>;
  createWorkspace(path: string): Promise<WorkspaceInfo>;
  openWorkspace(path: string): Promise<WorkspaceInfo>;
  importHistory(workspace: string): Promise<ImportRecord[]>;
  restoreImport(workspace: string, importId: number): Promise<WorkspaceInfo>;

  previewCsv(file: FileRef): Promise<CsvPreview>;
  startImport(request: ImportRequest): Promise<{ jobId: string }>;
  cancelJob(jobId: string): Promise<void>;
  /** The latest event of every job running now or ended in the last hour, newest first: lets a reloaded UI re-attach. */
  jobs(): Promise<JobEvent[]>;
  /** Rows an import set aside, with line and reason, in file order (at most `limit`, default 1000). */
  rejectedRows(workspace: string, importId: number, limit?: number): Promise<RejectedRow[]>;

  /** The summary figures of the log, of the cases the filters keep when given. */
  statistics(workspace: string, filters?: LogFilter[]): Promise<LogStatistics>;
  directlyFollows(workspace: string): Promise<DirectlyFollowsGraph>;
  variants(workspace: string): Promise<Variant[]>;
  cases(workspace: string, query: CaseQuery): Promise<CasePage>;
  caseDetail(workspace: string, caseIndex: number): Promise<CaseDetail>;

  qualityReport(workspace: string): Promise<QualityReport>;
  /** Records a fix and returns the fixes now in force. */
  applyFix(workspace: string, fix: QualityFix): Promise<AppliedFix[]>;
  /** Removes a recorded fix and returns the fixes now in force. */
  undoFix(workspace: string, fixId: number): Promise<AppliedFix[]>;

  /** The process map after filters and sliders, laid out as SVG. */
  processMap(workspace: string, request: ProcessMapRequest): Promise<ProcessMap>;
  /** Variants of the filtered log with share and mean duration, most frequent first. */
  variantList(workspace: string, filters?: LogFilter[]): Promise<VariantInfo[]>;
  /** The cases and durations behind one activity or path of the map. */
  mapSelection(workspace: string, request: MapSelectionRequest): Promise<MapSelectionDetail>;
  /** Activities, attributes with their values, and the time range, for building filters. */
  filterOptions(workspace: string): Promise<FilterOptions>;
}

export type ApiMethod = keyof GembaApi;

/** Every call name, for transports that must validate what arrives over the wire. */
export const API_METHODS: readonly ApiMethod[] = [
  'environment',
  'recentWorkspaces',
  'createWorkspace',
  'openWorkspace',
  'importHistory',
  'restoreImport',
  'previewCsv',
  'startImport',
  'cancelJob',
  'jobs',
  'rejectedRows',
  'statistics',
  'directlyFollows',
  'variants',
  'cases',
  'caseDetail',
  'qualityReport',
  'applyFix',
  'undoFix',
  'processMap',
  'variantList',
  'mapSelection',
  'filterOptions',
] as const;

/** What the renderer sees on `window.gemba`: the calls plus the job event stream. */
export interface GembaBridge extends GembaApi {
  onJobEvent(listener: (event: JobEvent) => void): () => void;
  /** Electron only: the local path of a dropped or picked File; undefined in browser mode. */
  pathForFile?(file: { readonly name: string }): string | undefined;
  /** Electron only: what the application menu asks the UI to do (Open workspace…, Import log…). */
  onMenuCommand?(listener: (command: MenuCommand) => void): () => void;
}

/** Sent by the Electron menu after its dialog: the workspace is already opened by the engine. */
export type MenuCommand =
  | { type: 'open-workspace'; workspace: WorkspaceInfo }
  | { type: 'import-log'; file: FileRef };

export const IPC_CALL_CHANNEL = 'gemba:call';
export const IPC_JOB_EVENT_CHANNEL = 'gemba:job-event';
export const IPC_MENU_CHANNEL = 'gemba:menu';
