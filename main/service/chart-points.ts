import type { ChartPoint, ControlChartRequest } from '../../preload/api.ts';
import type { EventLog } from '../engine/eventlog/index.ts';
import { InputError } from '../engine/errors.ts';
import { wallClockResolver } from '../engine/import/timestamps/index.ts';
import { nextPeriodStart, type MeasureResult } from '../engine/measures/index.ts';

/**
 * What each point of a control chart stands for — a period (or, by unit, one case's value) — and
 * the way back from a point to its cases: the instants the period spans in the user's zone, the
 * number of distinct cases behind it, and their indices when the user clicks it.
 */

const DAY_MS = 86_400_000;

/** Per point: the period-grid index (by period) or the unit index (by unit). */
export type PointSource = { byUnit: false; periods: readonly number[] } | { byUnit: true; units: Int32Array };

export function chartPoints(log: EventLog, result: MeasureResult, source: PointSource): ChartPoint[] {
  if (source.byUnit) {
    return Array.from(source.units, (k) => {
      const at = new Date(result.units.at[k]).toISOString();
      return { label: at, from: at, to: at, cases: 1, caseId: log.caseIds[result.units.caseIndex[k]] };
    });
  }
  const startOf = periodStartInstant(result.timeZone);
  const distinct = distinctCasesPerPeriod(result, log.caseCount);
  const partial = new Map(result.partialPeriods.map((q) => [q.index, q.covered]));
  return source.periods.map((p) => {
    const label = result.summary.series[p].period;
    const day = Date.parse(`${label}T00:00:00Z`) / DAY_MS;
    const covered = partial.get(p);
    return {
      label,
      from: new Date(startOf(day)).toISOString(),
      to: new Date(startOf(nextPeriodStart(result.period, day))).toISOString(),
      cases: distinct[p],
      ...(covered !== undefined ? { covered } : {}),
    };
  });
}

/** The instant a local day (days since 1970-01-01) begins in `timeZone`. */
function periodStartInstant(timeZone: string): (day: number) => number {
  const resolve = timeZone === 'UTC' ? (wall: number) => wall : wallClockResolver(timeZone);
  return (day) => resolve(day * DAY_MS);
}

/** Distinct cases per period: a waiting-time chart has several events of one case in a week. */
function distinctCasesPerPeriod(result: MeasureResult, caseCount: number): Int32Array {
  const periods = result.summary.series.length;
  const out = new Int32Array(periods);
  // Each case remembers the last period it was counted in; units are sorted by period first so a
  // case's units of one period are adjacent.
  const order = unitsByPeriod(result);
  const lastPeriod = new Int32Array(caseCount).fill(-1);
  for (const k of order) {
    const p = result.periodOfUnit[k];
    const c = result.units.caseIndex[k];
    if (p < 0 || lastPeriod[c] === p) continue;
    lastPeriod[c] = p;
    out[p]++;
  }
  return out;
}

function unitsByPeriod(result: MeasureResult): Int32Array {
  const n = result.units.value.length;
  const count = new Int32Array(result.summary.series.length + 1);
  for (let k = 0; k < n; k++) count[result.periodOfUnit[k] + 1]++;
  for (let p = 1; p < count.length; p++) count[p] += count[p - 1];
  // Counting sort by period (stable), so each period's units stay in unit order.
  const order = new Int32Array(n);
  let skipped = 0;
  for (let k = 0; k < n; k++) {
    const p = result.periodOfUnit[k];
    if (p < 0) skipped++;
    else order[count[p]++] = k;
  }
  return order.subarray(0, n - skipped);
}

/** The distinct cases behind one point, in case order. */
export function casesOfPoint(result: MeasureResult, source: PointSource, index: number): Int32Array {
  const points = source.byUnit ? source.units.length : source.periods.length;
  if (!Number.isInteger(index) || index < 0 || index >= points) {
    throw new InputError(`The chart has no point ${index}; it has ${points} (0 to ${points - 1}).`, {
      hint: 'Redraw the chart and click a point on it.',
    });
  }
  if (source.byUnit) return Int32Array.of(result.units.caseIndex[source.units[index]]);
  const p = source.periods[index];
  const seen = new Set<number>();
  for (let k = 0; k < result.units.caseIndex.length; k++)
    if (result.periodOfUnit[k] === p) seen.add(result.units.caseIndex[k]);
  return Int32Array.from([...seen].sort((a, b) => a - b));
}

/**
 * The baseline and exclusions as the SPC engine takes them: a date range becomes the points whose
 * period starts in it (a start and a count); the exclusions stay the user's own.
 */
export function baselineOptions(
  request: Pick<ControlChartRequest, 'baseline' | 'exclude' | 'phases'>,
  points: readonly ChartPoint[],
): { baseline?: number; baselineStart?: number; exclude?: number[] } {
  const exclude = request.exclude ?? [];
  for (const i of exclude) {
    if (!Number.isInteger(i) || i < 0 || i >= points.length)
      throw new InputError(`Cannot leave out point ${i}: the chart has points 0 to ${points.length - 1}.`);
  }
  const baseline = request.baseline;
  if (baseline === undefined) return exclude.length ? { exclude } : {};
  if (typeof baseline === 'number') return { baseline, ...(exclude.length ? { exclude } : {}) };
  const from = Date.parse(baseline.from);
  const to = Date.parse(baseline.to);
  if (Number.isNaN(from) || Number.isNaN(to) || from > to) {
    throw new InputError(`The baseline ${baseline.from} … ${baseline.to} is not a date range.`, {
      hint: 'Give two ISO dates, the first not after the second, e.g. 2024-01-01 … 2024-03-31.',
    });
  }
  const inside = points
    .map((p, i) => (Date.parse(p.from) >= from && Date.parse(p.from) <= to ? i : -1))
    .filter((i) => i >= 0);
  if (inside.length < 2) {
    throw new InputError(
      `The baseline ${baseline.from} … ${baseline.to} holds ${inside.length} point${inside.length === 1 ? '' : 's'}; limits need at least 2.`,
      {
        hint: `The chart runs from ${points[0]?.label ?? '–'} to ${points.at(-1)?.label ?? '–'}.`,
      },
    );
  }
  const secondPhase = Math.min(...(request.phases ?? []).filter((i) => Number.isInteger(i) && i > 0));
  if (inside.at(-1)! >= secondPhase) {
    // The baseline sets the first phase's limits; the engine would only speak of subgroup counts.
    throw new InputError(
      `The baseline ${baseline.from} … ${baseline.to} covers points ${inside[0]} to ${inside.at(-1)} (${points[inside[0]].label} to ${points[inside.at(-1)!].label}), ` +
        `but the second phase starts at point ${secondPhase} (${points[secondPhase]?.label ?? '–'}).`,
      {
        hint: `The baseline gives the first phase its limits, so it must end before the second phase: end the baseline before ${points[secondPhase]?.label ?? 'that point'}, or start the phase after point ${inside.at(-1)}.`,
      },
    );
  }
  return { baseline: inside.at(-1)! - inside[0] + 1, baselineStart: inside[0], ...(exclude.length ? { exclude } : {}) };
}
