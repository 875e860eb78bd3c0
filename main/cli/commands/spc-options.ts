import { CHART_TRANSFORMS, type ChartTransform, type RuleSelection } from '../../../preload/api.ts';
import { InputError } from '../../engine/errors.ts';
import type { ControlChart } from '../../engine/spc/index.ts';
import { flag, type ParsedArgs } from '../args.ts';

/**
 * What both forms of `gemba spc` share (on a CSV, on a workspace's measure): reading the chart
 * options from the command line, and the chart in plain text.
 */

export function numberOption(args: ParsedArgs, name: string, usage: string): number | undefined {
  const text = flag(args, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value))
    throw new InputError(`--${name} must be a number, not "${text}".`, { hint: `Usage: ${usage}` });
  return value;
}

export function indexList(args: ParsedArgs, name: string): number[] | undefined {
  const text = flag(args, name);
  if (text === undefined) return undefined;
  return text.split(',').map((part) => {
    const value = Number(part.trim());
    if (!Number.isInteger(value) || value < 0)
      throw new InputError(`--${name} takes 0-based subgroup numbers separated by commas, not "${text}".`, {
        hint: `For example --${name} 3,7.`,
      });
    return value;
  });
}

export function rulesOption(args: ParsedArgs): RuleSelection | undefined {
  const text = flag(args, 'rules');
  if (text === undefined) return undefined;
  if (text === 'minitab' || text === 'western-electric' || text === 'nelson') return text;
  return text.split(',').map((part) => {
    const value = Number(part.trim());
    if (!Number.isInteger(value))
      throw new InputError(`--rules takes test numbers 1 to 8 or a preset, not "${text}".`, {
        hint: 'For example --rules 1,2,5 or --rules nelson.',
      });
    return value;
  });
}

/** `--transform none|log|box-cox`: the scale measured values are charted on (heavy-tailed durations). */
export function transformOption(args: ParsedArgs): ChartTransform | undefined {
  const text = flag(args, 'transform');
  if (text === undefined) return undefined;
  if (!(CHART_TRANSFORMS as readonly string[]).includes(text)) {
    throw new InputError(`--transform must be one of ${CHART_TRANSFORMS.join(', ')}, not "${text}".`, {
      hint: 'Durations with a long tail chart best with --transform log or box-cox; the advice names the one that fits.',
    });
  }
  return text as ChartTransform;
}

/** Chart options common to both forms, by their contract names. */
export function chartOptions(args: ParsedArgs, usage: string) {
  return {
    exclude: indexList(args, 'exclude'),
    phases: indexList(args, 'phases'),
    target: numberOption(args, 'target', usage),
    sigma: numberOption(args, 'sigma', usage),
    lambda: numberOption(args, 'lambda', usage),
    L: numberOption(args, 'L', usage),
    k: numberOption(args, 'k', usage),
    h: numberOption(args, 'h', usage),
    rules: rulesOption(args),
    transform: transformOption(args),
  };
}

export const CHART_OPTION_FLAGS = [
  'chart',
  'baseline',
  'exclude',
  'phases',
  'target',
  'sigma',
  'lambda',
  'L',
  'k',
  'h',
  'rules',
  'transform',
] as const;

function formatLine(value: number | number[]): string {
  if (!Array.isArray(value)) return value.toPrecision(6);
  const finite = value.filter(Number.isFinite);
  return finite.length ? `${Math.min(...finite).toPrecision(6)} … ${Math.max(...finite).toPrecision(6)} (varies)` : '—';
}

export function describeChart(
  chart: Pick<ControlChart, 'name' | 'center' | 'lcl' | 'ucl' | 'rules' | 'signals' | 'labels'>,
): string[] {
  const lines = [
    `${chart.name} chart: center ${formatLine(chart.center)}, LCL ${formatLine(chart.lcl)}, UCL ${formatLine(chart.ucl)}; tests ${chart.rules.join(', ') || 'none'}`,
  ];
  if (chart.signals.length === 0) lines.push('  no signals');
  for (const s of chart.signals) lines.push(`  ${chart.labels[s.index]} (#${s.index}): ${s.description}`);
  return lines;
}
