import { basename } from 'node:path';
import { InputError } from '../../engine/errors.ts';
import { numbersOf, readCsvColumns } from '../../engine/import/csv/read-columns.ts';
import { CHART_TYPES, controlCharts, type ChartInput, type ChartOptions, type ChartType, type ControlChart, type RuleSelection } from '../../engine/spc/index.ts';
import { flag, has, type ParsedArgs } from '../args.ts';
import { printJson, type Command } from '../command.ts';

const USAGE =
  'gemba spc --csv FILE --value COL [--subgroup COL] [--size COL] --chart imr|xbar-r|xbar-s|p|np|c|u|laney-p|laney-u|ewma|cusum ' +
  '[--baseline N] [--exclude I,J,…] [--phases I,J,…] [--target T] [--sigma S] [--lambda λ] [--L L] [--k K] [--h H] ' +
  '[--rules 1,2,…|minitab|western-electric|nelson] [--json]';

const ATTRIBUTE: ReadonlySet<ChartType> = new Set(['p', 'np', 'c', 'u', 'laney-p', 'laney-u']);
const NEEDS_SIZE: ReadonlySet<ChartType> = new Set(['p', 'np', 'u', 'laney-p', 'laney-u']);

function numberOption(args: ParsedArgs, name: string): number | undefined {
  const text = flag(args, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new InputError(`--${name} must be a number, not "${text}".`, { hint: `Usage: ${USAGE}` });
  return value;
}

function indexList(args: ParsedArgs, name: string): number[] | undefined {
  const text = flag(args, name);
  if (text === undefined) return undefined;
  return text.split(',').map((part) => {
    const value = Number(part.trim());
    if (!Number.isInteger(value) || value < 0) throw new InputError(`--${name} takes 0-based subgroup numbers separated by commas, not "${text}".`, { hint: `For example --${name} 3,7.` });
    return value;
  });
}

function rulesOption(args: ParsedArgs): RuleSelection | undefined {
  const text = flag(args, 'rules');
  if (text === undefined) return undefined;
  if (text === 'minitab' || text === 'western-electric' || text === 'nelson') return text;
  return text.split(',').map((part) => {
    const value = Number(part.trim());
    if (!Number.isInteger(value)) throw new InputError(`--rules takes test numbers 1 to 8 or a preset, not "${text}".`, { hint: 'For example --rules 1,2,5 or --rules nelson.' });
    return value;
  });
}

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
  if (!file || !value) throw new InputError('gemba spc needs --csv FILE and --value COLUMN.', { hint: `Usage: ${USAGE}` });
  const subgroup = flag(args, 'subgroup');
  const size = flag(args, 'size');
  if (size !== undefined && !ATTRIBUTE.has(chart)) throw new InputError(`--size is for attribute charts (P, NP, U, C and Laney); a ${chart} chart takes measurements.`, { hint: 'Leave out --size, or choose an attribute chart.' });
  if (size === undefined && NEEDS_SIZE.has(chart)) throw new InputError(`A ${chart} chart needs --size: the column with n (units inspected) per row.`, { hint: 'Give --size COLUMN, or choose c for counts in equal areas of opportunity.' });
  const names = [value, ...(subgroup ? [subgroup] : []), ...(size ? [size] : [])];
  const data = await readCsvColumns(file, names, basename(file));
  const values = numbersOf(data, data.columns[0]);
  const sizes = size ? numbersOf(data, data.columns[names.indexOf(size)]) : values.map(() => 1);
  const { labels, members } = subgroup ? groupRows(data.columns[1].texts) : { labels: values.map((_, i) => String(i + 1)), members: values.map((_, i) => [i]) };
  if (ATTRIBUTE.has(chart)) {
    const sum = (source: number[], rows: number[]) => rows.reduce((a, r) => a + source[r], 0);
    return { kind: 'attributes', counts: members.map((rows) => sum(values, rows)), sizes: members.map((rows) => sum(sizes, rows)), labels };
  }
  return { kind: 'variables', subgroups: members.map((rows) => rows.map((r) => values[r])), labels };
}

function formatLine(value: number | number[]): string {
  if (!Array.isArray(value)) return value.toPrecision(6);
  const finite = value.filter(Number.isFinite);
  return finite.length ? `${Math.min(...finite).toPrecision(6)} … ${Math.max(...finite).toPrecision(6)} (varies)` : '—';
}

function describeChart(chart: ControlChart): string[] {
  const lines = [`${chart.name} chart: center ${formatLine(chart.center)}, LCL ${formatLine(chart.lcl)}, UCL ${formatLine(chart.ucl)}; tests ${chart.rules.join(', ') || 'none'}`];
  if (chart.signals.length === 0) lines.push('  no signals');
  for (const s of chart.signals) lines.push(`  ${chart.labels[s.index]} (#${s.index}): ${s.description}`);
  return lines;
}

export const spcCommand: Command = {
  name: 'spc',
  usage: USAGE,
  summary: 'Control chart of a CSV column with the tests for special causes (indices 0-based, rows in file order).',
  valueFlags: ['csv', 'value', 'subgroup', 'size', 'chart', 'baseline', 'exclude', 'phases', 'target', 'sigma', 'lambda', 'L', 'k', 'h', 'rules'],
  switches: ['json'],
  async run(args, ctx) {
    if (args.positionals.length > 0) {
      throw new InputError(`gemba spc reads a CSV given with --csv; "${args.positionals[0]}" is not an option.`, { hint: `Usage: ${USAGE}` });
    }
    const chart = flag(args, 'chart') as ChartType | undefined;
    if (!chart || !CHART_TYPES.includes(chart)) {
      throw new InputError(chart ? `There is no chart type "${chart}".` : 'gemba spc needs --chart.', { hint: `Choose one of ${CHART_TYPES.join(', ')}.` });
    }
    const baseline = numberOption(args, 'baseline');
    const options: ChartOptions = {
      chart,
      baseline,
      exclude: indexList(args, 'exclude'),
      phases: indexList(args, 'phases'),
      target: numberOption(args, 'target'),
      sigma: numberOption(args, 'sigma'),
      lambda: numberOption(args, 'lambda'),
      L: numberOption(args, 'L'),
      k: numberOption(args, 'k'),
      h: numberOption(args, 'h'),
      rules: rulesOption(args),
    };
    const result = controlCharts(await chartInput(args, chart), options);
    for (const note of result.notes) ctx.stderr.write(`note: ${note}\n`);
    if (has(args, 'json')) {
      printJson(ctx, { charts: result.charts });
      return;
    }
    ctx.stdout.write(`${result.charts.flatMap(describeChart).join('\n')}\n`);
  },
};
