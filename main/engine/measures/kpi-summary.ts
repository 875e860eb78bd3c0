import { medianInPlace } from '../analysis/median.ts';
import type { MeasureBlock } from './measure-types.ts';
import type { PeriodGrid } from './periods.ts';

/**
 * A measure as a tile shows it: one value over the whole (filtered) log, the per-period series
 * for a sparkline and the trend. Durations are means (with the median beside them), shares and
 * event counts are totals over totals, throughput is the mean number of cases per period.
 */

export interface PeriodValue {
  period: string;
  /** null where the period has no value (no completed case, no event of the activity). */
  value: number | null;
  /** Units in the period (cases, events, resource changes). */
  n: number;
}

export interface KpiTrend {
  last: number | null;
  previous: number | null;
  /** last − previous, in the measure's unit. */
  change: number | null;
  /** Least-squares slope over the periods with a value, per period. */
  slopePerPeriod: number | null;
}

export interface KpiSummary {
  value: number | null;
  /** Median of the unit values, for durations. */
  median: number | null;
  /** Units counted: completed cases, events, resource changes (throughput: completed cases). */
  n: number;
  series: PeriodValue[];
  trend: KpiTrend;
}

/**
 * Summary of the units selected by `keep` (all when null). `values`, `periodOf` are per unit;
 * the grid gives the periods.
 */
export function kpiSummary(block: MeasureBlock, values: Float64Array, periodOf: Int32Array, grid: PeriodGrid, keep: ((k: number) => boolean) | null = null): KpiSummary {
  const periods = grid.starts.length;
  const n = new Float64Array(periods);
  const sum = new Float64Array(periods);
  let total = 0;
  let count = 0;
  const durations = isDuration(block);
  const kept = durations ? new Float64Array(values.length) : null;
  for (let k = 0; k < values.length; k++) {
    if (keep && !keep(k)) continue;
    n[periodOf[k]]++;
    sum[periodOf[k]] += values[k];
    total += values[k];
    if (kept) kept[count] = values[k];
    count++;
  }
  const throughput = block === 'cases_completed';
  const series: PeriodValue[] = grid.labels.map((period, p) => ({ period, value: throughput ? n[p] : n[p] > 0 ? sum[p] / n[p] : null, n: n[p] }));
  let value: number | null;
  if (throughput) value = periods > 0 ? count / periods : null;
  else value = count > 0 ? total / count : null;
  return {
    value,
    median: kept && count > 0 ? medianInPlace(kept, 0, count) : null,
    n: count,
    series,
    trend: trend(series),
  };
}

function isDuration(block: MeasureBlock): boolean {
  return block === 'case_duration' || block === 'waiting_time' || block === 'handoff_latency';
}

export function trend(series: readonly PeriodValue[]): KpiTrend {
  const points = series.map((s, x) => [x, s.value] as const).filter((p): p is readonly [number, number] => p[1] !== null);
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
