import type { KpiTrend, MeasureUnit } from '../../../preload/api.ts';
import { formatDuration, formatPercent } from '../../components/format.ts';

/** How a measure's numbers read: durations as "3 h 12 min", shares as percentages, counts plainly. */

const SECONDS: Partial<Record<MeasureUnit, number>> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };

export function isDurationUnit(unit: MeasureUnit): boolean {
  return SECONDS[unit] !== undefined;
}

/** A value in the measure's unit, for tiles, tooltips and tables. */
export function formatMeasure(value: number | null | undefined, unit: MeasureUnit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const seconds = SECONDS[unit];
  if (seconds !== undefined) return formatDuration(value * seconds);
  if (unit === 'share') return formatPercent(value, Math.abs(value) < 0.1 ? 2 : 1);
  return `${significant(value)} ${unit === 'cases' ? (value === 1 ? 'case' : 'cases') : 'per case'}`;
}

const WHOLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const FOUR = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });

/** A plain number for limits and tooltips: four significant digits, whole numbers from 10,000 on. */
export function significant(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return Math.abs(value) >= 10_000 ? WHOLE.format(value) : FOUR.format(value);
}

/** The axis title of a chart of this measure: the unit in words. */
export function unitLabel(unit: MeasureUnit): string {
  if (unit === 'share') return 'share of cases';
  return unit;
}

/** "▲ 1 h 5 min vs. previous week": the last period against the one before. */
export function describeTrend(
  trend: KpiTrend,
  unit: MeasureUnit,
  period: string,
): { arrow: '▲' | '▼' | '■' | ''; text: string } {
  if (trend.change === null || trend.previous === null)
    return { arrow: '', text: `one ${period} with a value: no trend yet` };
  const arrow = trend.change > 0 ? '▲' : trend.change < 0 ? '▼' : '■';
  if (trend.change === 0) return { arrow, text: `unchanged from the previous ${period}` };
  const size =
    unit === 'share'
      ? `${(Math.abs(trend.change) * 100).toFixed(1)} points`
      : formatMeasure(Math.abs(trend.change), unit);
  return { arrow, text: `${trend.change > 0 ? 'up' : 'down'} ${size} from the previous ${period}` };
}
