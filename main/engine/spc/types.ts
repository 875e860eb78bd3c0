/**
 * The SPC engine's contract: subgroups in, charts out. Pure numbers, no event-log knowledge; the
 * measures engine (main/engine/measures) turns a log into subgroups and the UI draws the charts.
 */
import type {
  AppliedTransform,
  ChartSettings,
  ChartTransform,
  ChartType,
  ControlChartSeries,
} from '../../../preload/api.ts';

/** What to chart. Variables: one array of values per subgroup (all of length 1 → I-MR). Attributes:
 * per subgroup the count (defectives for P/NP, defects for C/U) and its size (n, or units for U). */
export type ChartInput =
  | { kind: 'variables'; subgroups: number[][]; labels: string[] }
  | { kind: 'attributes'; counts: number[]; sizes: number[]; labels: string[] };

/** Chart types, tests, transforms, chart names and signals: the contract's words, one definition. */
export { CHART_TRANSFORMS, CHART_TYPES } from '../../../preload/api.ts';
export type {
  AppliedTransform,
  ChartName,
  ChartTransform,
  ChartType,
  RuleSelection,
  ChartSignal as Signal,
} from '../../../preload/api.ts';

export interface ChartOptions extends ChartSettings {
  chart: ChartType;
  /** Limits from N subgroups only (of the first phase, from `baselineStart` on), applied to every other point. */
  baseline?: number;
  /** First subgroup of the baseline (default 0): a baseline of dates may start after the first point. */
  baselineStart?: number;
  /** Subgroup indices (0-based) left out of the limit calculation: assignable causes. Still plotted and tested. */
  exclude?: number[];
  /** Subgroup indices where a new phase starts (after a process change); each phase gets its own limits. */
  phases?: number[];
  /** Chart measured values on the log or fitted Box-Cox scale (heavy-tailed durations); default 'none'. */
  transform?: ChartTransform;
}

/** One chart as the engine draws it: the contract's series, plus the size of the baseline. */
export interface ControlChart extends ControlChartSeries {
  /** With a baseline: the number of subgroups the first phase's limits come from (their limits
   * hold for every other point of the phase). Null when every subgroup of a phase counts. */
  baseline: number | null;
}

export interface ControlChartResult {
  charts: ControlChart[];
  /** The scale the points, limits and estimates are on; null when the values are charted as they are. */
  transform: AppliedTransform | null;
  /** Plain-words remarks: what was estimated from what, tests that do not apply, clipped limits. */
  notes: string[];
}
