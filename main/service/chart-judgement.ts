import type { CapabilityReport, ChartAdvice, ControlChartRequest, ControlChartSeries } from '../../preload/api.ts';
import { InputError } from '../engine/errors.ts';
import type { ChartInput, MeasureBlock } from '../engine/measures/index.ts';
import { capability, chooseChart } from '../engine/spc/index.ts';

/**
 * What the Control chart view says beside the chart: the chooser's advice for these data, and the
 * capability against the user's specs. Neither may hide the chart: where one cannot be given (too
 * few values, counts instead of measurements) it is null and a note says why.
 */

export function chartAdvice(input: ChartInput, block: MeasureBlock, notes: string[]): ChartAdvice | null {
  try {
    // Shares of cases are defectives; events per case, and cases per period charted as counts, are defects.
    return chooseChart(input, { attribute: block === 'case_share' ? 'defectives' : 'defects' });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    notes.push(`No chart advice: ${error.message}`);
    return null;
  }
}

/** Distinct points that fail any ticked test on any of the charts (a point on Xbar and S counts once). */
export function signallingPoints(charts: readonly Pick<ControlChartSeries, 'signals'>[]): number[] {
  return [...new Set(charts.flatMap((c) => c.signals.map((s) => s.index)))].sort((a, b) => a - b);
}

/**
 * The chooser judges stability on its own chart with tests 1 and 2; beside a drawn chart that
 * would say "107 fail test 1 or 2" under "101 signalling" with only test 1 ticked. The check
 * therefore speaks of the chart as drawn: its limits (baseline, phases) and the tests ticked.
 */
export function stabilityOfDrawnChart(
  advice: ChartAdvice,
  charts: readonly Pick<ControlChartSeries, 'signals' | 'rules'>[],
  labels: readonly string[],
): ChartAdvice {
  const points = signallingPoints(charts);
  const tests = [...new Set(charts.flatMap((c) => c.rules))].sort((a, b) => a - b);
  const named =
    tests.length === 0
      ? 'no test'
      : `test${tests.length > 1 ? 's' : ''} ${tests.slice(0, -1).join(', ')}${tests.length > 1 ? ' or ' : ''}${tests.at(-1)}`;
  const check: ChartAdvice['checks'][number] =
    points.length === 0
      ? {
          name: 'stability',
          status: 'ok',
          message: `No point fails ${named} (the tests ticked): the process looks stable.`,
          value: 0,
        }
      : {
          name: 'stability',
          status: 'warning',
          message:
            `${points.length} point${points.length > 1 ? 's' : ''} (${points
              .slice(0, 5)
              .map((i) => labels[i])
              .join(
                ', ',
              )}${points.length > 5 ? ', …' : ''}) ${points.length > 1 ? 'fail' : 'fails'} ${named} (the tests ticked): ` +
            'find their causes, and exclude them from the limits if the causes are known and removed.',
          value: points.length,
        };
  return { ...advice, checks: advice.checks.map((c) => (c.name === 'stability' ? check : c)) };
}

/**
 * A duration or a count cannot be below 0, yet x̄ − 3σ often is (Xbar LCL −1,030 h): such a limit
 * can never be crossed, so it is drawn at 0 and a note says why. Only on the measure's own scale
 * (a log scale has meaningful negative values) and only for the charts of the values themselves.
 */
export function floorNegativeLimits(
  input: ChartInput,
  charts: ControlChartSeries[],
  transformed: boolean,
  notes: string[],
): ControlChartSeries[] {
  if (transformed || input.kind !== 'variables' || !input.subgroups.every((g) => g.every((v) => v >= 0))) return charts;
  const floored: string[] = [];
  const out = charts.map((chart) => {
    if (chart.name !== 'I' && chart.name !== 'Xbar' && chart.name !== 'EWMA') return chart;
    const lcl = chart.lcl;
    const below = typeof lcl === 'number' ? lcl < 0 : lcl.some((v) => v < 0);
    if (!below) return chart;
    floored.push(chart.name);
    return { ...chart, lcl: typeof lcl === 'number' ? Math.max(0, lcl) : lcl.map((v) => Math.max(0, v)) };
  });
  if (floored.length) {
    notes.push(
      `The ${floored.join(' and ')} chart's lower limit came out below 0, which no value of this measure can reach; it is drawn at 0 (the lower limit cannot signal; the upper limit and the run tests still do).`,
    );
  }
  return out;
}

/** The points the limits come from: a baseline's first point and how many (absent: every point). */
export interface LimitPoints {
  baseline?: number;
  baselineStart?: number;
  exclude?: number[];
}

/**
 * Capability of the values the limits come from, when specs are given: with a baseline only its
 * points (the process as it was judged stable), always without the points the user left out.
 */
export function chartCapability(
  input: ChartInput,
  request: ControlChartRequest,
  notes: string[],
  limits: LimitPoints = {},
): CapabilityReport | null {
  const specs = request.specs;
  if (!specs || (specs.lsl === undefined && specs.usl === undefined)) return null;
  if (input.kind !== 'variables') {
    notes.push(
      'Capability is for measured values such as durations; for a share or a count, the centre line of its chart is the capability.',
    );
    return null;
  }
  const left = new Set(limits.exclude ?? request.exclude ?? []);
  const first = limits.baseline !== undefined ? (limits.baselineStart ?? 0) : 0;
  const last =
    limits.baseline !== undefined ? Math.min(input.subgroups.length, first + limits.baseline) : input.subgroups.length;
  const groups = input.subgroups.filter((_, i) => i >= first && i < last && !left.has(i));
  if (limits.baseline !== undefined)
    notes.push(
      `Capability uses the baseline's ${last - first} point${last - first === 1 ? '' : 's'} (${input.labels[first]} to ${input.labels[last - 1]}), as the limits do.`,
    );
  return capability(groups, specs, { distribution: request.capabilityMethod ?? 'auto' });
}
