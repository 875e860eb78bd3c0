/** The process map: the directly-follows graph after filters and sliders, laid out, and its drill-downs. */
import type { CallKinds } from './calls.ts';
import type { DurationSummary, LogBasis, ProcessGraph } from './analysis.ts';
import type { LogFilter, WorkingCalendar } from './filters.ts';

/** Frequency view: counts; performance view: durations. */
export const MAP_VIEWS = ['frequency', 'performance'] as const;
export type MapView = (typeof MAP_VIEWS)[number];
/** absolute: events/transitions; case: cases through it; maxRepetitions: most times within one case. */
export const FREQUENCY_MEASURES = ['absolute', 'case', 'maxRepetitions'] as const;
export type FrequencyMeasure = (typeof FREQUENCY_MEASURES)[number];
export const PERFORMANCE_MEASURES = ['mean', 'median', 'max', 'total'] as const;
export type PerformanceMeasure = (typeof PERFORMANCE_MEASURES)[number];

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

export interface MapCalls {
  /** The process map after filters and sliders, laid out as SVG. */
  processMap(workspace: string, request: ProcessMapRequest): Promise<ProcessMap>;
  /** The cases and durations behind one activity or path of the map. */
  mapSelection(workspace: string, request: MapSelectionRequest): Promise<MapSelectionDetail>;
}

export const MAP_CALLS = {
  processMap: 'call',
  mapSelection: 'call',
} as const satisfies CallKinds<MapCalls>;
