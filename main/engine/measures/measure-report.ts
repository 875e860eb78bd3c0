import type { ChartInput } from '../spc/index.ts';
import { unitChartInput } from './chart-input.ts';
import type { MeasureResult } from './compute-measure.ts';
import type { ChartId } from './measure-types.ts';

/**
 * A measure result as plain JSON for a transport (CLI, the app's contract): everything but the
 * typed arrays, which become a list of values with their case ids only when asked for (a million
 * of them are tens of MB of JSON).
 */
export type MeasureReport = Omit<MeasureResult, 'units' | 'periodOfUnit' | 'unitChart'> & {
  unitChart: ChartId | null;
  units?: { case: string; value: number; at: string; period: string }[];
  unitChartInput?: ChartInput | null;
};

export function measureReport(
  result: MeasureResult,
  caseIds: readonly string[],
  options: { units?: boolean } = {},
): MeasureReport {
  const { units, periodOfUnit, ...rest } = result;
  if (!options.units) return rest;
  return {
    ...rest,
    units: Array.from(units.value, (value, k) => ({
      case: caseIds[units.caseIndex[k]],
      value,
      at: new Date(units.at[k]).toISOString(),
      period: result.summary.series[periodOfUnit[k]].period,
    })),
    unitChartInput: result.unitChart ? unitChartInput(units).input : null,
  };
}
