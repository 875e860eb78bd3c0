/**
 * The one filter language of every view and command: a LogFilter[] combined with AND, turned into
 * one case mask by the service; the working calendar durations can be measured in; and what the
 * filter editor offers for a log.
 */
import type { AttributeType } from './import.ts';

export type AttributeValue = string | number | boolean | null;

/** What the filter editor offers for a log. */
export interface FilterOptions {
  activities: string[];
  timeRange: [string, string] | null;
  caseAttributes: { name: string; type: AttributeType; values: string[] }[];
  eventAttributes: { name: string; type: AttributeType; values: string[] }[];
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
