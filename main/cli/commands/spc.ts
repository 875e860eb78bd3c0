import { basename } from 'node:path';
import { InputError } from '../../engine/errors.ts';
import { numbersOf, readCsvColumns } from '../../engine/import/index.ts';
import { CHART_TYPES, type ChartType, type ChartValues as ChartInput } from '../../../preload/api.ts';
import { flag, has, type ParsedArgs } from '../args.ts';
import { printJson, type Command } from '../command.ts';
import { chartOfMeasure, MEASURE_FLAGS, MEASURE_SWITCHES, MEASURE_USAGE } from './spc-measure.ts';
import { CHART_OPTION_FLAGS, chartOptions, describeChart, numberOption } from './spc-options.ts';

const USAGE =
  `${MEASURE_USAGE}\n       ` +
  'gemba spc --csv FILE --value COL [--subgroup COL] [--size COL] --chart imr|xbar-r|xbar-s|p|np|c|u|laney-p|laney-u|ewma|cusum ' +
  '[--baseline N] [--exclude I,J,…] [--phases I,J,…] [--target T] [--sigma S] [--lambda λ] [--L L] [--k K] [--h H] ' +
  '[--rules 1,2,…|minitab|western-electric|nelson] [--transform none|log|box-cox] [--json]';

const ATTRIBUTE: ReadonlySet<ChartType> = new Set(['p', 'np', 'c', 'u', 'laney-p', 'laney-u']);
const NEEDS_SIZE: ReadonlySet<ChartType> = new Set(['p', 'np', 'u', 'laney-p', 'laney-u']);

/** Rows grouped by the subgroup column's value, in order of first appearance. */
function groupRows(keys: string[]): { labels: string[]; members: number[][] } {
  const at = new Map<string, number>();
  const members: number[][] = [];
  keys.forEach((key, row) => {
    let g = at.get(key);
    if (g === undefined) {
      g = members.length;
      at.set(key, g);
      members.push([]);
    }
    members[g].push(row);
  });
  return { labels: [...at.keys()], members };
}

/** Reads the CSV into the engine's chart input: measurements per subgroup, or counts and sizes. */
async function chartInput(args: ParsedArgs, chart: ChartType): Promise<ChartInput> {
  const file = flag(args, 'csv');
  const value = flag(args, 'value');
  if (!file || !value)
    throw new InputError('gemba spc needs --csv FILE and --value COLUMN.', { hint: `Usage: ${USAGE}` });
  const subgroup = flag(args, 'subgroup');
  const size = flag(args, 'size');
  if (size !== undefined && !ATTRIBUTE.has(chart))
    throw new InputError(
      `--size is for attribute charts (P, NP, U, C and Laney); a ${chart} chart takes measurements.`,
      { hint: 'Leave out --size, or choose an attribute chart.' },
    );
  if (size === undefined && NEEDS_SIZE.has(chart))
    throw new InputError(`A ${chart} chart needs --size: the column with n (units inspected) per row.`, {
      hint: 'Give --size COLUMN, or choose c for counts in equal areas of opportunity.',
    });
  const names = [value, ...(subgroup ? [subgroup] : []), ...(size ? [size] : [])];
  const data = await readCsvColumns(file, names, basename(file));
  const values = numbersOf(data, data.columns[0]);
  const sizes = size ? numbersOf(data, data.columns[names.indexOf(size)]) : values.map(() => 1);
  const { labels, members } = subgroup
    ? groupRows(data.columns[1].texts)
    : { labels: values.map((_, i) => String(i + 1)), members: values.map((_, i) => [i]) };
  if (ATTRIBUTE.has(chart)) {
    const sum = (source: number[], rows: number[]) => rows.reduce((a, r) => a + source[r], 0);
    return {
      kind: 'attributes',
      counts: members.map((rows) => sum(values, rows)),
      sizes: members.map((rows) => sum(sizes, rows)),
      labels,
    };
  }
  return { kind: 'variables', subgroups: members.map((rows) => rows.map((r) => values[r])), labels };
}

export const spcCommand: Command = {
  name: 'spc',
  usage: USAGE,
  summary:
    'Control chart of a measure of a workspace per period, or of a CSV column, with the tests for special causes (indices 0-based).',
  valueFlags: ['csv', 'value', 'subgroup', 'size', ...CHART_OPTION_FLAGS, ...MEASURE_FLAGS],
  switches: ['json', ...MEASURE_SWITCHES],
  async run(args, ctx) {
    if (args.positionals.length > 0) {
      if (flag(args, 'csv') !== undefined)
        throw new InputError(`gemba spc takes a workspace or --csv FILE, not both.`, { hint: `Usage: ${USAGE}` });
      return chartOfMeasure(args, ctx);
    }
    const chart = flag(args, 'chart') as ChartType | undefined;
    if (!chart || !CHART_TYPES.includes(chart)) {
      throw new InputError(chart ? `There is no chart type "${chart}".` : 'gemba spc needs --chart.', {
        hint: `Choose one of ${CHART_TYPES.join(', ')}.`,
      });
    }
    // Through the contract like every command: the numbers read here, charted by the service.
    const result = await ctx.api.controlChartOfValues({
      values: await chartInput(args, chart),
      chart,
      baseline: numberOption(args, 'baseline', USAGE),
      ...chartOptions(args, USAGE),
    });
    for (const note of result.notes) ctx.stderr.write(`note: ${note}\n`);
    if (has(args, 'json')) {
      printJson(ctx, { transform: result.transform, charts: result.charts });
      return;
    }
    ctx.stdout.write(`${result.charts.flatMap(describeChart).join('\n')}\n`);
  },
};
