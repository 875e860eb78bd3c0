import { InputError } from '../errors.ts';
import type { ChartInput } from '../spc/index.ts';
import { CHART_FAMILY, CHARTS_OF_BLOCK, type ChartId, type MeasureBlock } from './measure-types.ts';
import type { PeriodGrid } from './periods.ts';
import type { UnitValues } from './unit-values.ts';

/**
 * The input of the control-chart engine (main/engine/spc): measured values in subgroups, or
 * counts out of sizes, each point labelled with its period's start date (ISO).
 */
export type { ChartInput };

export interface PeriodChart {
  chart: ChartId;
  input: ChartInput;
  /** Per chart point: its index in the period grid (periods without values have no point, except for throughput where an empty period is a real zero). */
  periods: number[];
}

/** Checks that a chart fits a block's data (a P chart needs counts out of cases, not hours). */
export function checkChart(block: MeasureBlock, chart: ChartId, measureName: string): void {
  const fits = CHARTS_OF_BLOCK[block];
  if (!fits.includes(chart)) {
    throw new InputError(`The ${chart} chart does not fit ${measureName}.`, {
      hint: `Charts for this measure: ${fits.join(', ')}.`,
    });
  }
}

/** One chart point per period: subgroups of values, or counts out of sizes. */
export function periodChartInput(
  block: MeasureBlock,
  units: UnitValues,
  grid: PeriodGrid,
  chart: ChartId,
  measureName: string,
): PeriodChart {
  checkChart(block, chart, measureName);
  const periods = grid.starts.length;
  const n = new Float64Array(periods);
  const sum = new Float64Array(periods);
  for (let k = 0; k < units.value.length; k++) {
    const p = grid.periodOf[k];
    n[p]++;
    sum[p] += units.value[k];
  }
  const points: number[] = [];
  for (let p = 0; p < periods; p++) if (n[p] > 0 || block === 'cases_completed') points.push(p);
  const labels = points.map((p) => grid.labels[p]);
  if (block === 'cases_completed') {
    // Throughput: one value per period, the number of cases completed in it.
    if (CHART_FAMILY[chart] === 'variables')
      return { chart, input: { kind: 'variables', subgroups: points.map((p) => [n[p]]), labels }, periods: points };
    return {
      chart,
      input: { kind: 'attributes', counts: points.map((p) => n[p]), sizes: points.map(() => 1), labels },
      periods: points,
    };
  }
  if (CHART_FAMILY[chart] === 'attributes') {
    // Shares: cases meeting the condition out of completed cases; event counts: events out of cases.
    return {
      chart,
      input: { kind: 'attributes', counts: points.map((p) => sum[p]), sizes: points.map((p) => n[p]), labels },
      periods: points,
    };
  }
  // Values go to their period's subgroup in unit order (case by case): the Xbar, R and S of a
  // subgroup do not depend on the order inside it, and a sort of a million values would cost more
  // than the whole measure.
  const subgroups: number[][] = points.map(() => []);
  const slot = new Int32Array(periods).fill(-1);
  points.forEach((p, k) => (slot[p] = k));
  for (let k = 0; k < units.value.length; k++) subgroups[slot[grid.periodOf[k]]].push(units.value[k]);
  return { chart, input: { kind: 'variables', subgroups, labels }, periods: points };
}

/** One chart point per unit (e.g. I-MR by case), in time order; labels are the units' ISO instants. */
export function unitChartInput(units: UnitValues): { input: ChartInput; units: Int32Array } {
  const order = timeOrder(units.at);
  return {
    input: {
      kind: 'variables',
      subgroups: Array.from(order, (k) => [units.value[k]]),
      labels: Array.from(order, (k) => new Date(units.at[k]).toISOString()),
    },
    units: order,
  };
}

function timeOrder(at: Float64Array): Int32Array {
  const order = new Int32Array(at.length);
  for (let k = 0; k < order.length; k++) order[k] = k;
  return order.sort((a, b) => at[a] - at[b] || a - b);
}
