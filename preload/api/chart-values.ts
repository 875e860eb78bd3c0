/**
 * A control chart of numbers the caller brings (a column of a CSV, a spreadsheet's subgroups)
 * rather than of a workspace's measure: what `gemba spc --csv` charts, through the contract like
 * every other command.
 */
import type { CallKinds } from './calls.ts';
import type { ChartValues } from './measure-detail.ts';
import type { AppliedTransform, ChartSettings, ChartTransform, ControlChartSeries } from './control-charts.ts';
import type { ChartType } from './measures.ts';

export interface ChartValuesRequest extends ChartSettings {
  values: ChartValues;
  chart: ChartType;
  /** Limits from the first N subgroups of the first phase only. */
  baseline?: number;
  /** Subgroups (0-based) left out of the limits: assignable causes. Still drawn and tested. */
  exclude?: number[];
  /** Subgroups (0-based) where a new phase starts, each with its own limits. */
  phases?: number[];
  transform?: ChartTransform;
}

export interface ChartValuesView {
  /** The charts (two for I-MR, Xbar-R, Xbar-S), each with the number of subgroups its baseline holds. */
  charts: (ControlChartSeries & { baseline: number | null })[];
  transform: AppliedTransform | null;
  /** What was estimated from what, tests that do not apply, clipped limits. */
  notes: string[];
}

export interface ChartValuesCalls {
  controlChartOfValues(request: ChartValuesRequest): Promise<ChartValuesView>;
}

export const CHART_VALUES_CALLS = { controlChartOfValues: 'call' } as const satisfies CallKinds<ChartValuesCalls>;
