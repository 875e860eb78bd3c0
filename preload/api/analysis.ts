/**
 * The analyses of the current log: summary figures, directly-follows graph, variants, cases,
 * and the one filter language (LogFilter) every view applies through one case mask.
 */
import type { CallKinds } from './calls.ts';
import type { AttributeType } from './import.ts';
import type { AppliedFix } from './quality.ts';

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

/** contained, intersecting, started, completed keep or drop whole cases; trim keeps only the events completed inside. */
export const TIME_RANGE_MODES = ['contained', 'intersecting', 'started', 'completed', 'trim'] as const;
export type TimeRangeMode = (typeof TIME_RANGE_MODES)[number];
export const ACTIVITIES_MODES = ['any', 'all', 'none'] as const;
export type ActivitiesMode = (typeof ACTIVITIES_MODES)[number];
/** How a follower filter's two events relate on an attribute. */
export const FOLLOWER_RELATIONS = ['same', 'different'] as const;
export type FollowerRelation = (typeof FOLLOWER_RELATIONS)[number];
/** Endpoint trimming: longest = first start activity to last end activity; first = first start activity to the first end activity after it. */
export const ENDPOINT_TRIMS = ['longest', 'first'] as const;
export type EndpointTrim = (typeof ENDPOINT_TRIMS)[number];
/** What a performance filter ranks cases by: case duration (first to last event) or number of events. */
export const CASE_PERFORMANCE_MEASURES = ['duration', 'events'] as const;
export type CasePerformanceMeasure = (typeof CASE_PERFORMANCE_MEASURES)[number];

/**
 * One filter condition on cases; a LogFilter[] is applied in order, like Disco's filter stack:
 * each filter sees the cases (and events) the ones before it kept, which matters for the kinds
 * that rank cases (variantCoverage, performance) and the ones that trim events (timeRange mode
 * trim, endpoints with trim). Every view applies the same list (filteredLog in the engine).
 * Times are ISO 8601; `negate` inverts a condition (keeps the cases it would drop); trimming
 * filters cannot be negated.
 */
export type LogFilter = (
  | {
      kind: 'timeRange';
      /** contained: case starts and ends inside; intersecting: overlaps; started/completed: its first/last event inside. */
      mode: TimeRangeMode;
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
      mode: ActivitiesMode;
    }
  | {
      /**
       * Without `trim`: the case starts with one of `start` (when given) and ends with one of `end`
       * (when given). With `trim`: each case is cut to the stretch from a `start` activity to an
       * `end` activity (see ENDPOINT_TRIMS); cases without such a stretch are dropped.
       */
      kind: 'endpoints';
      start?: string[];
      end?: string[];
      trim?: EndpointTrim;
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
      /** At least this long between the two events. */
      minSeconds?: number;
      /**
       * The two events must have the same (or a different) value of this event attribute;
       * 'resource' means the resource column (different resources: a handover of work).
       */
      attributeRelation?: { attribute: string; relation: FollowerRelation };
    }
  | {
      /**
       * The most frequent variants of the cases kept so far: the top `topVariants`, and/or the
       * fewest that together hold `coverage` (0..1) of those cases. Variants as frequent as the
       * last one kept are kept too, so ties at the threshold are never split.
       */
      kind: 'variantCoverage';
      topVariants?: number;
      coverage?: number;
    }
  | {
      /**
       * Cases whose measure lies between two percentiles (0..100, linear interpolation) of the
       * cases kept so far, e.g. 90..100 for the slowest tenth; cases equal to a bound are kept.
       */
      kind: 'performance';
      measure: CasePerformanceMeasure;
      fromPercentile?: number;
      toPercentile?: number;
    }
  | {
      /** The cases with these ids: the cases behind a control-chart point, a selection. Ids the log lacks are ignored. */
      kind: 'cases';
      caseIds: string[];
      /** What the cases are, for the chip's text (e.g. "Cycle time, week of 2024-03-04"). */
      label?: string;
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

export interface AnalysisCalls {
  /** The summary figures of the log, of the cases the filters keep when given. */
  statistics(workspace: string, filters?: LogFilter[]): Promise<LogStatistics>;
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
} as const satisfies CallKinds<AnalysisCalls>;
