import {
  CHART_TYPES,
  MEASURE_PERIODS,
  type ChartType,
  type KpiTile,
  type MeasureDetail,
  type MeasurePeriod,
  type MeasureRequest,
} from '../../../preload/api.ts';
import { InputError } from '../../engine/errors.ts';
import { flag, has, requirePositional } from '../args.ts';
import { printJson, type Command } from '../command.ts';
import { calendarFrom, filtersFrom } from '../log-options.ts';

const USAGE =
  'gemba kpi WS [--measure NAME] [--activity A] [--period day|week|month] [--by ATTR] [--chart ID] [--time-zone ZONE] [--calendar FILE] [--filter JSON] [--units] [--restore-measures] [--json]';

/** The app has a parameters panel; on the command line the same choices are made here. */
const PARAMETERS_BY_HAND =
  'On the command line, choose activities for one measure with --measure NAME --activity A, or for every tile in the workspace measures.json (parameters.defect, parameters.exceptionActivities, parameters.escalationActivities, parameters.endActivities).';

function boardLines(tiles: KpiTile[], period: MeasurePeriod): string {
  return tiles
    .map(
      (t) =>
        `${t.title.padEnd(20)} ${formatValue(t.value, t.unit, period).padStart(24)}  ${`n=${t.n}`.padEnd(9)} ${t.problem ?? [t.sentence, ...t.notes].join(' ')}`,
    )
    .join('\n');
}

/**
 * `gemba kpi`: a measure of the workspace's measurement schema (measures.json, copied from the
 * default on first use) on the current log with its fixes and the filters given, per period, with
 * its chart input and, with --by, split by a case attribute (the contract's `measure` call).
 * Without --measure: every measure's tile (value, trend, sentence) through the contract's `kpis`.
 */
export const kpiCommand: Command = {
  name: 'kpi',
  usage: USAGE,
  summary:
    'Measures (cycle time, waiting time, throughput, defect rate, SLA adherence, …) per period, as defined in the workspace measures.json.',
  valueFlags: ['measure', 'activity', 'period', 'by', 'chart', 'time-zone', 'filter', 'calendar'],
  switches: ['json', 'units', 'restore-measures'],
  async run(args, ctx) {
    const workspacePath = requirePositional(args, 0, 'the workspace', USAGE);
    const period = periodOption(flag(args, 'period') ?? 'week');
    const timeZone = flag(args, 'time-zone');
    const by = flag(args, 'by');
    const filters = filtersFrom(args);
    if (has(args, 'restore-measures')) await ctx.api.restoreDefaultMeasures(workspacePath);
    const name = flag(args, 'measure');
    if (name === undefined) {
      const onlyWithMeasure = ['activity', 'chart', 'calendar', 'units'].filter((f) => has(args, f));
      if (onlyWithMeasure.length)
        throw new InputError(`${onlyWithMeasure.map((f) => `--${f}`).join(', ')} needs --measure NAME.`, {
          hint: `Usage: ${USAGE}`,
        });
      // The tiles come through the contract, as the app's Measures view gets them.
      const board = await ctx.api.kpis(workspacePath, {
        filters,
        period,
        ...(by ? { by } : {}),
        ...(timeZone ? { timeZone } : {}),
      });
      if (has(args, 'json')) printJson(ctx, board);
      else
        ctx.stdout.write(
          `${boardLines(board.tiles, period)}\n${board.tiles.some((t) => t.problem) ? `${PARAMETERS_BY_HAND}\n` : ''}`,
        );
      return;
    }
    // One measure in full (values with their cases, chart input, segments) through the contract.
    const chart = flag(args, 'chart');
    if (chart !== undefined && !(CHART_TYPES as readonly string[]).includes(chart)) {
      throw new InputError(`Unknown chart "${chart}".`, { hint: `Charts: ${CHART_TYPES.join(', ')}.` });
    }
    const activity = flag(args, 'activity');
    const calendar = calendarFrom(args);
    const request: MeasureRequest = {
      measure: name,
      period,
      filters,
      ...(timeZone ? { timeZone } : {}),
      ...(activity !== undefined ? { activity } : {}),
      ...(by ? { by } : {}),
      ...(chart ? { chart: chart as ChartType } : {}),
      ...(calendar ? { calendar } : {}),
      ...(has(args, 'units') ? { units: true } : {}),
    };
    const result = await ctx.api.measure(workspacePath, request);
    if (has(args, 'json')) {
      printJson(ctx, result);
      return;
    }
    ctx.stdout.write(textOf(result));
  },
};

function formatValue(value: number | null, unit: string, period?: string): string {
  if (value === null) return '–';
  if (unit === 'share') return `${(100 * value).toFixed(1)}%`;
  return `${Number(value.toPrecision(4))} ${unit}${unit === 'cases' && period ? ` per ${period}` : ''}`;
}

function periodOption(text: string): MeasurePeriod {
  if (!(MEASURE_PERIODS as readonly string[]).includes(text))
    throw new InputError(`Unknown period "${text}".`, { hint: `Use one of: ${MEASURE_PERIODS.join(', ')}.` });
  return text as MeasurePeriod;
}

function textOf(r: MeasureDetail): string {
  const unit = r.measure.unit;
  const lines = [
    `${r.measure.title}: ${formatValue(r.summary.value, unit, r.period)} over ${r.summary.n} ${r.measure.per === 'period' ? 'completed cases' : `${r.measure.per}s`}`,
    r.measure.sentence,
    ...r.notes,
    `per ${r.period} (${r.timeZone}):`,
    ...r.summary.series.map((s) => `  ${s.period}  ${formatValue(s.value, unit).padStart(16)}  n=${s.n}`),
  ];
  if (r.segments) {
    lines.push(
      `by ${r.segments.attribute}:`,
      ...r.segments.values.map(
        (s) => `  ${formatValue(s.value, unit).padStart(16)}  n=${String(s.n).padEnd(8)} ${s.segment}`,
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}
