/**
 * Views drawn with the process map's machinery: the handover of work between resources, the
 * replay of the log on the map (animation), and two segments of the log compared.
 */
import type { CallKinds } from './calls.ts';
import type { LogBasis } from './analysis.ts';
import type { LogFilter } from './filters.ts';
import type { ProcessMap, ProcessMapRequest } from './map.ts';

/**
 * What a replay needs to move one token per case along the map: each kept case's events on the
 * shown activities, in columns (no object per event), times in seconds after `startMs`.
 * The events of case k are `caseOffsets[k] .. caseOffsets[k + 1] - 1` of `activity` and `time`.
 */
export interface ReplayPaths {
  basis?: LogBasis;
  /** Names the codes of `activity` refer to (the shown activities, in the order asked). */
  activities: string[];
  /** Length cases + 1. */
  caseOffsets: number[];
  /** Per event: index into `activities`. */
  activity: number[];
  /** Per event: seconds after startMs (whole seconds; a replay cannot show less). */
  time: number[];
  /** Earliest and latest event of the replayed cases, epoch ms UTC. */
  startMs: number;
  endMs: number;
  /** Cases replayed (kept by the filters, with at least one event on a shown activity). */
  cases: number;
}

export interface ReplayRequest {
  /** The activities on the map; events of others are skipped (as the map skips them). */
  activities: string[];
  filters?: LogFilter[];
}

/** One segment of a comparison: a name for people and the filters that select its cases. */
export interface Segment {
  label: string;
  filters: LogFilter[];
}

export interface SegmentComparisonRequest {
  a: Segment;
  b: Segment;
  /** Filters in force for both (the view's chips). */
  filters?: LogFilter[];
}

/**
 * One activity or path in either segment: counts, and the share of the segment's cases that pass
 * through it. `shareDifference` = shareB - shareA (segments of different sizes compare by share).
 */
export interface SegmentElement {
  kind: 'activity' | 'path';
  /** For an activity, from = to = the activity. Paths include ▶ start and ■ end. */
  from: string;
  to: string;
  countA: number;
  countB: number;
  casesA: number;
  casesB: number;
  shareA: number;
  shareB: number;
  shareDifference: number;
}

export interface SegmentComparison {
  basis?: LogBasis;
  labelA: string;
  labelB: string;
  casesA: number;
  casesB: number;
  /** Every activity and path of either segment, the largest absolute share difference first. */
  elements: SegmentElement[];
  /** The two maps side by side, each coloured by the share difference (see map-views.ts). */
  mapA: ProcessMap;
  mapB: ProcessMap;
}

export interface SegmentMapRequest extends SegmentComparisonRequest {
  /** Sliders and view of both maps. */
  map: ProcessMapRequest;
}

export interface MapViewCalls {
  /** Handover of work: resource → resource when one resource's event is directly followed by another's in a case; same sliders as the process map. */
  handoverMap(workspace: string, request: ProcessMapRequest): Promise<ProcessMap>;
  /** Each kept case's path over the shown activities, for the animation. */
  replayPaths(workspace: string, request: ReplayRequest): Promise<ReplayPaths>;
  /** Two segments' maps and their differences. */
  compareSegments(workspace: string, request: SegmentMapRequest): Promise<SegmentComparison>;
}

export const MAP_VIEW_CALLS = {
  handoverMap: 'call',
  replayPaths: 'call',
  compareSegments: 'call',
} as const satisfies CallKinds<MapViewCalls>;
