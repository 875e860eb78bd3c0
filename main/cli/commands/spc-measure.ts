import {
  CAPABILITY_METHODS,
  CHART_TYPES,
  MEASURE_PERIODS,
  type CapabilityMethod,
  type ChartType,
  type ControlChartRequest,
  type ControlChartView,
  type MeasurePeriod,
} from '../../../preload/api.ts';
import { InputError } from '../../engine/errors.ts';
import { flag, has, requirePositional, type ParsedArgs } from '../args.ts';
import { printJson, type CommandContext } from '../command.ts';
import { filtersFrom } from '../log-options.ts';
import { chartOptions, describeChart, numberOption } from './spc-options.ts';

/**
 * `gemba spc WS --measure NAME`: the control chart of a measure of the workspace's schema, one
 * point per period (labels are the periods' first days, ISO) or per case, through the same
 * contract call as the app's Control chart view.
 */

export const MEASURE_USAGE =
  'gemba spc WS --measure NAME [--activity A] [--period day|week|month] [--by-case] [--chart imr|xbar-r|xbar-s|p|np|c|u|laney-p|laney-u|ewma|cusum] ' +
  '[--baseline N|FROM..TO] [--exclude I,J,…] [--phases I,J,…] [--target T] [--sigma S] [--lambda λ] [--L L] [--k K] [--h H] ' +
  '[--rules 1,2,…|minitab|western-electric|nelson] [--transform none|log|box-cox] [--lsl X] [--usl X] [--capability auto|normal|box-cox|lognormal|weibull] [--time-zone ZONE] [--filter JSON] [--json]';

export const MEASURE_FLAGS = [
  'measure',
  'activity',
  'period',
  'lsl',
  'usl',
  'capability',
  'time-zone',
  'filter',
] as const;
export const MEASURE_SWITCHES = ['by-case'] as const;

function oneOf<T extends string>(args: ParsedArgs, name: string, values: readonly T[]): T | undefined {
  const text = flag(args, name);
  if (text === undefined) return undefined;
  if (!(values as readonly string[]).includes(text))
    throw new InputError(`--${name} must be one of ${values.join(', ')}, not "${text}".`, {
      hint: `Usage: ${MEASURE_USAGE}`,
    });
  return text as T;
}

/** `--baseline 12` (the first 12 points) or `--baseline 2024-01-01..2024-03-31` (points whose period starts in it). */
function baselineOption(args: ParsedArgs): ControlChartRequest['baseline'] {
  const text = flag(args, 'baseline');
  if (text === undefined) return undefined;
  const range = /^(.+)\.\.(.+)$/.exec(text);
  if (range) return { from: range[1].trim(), to: range[2].trim() };
  const n = Number(text);
  if (!Number.isInteger(n) || n < 2)
    throw new InputError(`--baseline takes a number of points (2 or more) or a date range FROM..TO, not "${text}".`, {
      hint: 'For example --baseline 12 or --baseline 2024-01-01..2024-03-31.',
    });
  return n;
}

export function measureChartRequest(args: ParsedArgs): ControlChartRequest {
  const measure = flag(args, 'measure');
  if (!measure)
    throw new InputError('gemba spc WS needs --measure NAME: the measure to chart.', {
      hint: 'gemba kpi WS lists the measures of the workspace.',
    });
  const lsl = numberOption(args, 'lsl', MEASURE_USAGE);
  const usl = numberOption(args, 'usl', MEASURE_USAGE);
  const options = chartOptions(args, MEASURE_USAGE);
  const request: ControlChartRequest = {
    measure,
    activity: flag(args, 'activity'),
    period: oneOf<MeasurePeriod>(args, 'period', MEASURE_PERIODS),
    timeZone: flag(args, 'time-zone'),
    chart: oneOf<ChartType>(args, 'chart', CHART_TYPES),
    byUnit: has(args, 'by-case') || undefined,
    baseline: baselineOption(args),
    ...options,
    specs: lsl !== undefined || usl !== undefined ? { lsl, usl } : undefined,
    capabilityMethod: oneOf<CapabilityMethod>(args, 'capability', CAPABILITY_METHODS),
    filters: filtersFrom(args),
  };
  // Leave out what was not given, so the JSON request reads as the user typed it.
  return Object.fromEntries(
    Object.entries(request).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
  ) as unknown as ControlChartRequest;
}

export async function chartOfMeasure(args: ParsedArgs, ctx: CommandContext): Promise<void> {
  const workspace = requirePositional(args, 0, 'the workspace', MEASURE_USAGE);
  const view = await ctx.api.controlChart(workspace, measureChartRequest(args));
  for (const note of view.notes) ctx.stderr.write(`note: ${note}\n`);
  if (has(args, 'json')) {
    printJson(ctx, jsonOf(view));
    return;
  }
  ctx.stdout.write(`${textOf(view).join('\n')}\n`);
}

function jsonOf(view: ControlChartView) {
  const { basis, measure, period, timeZone, chart, byUnit, transform, charts, points, advice, capability, notes } =
    view;
  return {
    basis,
    measure: {
      name: measure.name,
      title: measure.title,
      unit: measure.unit,
      per: measure.per,
      sentence: measure.sentence,
    },
    period,
    timeZone,
    chart,
    byUnit,
    transform,
    charts,
    points,
    advice,
    capability,
    notes,
  };
}

function textOf(view: ControlChartView): string[] {
  const lines = [
    `${view.measure.title} (${view.measure.unit}), ${view.byUnit ? `one point per ${view.measure.per}` : `per ${view.period} (${view.timeZone})`}, ${view.points.length} points`,
    view.measure.sentence,
    ...(view.transform
      ? [
          `charted on the ${view.transform.name === 'log' ? 'log' : `Box-Cox (λ = ${view.transform.lambda})`} scale${view.transform.shift ? ` of value + ${view.transform.shift}` : ''}`,
        ]
      : []),
    ...view.charts.flatMap(describeChart),
  ];
  if (view.advice)
    lines.push(
      `advice: ${view.advice.chart} — ${view.advice.reason}`,
      ...view.advice.checks.map((c) => `  ${c.status}: ${c.name}: ${c.message}`),
    );
  const cap = view.capability;
  if (cap) {
    const index = (name: string, v: number | null) => (v === null ? '' : ` ${name} ${v.toFixed(2)}`);
    lines.push(
      `capability (${cap.chosen} model):${index('Cpk', cap.indices.cpk)}${index('Ppk', cap.indices.ppk)}; observed ${Math.round(cap.observedPpm.total)} ppm, expected ${Math.round(cap.expectedPpm.total)} ppm`,
      `  ${cap.reason}`,
    );
  }
  return lines;
}
