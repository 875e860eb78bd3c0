import type {
  ChartPointCases,
  ChartType,
  ControlChartRequest,
  ControlChartView,
  LogBasis,
  LogFilter,
} from '../../preload/api.ts';
import type { EventLog } from '../engine/eventlog/index.ts';
import { InputError } from '../engine/errors.ts';
import {
  CHART_FAMILY,
  checkChart,
  computeMeasure,
  findMeasure,
  unitChartInput,
  type ChartInput,
  type MeasureResult,
  type MeasuresFile,
} from '../engine/measures/index.ts';
import { controlCharts, DEFAULT_K, describeTest, resolveRules } from '../engine/spc/index.ts';
import { chartAdvice, chartCapability, floorNegativeLimits, stabilityOfDrawnChart } from './chart-judgement.ts';
import { baselineOptions, casesOfPoint, chartPoints, type PointSource } from './chart-points.ts';
import { measureInfo } from './measure-info.ts';

/**
 * A control chart of one measure of the workspace: the measure computed on the filtered log, cut
 * into periods (or one point per case), charted by the SPC engine with the tests chosen, each
 * point carrying its period and case count, plus the chooser's advice and capability.
 */

/** Beyond this many points a chart by unit is unreadable and slow to draw; charting by period is the remedy. */
export const MAX_UNIT_POINTS = 10_000;

export interface ChartData {
  result: MeasureResult;
  chart: ChartType;
  input: ChartInput;
  source: PointSource;
}

/** The measure and the chart's input for a request; `mask` is the filters' case mask. */
export function chartData(
  log: EventLog,
  file: MeasuresFile,
  request: ControlChartRequest,
  mask: Uint8Array | null,
  basis: LogBasis,
): ChartData {
  const measure = findMeasure(file, request.measure);
  const byUnit = request.byUnit === true;
  const block = measure.definition.block;
  if (byUnit && block === 'cases_completed') {
    throw new InputError(`${measure.title} has one value per period, so it cannot be charted by case.`, {
      hint: 'Chart it by period.',
    });
  }
  const unitChart = request.chart ?? measure.chart.byUnit ?? 'imr';
  if (byUnit && CHART_FAMILY[unitChart] !== 'variables') {
    throw new InputError(
      `A ${unitChart} chart needs subgroups of counts; one point per case takes an I-MR, EWMA or CUSUM chart.`,
      { hint: 'Choose imr, ewma or cusum, or chart by period.' },
    );
  }
  if (byUnit && (unitChart === 'xbar-r' || unitChart === 'xbar-s')) {
    throw new InputError(
      `An ${unitChart === 'xbar-r' ? 'Xbar-R' : 'Xbar-S'} chart needs subgroups; one point per case has a single value each.`,
      { hint: 'Choose imr, ewma or cusum, or chart by period.' },
    );
  }
  const result = computeMeasure(log, file, measure.name, {
    mask,
    period: request.period ?? 'week',
    timeZone: request.timeZone ?? null,
    activity: request.activity ?? null,
    chart: byUnit ? undefined : request.chart,
    basis,
  });
  if (!byUnit)
    return {
      result,
      chart: result.chart.chart,
      input: result.chart.input,
      source: { byUnit: false, periods: result.chart.periods },
    };
  checkChart(block, unitChart, measure.name);
  const { input, units } = unitChartInput(result.units);
  if (units.length > MAX_UNIT_POINTS) {
    throw new InputError(
      `${measure.title} has ${units.length.toLocaleString('en')} values: too many points to read one by one.`,
      {
        hint: `Chart it by period, or filter to fewer than ${MAX_UNIT_POINTS.toLocaleString('en')} cases (a time range, a segment).`,
      },
    );
  }
  return { result, chart: unitChart, input, source: { byUnit: true, units } };
}

export function controlChartView(log: EventLog, data: ChartData, request: ControlChartRequest): ControlChartView {
  const { result, chart, input, source } = data;
  const points = chartPoints(log, result, source);
  const limits = baselineOptions(request, points);
  const charted = controlCharts(input, {
    chart,
    ...limits,
    ...(request.phases?.length ? { phases: request.phases } : {}),
    rules: request.rules,
    testK: request.testK,
    transform: request.transform,
    target: request.target,
    sigma: request.sigma,
    lambda: request.lambda,
    L: request.L,
    k: request.k,
    h: request.h,
  });
  const chosen = new Map(resolveRules(request.rules, request.testK).map((t) => [t.test, t.k]));
  const notes = [...result.notes, ...charted.notes];
  const charts = floorNegativeLimits(input, charted.charts, charted.transform !== null, notes);
  const chooser = chartAdvice(input, result.measure.definition.block, notes);
  const advice =
    chooser &&
    stabilityOfDrawnChart(
      chooser,
      charted.charts,
      points.map((p) => p.label),
    );
  const capability = chartCapability(input, request, notes, limits);
  return {
    basis: result.basis!,
    measure: measureInfo(findMeasureOf(result)),
    period: result.period,
    timeZone: result.timeZone,
    chart,
    byUnit: source.byUnit,
    transform: charted.transform,
    charts,
    points,
    advice,
    capability,
    tests: [1, 2, 3, 4, 5, 6, 7, 8].map((rule) => {
      const k = chosen.get(rule) ?? request.testK?.[rule] ?? DEFAULT_K[rule];
      return { rule, k, description: describeTest(rule, k) };
    }),
    notes,
  };
}

function findMeasureOf(result: MeasureResult) {
  const { per: _per, ...measure } = result.measure;
  return measure;
}

/** The cases behind point `index` as a filter chip: "Cycle time, week of 2024-03-04 (112 cases)". */
export function chartPointCases(log: EventLog, data: ChartData, index: number): ChartPointCases {
  const cases = casesOfPoint(data.result, data.source, index);
  const point = chartPoints(log, data.result, data.source)[index];
  const { title } = data.result.measure;
  const label = data.source.byUnit
    ? `${title}, case ${point.caseId}`
    : `${title}, ${data.result.period} of ${point.label}`;
  const filter: LogFilter = { kind: 'cases', caseIds: Array.from(cases, (c) => log.caseIds[c]), label };
  return { filter, cases: cases.length, from: point.from, to: point.to };
}
