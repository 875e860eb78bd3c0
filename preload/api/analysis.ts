/**
 * The analyses of the current log: summary figures, directly-follows graph, variants, cases and
 * statistics tables, each over the cases the filters (filters.ts) keep.
 */
import type { CallKinds } from './calls.ts';
import type { AppliedFix } from './quality.ts';
import type { AttributeValue, FilterOptions, LogFilter, WorkingCalendar } from './filters.ts';

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
   * Events per bin from the first to the last event, zero-filled; `day` is the bin's first day in
   * `eventsTimeZone` (the display time zone asked for; UTC by default). A bin is one day, or seven
   * (a week) for logs spanning more than ten years: see `eventsBinDays`.
   */
  eventsPerDay: { day: string; count: number }[];
  eventsBinDays: 1 | 7;
  /** The IANA zone whose calendar days `eventsPerDay` counts. */
  eventsTimeZone?: string;
  caseDurationSeconds: { mean: number; median: number; min: number; max: number } | null;
}

export interface DirectlyFollowsGraph {
  nodes: { activity: string; count: number }[];
  /**
   * `medianSeconds` is null where it was not computed (a process map whose view shows no median):
   * the engine holds NaN, which IPC keeps and JSON turns into null, so consumers handle both.
   */
  edges: { from: string; to: string; count: number; meanSeconds: number; medianSeconds: number | null }[];
}

/** Durations of a set of intervals; seconds, wall clock or working time per the calendar. */
export interface DurationSummary {
  meanSeconds: number;
  /** Null (NaN inside the engine) where not computed: see DirectlyFollowsGraph.edges. */
  medianSeconds: number | null;
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

/** What `directlyFollows` computes on: the cases the filters keep, durations per the calendar. */
export interface DirectlyFollowsRequest {
  filters?: LogFilter[];
  /** Durations in working time; null or absent for wall-clock time. */
  calendar?: WorkingCalendar | null;
}

/** The full directly-follows graph with its statistics and the data it was computed on. */
export interface DirectlyFollowsResult extends ProcessGraph {
  basis?: LogBasis;
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

export interface Variant {
  activities: string[];
  count: number;
}

export const CASE_SORTS = ['id', 'events', 'start', 'end', 'duration'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

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
  /** Rank of the case's variant in the whole log (VariantInfo.rank, #1 the most frequent). */
  variant: number;
  /** The case attributes it has (missing ones left out). */
  attributes: Record<string, AttributeValue>;
  events: number;
  start: string;
  end: string;
  durationSeconds: number;
}

export interface CasePage {
  total: number;
  rows: CaseRow[];
}

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

/*
 * Statistics tables: per activity, resource or attribute value, how often and how long (see
 * main/engine/analysis/statistics-table.ts for what a duration is in each table).
 */
/** What a statistics table has one row per (Disco's Statistics tab). */
export const STATISTICS_BY = ['activity', 'resource', 'attribute'] as const;
export type StatisticsBy = (typeof STATISTICS_BY)[number];

/** Durations in seconds; `standardDeviation` is null for fewer than two values. */
export interface DurationStatistics {
  count: number;
  mean: number;
  median: number;
  p90: number;
  p95: number;
  standardDeviation: number | null;
  min: number;
  max: number;
  /** The durations added up: Disco's aggregate duration (e.g. the time a resource spent). */
  total: number;
}

export interface StatisticsRow {
  /** The activity, resource or attribute value (numbers as written, dates as ISO 8601 UTC). */
  value: string;
  /** Events with this value (for case attributes: events of the cases with it). */
  frequency: number;
  /** frequency / all events counted, 0..1. */
  relativeFrequency: number;
  /** Cases in which the value occurs. */
  caseFrequency: number;
  /** caseFrequency / cases, 0..1. */
  caseShare: number;
  /** Null when no duration is known for any of its events. */
  durationSeconds: DurationStatistics | null;
}

export interface StatisticsTable {
  by: StatisticsBy;
  /** The attribute's name for `by: 'attribute'`, else null. */
  attribute: string | null;
  /** Whether that attribute is a case attribute (one value per case) or an event attribute. */
  level: 'event' | 'case';
  cases: number;
  events: number;
  /** Events (case attributes: cases) without a value, which no row counts. */
  withoutValue: number;
  /** What the durations measure, in words. */
  durationMeaning: string;
  /** Most frequent first, ties by value. */
  rows: StatisticsRow[];
  /** Set by the engine service: what data the table was computed on. */
  basis?: LogBasis;
}

export interface StatisticsRequest {
  by: StatisticsBy;
  /** Required for `by: 'attribute'`: a case attribute's name, else an event attribute's. */
  attribute?: string;
  /** Only the cases (and, with trimming filters, events) the filters keep. */
  filters?: LogFilter[];
}

/** Tables a user can export for a spreadsheet. */
export const EXPORT_TABLES = ['cases', 'variants', 'statistics'] as const;
export type ExportTableName = (typeof EXPORT_TABLES)[number];

export interface TableExportRequest {
  table: ExportTableName;
  /** For `statistics`: what the rows are (default activity) and the attribute for `by: 'attribute'`. */
  by?: StatisticsBy;
  attribute?: string;
  filters?: LogFilter[];
  /** The display time zone for the times of the cases table (ISO 8601 with the zone's offset); UTC by default. */
  timeZone?: string;
}

/**
 * CSV for spreadsheets: UTF-8 with a byte order mark, text quoted, and text that a spreadsheet
 * would run as a formula (= + - @, tab, CR at its start) prefixed with an apostrophe (OWASP).
 */
export interface TableExport {
  /** A file name to suggest, e.g. "variants.csv". */
  fileName: string;
  csv: string;
  rows: number;
  basis?: LogBasis;
}

/** Formats of the log export the app offers as a download; `gemba export --log` also writes xes.gz to a path. */
export const LOG_TEXT_FORMATS = ['csv', 'xes'] as const;
export type LogTextFormat = (typeof LOG_TEXT_FORMATS)[number];

/** Larger logs are exported to a file by the command line (`gemba export WS --log …`): the text would not fit a download in one piece. */
export const LOG_TEXT_MAX_EVENTS = 250_000;

export interface LogTextExportRequest {
  format: LogTextFormat;
  /** Only the cases (and, with trimming filters, events) the filters keep. */
  filters?: LogFilter[];
}

/** The log as CSV (XES standard column names) or IEEE 1849 XES, values verbatim, for process-mining tools. */
export interface LogTextExport {
  /** A file name to suggest, e.g. "receipt-filtered.xes". */
  fileName: string;
  text: string;
  cases: number;
  events: number;
  /** What the user should know about the file, in sentences (verbatim values, UTC times, filters). */
  notes: string[];
  basis?: LogBasis;
}

export interface AnalysisCalls {
  /** The summary figures of the log, of the cases the filters keep when given; events per day by the days of `timeZone` (default UTC). */
  statistics(workspace: string, filters?: LogFilter[], timeZone?: string): Promise<LogStatistics>;
  /** Every activity and path of the (filtered) log with counts and durations: what `gemba dfg` prints. */
  directlyFollows(workspace: string, request?: DirectlyFollowsRequest): Promise<DirectlyFollowsResult>;
  variants(workspace: string): Promise<Variant[]>;
  cases(workspace: string, query: CaseQuery): Promise<CasePage>;
  caseDetail(workspace: string, caseIndex: number): Promise<CaseDetail>;
  /** Variants of the filtered log with share and mean duration, most frequent first. */
  variantList(workspace: string, filters?: LogFilter[]): Promise<VariantInfo[]>;
  /** Activities, attributes with their values, and the time range, for building filters. */
  filterOptions(workspace: string): Promise<FilterOptions>;
  /** Disco's statistics tables: frequency, case frequency and duration spread per activity, resource or attribute value. */
  statisticsTable(workspace: string, request: StatisticsRequest): Promise<StatisticsTable>;
  /** The cases, variants or a statistics table as spreadsheet CSV text, for the UI to offer as a download. */
  exportTable(workspace: string, request: TableExportRequest): Promise<TableExport>;
  /** The current log (fixes in force, filters applied) as CSV or XES text to offer as a download, up to LOG_TEXT_MAX_EVENTS events. */
  exportLogText(workspace: string, request: LogTextExportRequest): Promise<LogTextExport>;
}

export const ANALYSIS_CALLS = {
  statistics: 'call',
  directlyFollows: 'call',
  variants: 'call',
  cases: 'call',
  caseDetail: 'call',
  variantList: 'call',
  filterOptions: 'call',
  statisticsTable: 'call',
  exportTable: 'call',
  exportLogText: 'call',
} as const satisfies CallKinds<AnalysisCalls>;
