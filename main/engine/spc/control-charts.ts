import { InputError } from '../errors.ts';
import { mean } from './chart-assembly.ts';
import { attributeChart } from './attribute-charts.ts';
import { cusumChart } from './cusum.ts';
import { ewmaChart } from './ewma.ts';
import { phaseLayout } from './phases.ts';
import { resolveRules } from './special-causes.ts';
import { transformSubgroups } from './transform.ts';
import {
  CHART_TRANSFORMS,
  CHART_TYPES,
  type AppliedTransform,
  type ChartTransform,
  type ChartInput,
  type ChartOptions,
  type ControlChartResult,
} from './types.ts';
import { individualsCharts, subgroupCharts, type ChartContext } from './variables-charts.ts';

const ATTRIBUTE_CHARTS = new Set(['p', 'np', 'c', 'u', 'laney-p', 'laney-u'] as const);
type AttributeChartType = typeof ATTRIBUTE_CHARTS extends Set<infer T> ? T : never;

function isAttributeChart(chart: string): chart is AttributeChartType {
  return (ATTRIBUTE_CHARTS as Set<string>).has(chart);
}

function checkInput(input: ChartInput, chart: ChartOptions['chart']): number {
  const m = input.kind === 'variables' ? input.subgroups.length : input.counts.length;
  if (m < 2)
    throw new InputError(`A control chart needs at least 2 subgroups; got ${m}.`, {
      hint: 'Chart more periods or cases.',
    });
  if (input.labels.length !== m)
    throw new InputError(`There are ${m} subgroups but ${input.labels.length} labels.`, {
      hint: 'Give one label per subgroup.',
    });
  if (input.kind === 'variables') {
    input.subgroups.forEach((g, i) => {
      if (g.length === 0)
        throw new InputError(`Subgroup ${i} (${input.labels[i]}) has no values.`, {
          hint: 'Leave empty periods out of the data.',
        });
      for (const v of g)
        if (!Number.isFinite(v))
          throw new InputError(`Subgroup ${i} (${input.labels[i]}) holds ${v}, which is not a number.`, {
            hint: 'Remove or fix the value.',
          });
    });
    return m;
  }
  if (input.sizes.length !== m)
    throw new InputError(`There are ${m} counts but ${input.sizes.length} subgroup sizes.`, {
      hint: 'Give one size per count.',
    });
  const defectives = chart === 'p' || chart === 'np' || chart === 'laney-p';
  for (let i = 0; i < m; i++) {
    const c = input.counts[i];
    const n = input.sizes[i];
    const where = `Subgroup ${i} (${input.labels[i]})`;
    if (!(Number.isFinite(c) && c >= 0))
      throw new InputError(`${where}: the count ${c} is not a number of 0 or more.`, {
        hint: 'Counts are numbers of defectives or defects.',
      });
    if (!(Number.isFinite(n) && n > 0))
      throw new InputError(`${where}: the size ${n} is not a positive number.`, {
        hint: 'Sizes are the units inspected (n) or the area of opportunity.',
      });
    if (defectives && c > n) {
      throw new InputError(`${where}: ${c} defectives out of ${n} units is more than all of them.`, {
        hint: 'If one unit can have several defects, use a U chart (laney-u when subgroups are large).',
      });
    }
  }
  return m;
}

function noteNoSpread(result: ControlChartResult): ControlChartResult {
  const flat = new Set<number>();
  for (const chart of result.charts) for (const e of chart.estimates) if (e.sigma === 0) flat.add(e.phase);
  for (const p of flat) {
    result.notes.push(
      `Phase ${p + 1} shows no variation (σ = 0): its limits sit on the center line, so any change at all will signal.`,
    );
  }
  return result;
}

/**
 * Control charts of one series: the chart asked for (two for I-MR, Xbar-R and Xbar-S), tested for
 * special causes, with limits per phase from the baseline minus the excluded subgroups.
 */
export function controlCharts(input: ChartInput, options: ChartOptions): ControlChartResult {
  return noteNoSpread(chartsOf(input, options));
}

function chartsOf(input: ChartInput, options: ChartOptions): ControlChartResult {
  if (!CHART_TYPES.includes(options.chart)) {
    throw new InputError(`There is no chart type "${String(options.chart)}".`, {
      hint: `Choose one of ${CHART_TYPES.join(', ')}.`,
    });
  }
  const m = checkInput(input, options.chart);
  const transform = options.transform ?? 'none';
  if (!CHART_TRANSFORMS.includes(transform)) {
    throw new InputError(`There is no transform "${String(transform)}".`, {
      hint: `Choose one of ${CHART_TRANSFORMS.join(', ')}.`,
    });
  }
  const notes: string[] = [];
  const ctx: ChartContext = {
    layout: phaseLayout(m, options),
    settings: resolveRules(options.rules, options.testK),
    options,
    notes,
  };
  const { chart } = options;
  if (isAttributeChart(chart)) {
    if (input.kind !== 'attributes') {
      throw new InputError(`A ${chart.toUpperCase()} chart needs counts and subgroup sizes, not measurements.`, {
        hint: 'Give the count column with --value and the size column with --size, or choose imr, xbar-r, xbar-s, ewma or cusum.',
      });
    }
    if (transform !== 'none') throw transformOfCounts(transform);
    return { charts: [attributeChart(chart, input.counts, input.sizes, input.labels, ctx)], notes, transform: null };
  }
  let subgroups: number[][];
  if (input.kind === 'attributes') {
    if (transform !== 'none') throw transformOfCounts(transform);
    // Rates charted as measurements (an XmR chart of proportions is common practice).
    subgroups = input.counts.map((c, i) => [c / input.sizes[i]]);
    notes.push('The rates count/size are charted as individual values.');
  } else subgroups = input.subgroups;
  let applied: AppliedTransform | null = null;
  if (transform !== 'none') {
    ({ subgroups, applied } = transformSubgroups(subgroups, transform));
    notes.push(
      applied.lambda === null
        ? `Charted on the log scale${applied.shift ? ` (ln of value + ${applied.shift}, so zeros have a log)` : ''}: points, limits and estimates are logs; a limit converts back with eˣ.`
        : `Charted on the Box-Cox scale, λ = ${applied.lambda} fitted on all values${applied.shift ? ` + ${applied.shift} (so zeros can be transformed)` : ''}: points, limits and estimates are on that scale.`,
    );
  }
  return { charts: variablesCharts(chart, subgroups, input.labels, ctx, notes), notes, transform: applied };
}

function variablesCharts(
  chart: ChartOptions['chart'],
  subgroups: number[][],
  labels: string[],
  ctx: ChartContext,
  notes: string[],
) {
  switch (chart) {
    case 'imr': {
      if (subgroups.some((g) => g.length > 1))
        notes.push('Subgroups have several values: the I-MR chart plots their means.');
      return individualsCharts(
        subgroups.map((g) => mean(g)),
        labels,
        ctx,
      );
    }
    case 'xbar-r':
      return subgroupCharts(subgroups, labels, ctx, 'R');
    case 'xbar-s':
      return subgroupCharts(subgroups, labels, ctx, 'S');
    case 'ewma':
      return [ewmaChart(subgroups, labels, ctx)];
    default:
      return [cusumChart(subgroups, labels, ctx)];
  }
}

function transformOfCounts(transform: ChartTransform): InputError {
  return new InputError(`A ${transform} transform is for measured values such as durations, not for counts.`, {
    hint: 'Chart counts and shares without a transform: their charts (P, U, Laney) already follow their distribution.',
  });
}
