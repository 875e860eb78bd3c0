import type { KpiFigures, KpiPeriodValue, KpiTrend } from '../../../preload/api.ts';
import { medianInPlace } from '../analysis/index.ts';
import type { MeasureBlock } from './measure-types.ts';
import type { PeriodGrid } from './periods.ts';

/**
 * A measure as a tile shows it: one value over the whole (filtered) log, the per-period series
 * for a sparkline and the trend. Durations are means (with the median beside them), shares and
 * event counts are totals over totals, throughput is the mean number of cases per period.
 */

/** A period's value, the trend and the summary: the contract's shapes (a tile is a KpiFigures). */
export type { KpiTrend };
export type PeriodValue = KpiPeriodValue;
export type KpiSummary = KpiFigures;

/** Summary of all the units: `values` and `periodOf` are per unit, the grid gives the periods. */
export function kpiSummary(
  block: MeasureBlock,
  values: Float64Array,
  periodOf: Int32Array,
  grid: PeriodGrid,
): KpiSummary {
  return groupedKpiSummaries(block, values, periodOf, grid, new Int32Array(values.length), 1)[0];
}

/**
 * One summary per group of units (`groupOf[k]` in 0..groups-1; -1 leaves a unit out), in one pass
 * over the units however many groups there are: a split into 50 segments costs one pass, not 50.
 */
export function groupedKpiSummaries(
  block: MeasureBlock,
  values: Float64Array,
  periodOf: Int32Array,
  grid: PeriodGrid,
  groupOf: Int32Array,
  groups: number,
): KpiSummary[] {
  const periods = grid.starts.length;
  const n = new Float64Array(groups * periods);
  const sum = new Float64Array(groups * periods);
  const count = new Float64Array(groups);
  const total = new Float64Array(groups);
  for (let k = 0; k < values.length; k++) {
    const g = groupOf[k];
    if (g < 0) continue;
    const cell = g * periods + periodOf[k];
    n[cell]++;
    sum[cell] += values[k];
    count[g]++;
    total[g] += values[k];
  }
  const medians = isDuration(block) ? groupMedians(values, groupOf, count) : null;
  const throughput = block === 'cases_completed';
  return Array.from({ length: groups }, (_, g) => {
    const at = g * periods;
    const series: PeriodValue[] = grid.labels.map((period, p) => {
      const units = n[at + p];
      return { period, value: throughput ? units : units > 0 ? sum[at + p] / units : null, n: units };
    });
    let value: number | null;
    if (throughput) value = periods > 0 ? count[g] / periods : null;
    else value = count[g] > 0 ? total[g] / count[g] : null;
    return { value, median: medians ? medians[g] : null, n: count[g], series, trend: trend(series) };
  });
}

/** Median of each group's values: the values laid out group by group (a counting sort), then selected in place. */
function groupMedians(values: Float64Array, groupOf: Int32Array, count: Float64Array): (number | null)[] {
  const start = new Float64Array(count.length + 1);
  for (let g = 0; g < count.length; g++) start[g + 1] = start[g] + count[g];
  const next = start.slice(0, count.length);
  const laid = new Float64Array(start[count.length]);
  for (let k = 0; k < values.length; k++) if (groupOf[k] >= 0) laid[next[groupOf[k]]++] = values[k];
  return Array.from(count, (c, g) => (c > 0 ? medianInPlace(laid, start[g], start[g + 1]) : null));
}

function isDuration(block: MeasureBlock): boolean {
  return block === 'case_duration' || block === 'waiting_time' || block === 'handoff_latency';
}

export function trend(series: readonly PeriodValue[]): KpiTrend {
  const points = series
    .map((s, x) => [x, s.value] as const)
    .filter((p): p is readonly [number, number] => p[1] !== null);
  const last = points.length ? points[points.length - 1][1] : null;
  const previous = points.length > 1 ? points[points.length - 2][1] : null;
  let slope: number | null = null;
  if (points.length > 1) {
    const mx = points.reduce((s, p) => s + p[0], 0) / points.length;
    const my = points.reduce((s, p) => s + p[1], 0) / points.length;
    let sxy = 0;
    let sxx = 0;
    for (const [x, y] of points) {
      sxy += (x - mx) * (y - my);
      sxx += (x - mx) ** 2;
    }
    slope = sxy / sxx;
  }
  return { last, previous, change: last !== null && previous !== null ? last - previous : null, slopePerPeriod: slope };
}
