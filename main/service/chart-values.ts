import type { ChartValuesRequest, ChartValuesView } from '../../preload/api.ts';
import { controlCharts } from '../engine/spc/index.ts';

/** A control chart of the caller's own numbers (`gemba spc --csv`): the SPC engine as it is, no workspace. */
export function controlChartOfValues(request: ChartValuesRequest): ChartValuesView {
  const { values, ...options } = request;
  return controlCharts(values, options);
}
