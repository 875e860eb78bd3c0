import type { PhaseLayout } from './phases.ts';
import { applicableTests, testSpecialCauses, type ChartFamily, type TestSetting } from './special-causes.ts';
import type { ChartName, ControlChart } from './types.ts';

/** A line that is the same at every point is reported as one number, as the CLI contract says. */
export function collapse(values: readonly number[]): number | number[] {
  if (values.length === 0) return [];
  const first = values[0];
  for (let i = 1; i < values.length; i++) if (values[i] !== first) return [...values];
  return first;
}

export interface ChartLines {
  name: ChartName;
  points: (number | null)[];
  labels: string[];
  n: number[];
  center: number[];
  lcl: number[];
  ucl: number[];
  zoneSigma: number[];
  estimates: ControlChart['estimates'];
}

/** Puts a chart together: tests for special causes on its points, constant lines collapsed. */
export function assembleChart(
  lines: ChartLines,
  layout: PhaseLayout,
  settings: TestSetting[],
  family: ChartFamily,
): ControlChart {
  const rules = applicableTests(settings, family);
  const signals = testSpecialCauses(
    {
      points: lines.points,
      center: lines.center,
      zoneSigma: lines.zoneSigma,
      lcl: lines.lcl,
      ucl: lines.ucl,
      phase: layout.phaseOf,
    },
    rules,
  );
  return {
    name: lines.name,
    points: lines.points,
    labels: lines.labels,
    n: lines.n,
    center: collapse(lines.center),
    lcl: collapse(lines.lcl),
    ucl: collapse(lines.ucl),
    signals,
    excluded: layout.excluded,
    baseline: layout.baseline,
    baselinePoints: layout.baselinePoints,
    phase: layout.phaseOf,
    rules: rules.map((r) => r.test),
    zoneSigma: lines.zoneSigma,
    estimates: lines.estimates,
  };
}

/** The K of test 1: how many σ the control limits sit from the center line. */
export function limitWidth(settings: TestSetting[]): number {
  return settings.find((s) => s.test === 1)?.k ?? 3;
}

/** Limits `width` σ of the plotted statistic either side of the centre line, point by point. */
export function limitsAround(
  center: readonly number[],
  zone: readonly number[],
  width: number,
): { lcl: number[]; ucl: number[] } {
  return { lcl: center.map((c, i) => c - width * zone[i]), ucl: center.map((c, i) => c + width * zone[i]) };
}

export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Sample standard deviation (n − 1 divisor); 0 for a single value. */
export function standardDeviation(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const mu = mean(values);
  let ss = 0;
  for (const v of values) ss += (v - mu) * (v - mu);
  return Math.sqrt(ss / (values.length - 1));
}

export function range(values: readonly number[]): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return hi - lo;
}
