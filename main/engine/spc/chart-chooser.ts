import { mean } from './chart-assembly.ts';
import { controlCharts } from './control-charts.ts';
import { laneySigmaZ } from './attribute-charts.ts';
import { normalityTest } from './normality.ts';
import { chiSquareSurvival } from './special-functions.ts';
import { heavyTailCheck } from './heavy-tail.ts';
import type { ChartInput, ChartTransform, ChartType } from './types.ts';

/**
 * The chart chooser, in plain words like Minitab's Assistant: the data type and subgroup size pick
 * the chart, then the checks a user should see before trusting its limits: enough subgroups,
 * stability, normality (where the chart depends on it), lag-1 autocorrelation and, for counts,
 * overdispersion, which proposes Laney P′ or U′ with the ratio that justifies it.
 */
export type CheckName = 'subgroups' | 'stability' | 'normality' | 'heavy-tail' | 'autocorrelation' | 'overdispersion';

export interface ChooserCheck {
  name: CheckName;
  status: 'ok' | 'warning' | 'not-applicable';
  message: string;
  /** The number the check rests on (count, p-value, r₁, σ_z). */
  value?: number;
}

export interface ChartChoice {
  chart: ChartType;
  dataType: 'individuals' | 'subgroups' | 'defectives' | 'defects';
  /** Why this chart, in one or two sentences. */
  reason: string;
  alternatives: ChartType[];
  checks: ChooserCheck[];
  /** The scale to chart on: 'none', or the transform the heavy-tail check proposes. */
  transform: ChartTransform;
}

export interface ChooserHint {
  /** Counts are defective units (share of cases) or defects (events per case); inferred when absent. */
  attribute?: 'defectives' | 'defects';
}

const MIN_SUBGROUPS = 25;
const MIN_INDIVIDUALS = 50;

function fmt(x: number, digits = 3): string {
  return Number.isFinite(x) ? x.toFixed(digits) : String(x);
}

/** Lag-1 autocorrelation r₁ = Σ(xₜ − x̄)(xₜ₊₁ − x̄)/Σ(xₜ − x̄)². */
export function lag1Autocorrelation(x: readonly number[]): number {
  const mu = mean(x);
  let num = 0;
  let den = 0;
  for (let t = 0; t < x.length; t++) {
    den += (x[t] - mu) ** 2;
    if (t + 1 < x.length) num += (x[t] - mu) * (x[t + 1] - mu);
  }
  return den > 0 ? num / den : 0;
}

function subgroupCheck(m: number, individuals: boolean): ChooserCheck {
  const needed = individuals ? MIN_INDIVIDUALS : MIN_SUBGROUPS;
  const unit = individuals ? 'values' : 'subgroups';
  return m >= needed
    ? {
        name: 'subgroups',
        status: 'ok',
        message: `${m} ${unit}: enough for stable limits (at least ${needed}).`,
        value: m,
      }
    : {
        name: 'subgroups',
        status: 'warning',
        message: `Only ${m} ${unit}: limits from fewer than ${needed} are imprecise; treat them as trial limits and recompute as data arrive.`,
        value: m,
      };
}

function stabilityCheck(input: ChartInput, chart: ChartType): ChooserCheck {
  const { charts } = controlCharts(input, { chart, rules: [1, 2] });
  const points = new Set(charts.flatMap((c) => c.signals.map((s) => s.index)));
  if (points.size === 0)
    return {
      name: 'stability',
      status: 'ok',
      message: 'No point is beyond the limits or in a run of 9 on one side: the process looks stable.',
      value: 0,
    };
  const first = [...points]
    .sort((a, b) => a - b)
    .slice(0, 5)
    .map((i) => input.labels[i]);
  return {
    name: 'stability',
    status: 'warning',
    message: `${points.size} subgroup${points.size > 1 ? 's' : ''} (${first.join(', ')}${points.size > 5 ? ', …' : ''}) fail test 1 or 2: find their causes, and exclude them from the limits if the causes are known and removed.`,
    value: points.size,
  };
}

function autocorrelationCheck(series: number[]): ChooserCheck {
  if (series.length < 10)
    return { name: 'autocorrelation', status: 'not-applicable', message: 'Too few points to judge autocorrelation.' };
  const r1 = lag1Autocorrelation(series);
  const bound = 2 / Math.sqrt(series.length);
  if (r1 > 0.2 && r1 > bound) {
    return {
      name: 'autocorrelation',
      status: 'warning',
      message: `Consecutive points are correlated (lag-1 r = ${fmt(r1, 2)} > ${fmt(Math.max(0.2, bound), 2)}): limits built from short-term variation will be too narrow and raise false alarms. Space the subgroups further apart (e.g. weekly instead of daily) or chart the changes.`,
      value: r1,
    };
  }
  return {
    name: 'autocorrelation',
    status: 'ok',
    message: `No important lag-1 autocorrelation (r = ${fmt(r1, 2)}).`,
    value: r1,
  };
}

function chooseVariables(input: Extract<ChartInput, { kind: 'variables' }>): ChartChoice {
  const sizes = input.subgroups.map((g) => g.length);
  const m = sizes.length;
  const individuals = sizes.every((n) => n === 1);
  const equal = sizes.every((n) => n === sizes[0]);
  let chart: ChartType;
  let reason: string;
  if (individuals) {
    chart = 'imr';
    reason =
      'Each subgroup holds one value (for example one case), so the I-MR chart: individual values, and moving ranges for the short-term variation.';
  } else if (equal && sizes[0] <= 8) {
    chart = 'xbar-r';
    reason = `Subgroups of ${sizes[0]} values: Xbar-R, as ranges estimate σ well for subgroups of up to 8.`;
  } else {
    chart = 'xbar-s';
    reason = equal
      ? `Subgroups of ${sizes[0]} values: Xbar-S, since for more than 8 values the standard deviation uses the data better than the range.`
      : `Subgroup sizes vary (${Math.min(...sizes)} to ${Math.max(...sizes)}): Xbar-S with the pooled standard deviation and limits for each subgroup's size.`;
  }
  const means = input.subgroups.map((g) => mean(g));
  const normality = normalityTest(means);
  const normalityCheck: ChooserCheck = individuals
    ? normality.pValue < 0.05
      ? {
          name: 'normality',
          status: 'warning',
          message: `The values are not normal (Anderson–Darling p = ${fmt(normality.pValue)}): the I chart will raise false alarms in the long tail. Chart subgroup means instead (Xbar), or transform the data (Box-Cox) first.`,
          value: normality.pValue,
        }
      : {
          name: 'normality',
          status: 'ok',
          message: `The values look normal (Anderson–Darling p = ${fmt(normality.pValue)}).`,
          value: normality.pValue,
        }
    : {
        name: 'normality',
        status: 'not-applicable',
        message: 'Subgroup means are close to normal whatever the data: Xbar limits do not need normal data.',
      };
  const tail = heavyTailCheck(input, chart);
  return {
    chart,
    dataType: individuals ? 'individuals' : 'subgroups',
    reason,
    alternatives: ['ewma', 'cusum'],
    checks: [
      subgroupCheck(m, individuals),
      stabilityCheck(input, chart),
      normalityCheck,
      tail.check,
      autocorrelationCheck(means),
    ],
    transform: tail.transform,
  };
}

function chooseAttributes(input: Extract<ChartInput, { kind: 'attributes' }>, hint: ChooserHint): ChartChoice {
  const { counts, sizes } = input;
  const m = counts.length;
  const type = hint.attribute ?? (counts.some((c, i) => c > sizes[i]) ? 'defects' : 'defectives');
  const equal = sizes.every((n) => n === sizes[0]);
  const plain: ChartType = type === 'defectives' ? 'p' : equal ? 'c' : 'u';
  const totalN = sizes.reduce((a, n) => a + n, 0);
  const rate = counts.reduce((a, c) => a + c, 0) / totalN;
  const unitVariance = (n: number) => (type === 'defectives' ? n * rate * (1 - rate) : n * rate);
  // Dispersion: Σ(xᵢ − nᵢr̄)²/Var(xᵢ) is χ²(m − 1) when the binomial/Poisson model holds.
  let chi2 = 0;
  for (let i = 0; i < m; i++)
    chi2 += unitVariance(sizes[i]) > 0 ? (counts[i] - sizes[i] * rate) ** 2 / unitVariance(sizes[i]) : 0;
  const ratio = chi2 / (m - 1);
  const pOver = chiSquareSurvival(chi2, m - 1);
  const rates = counts.map((c, i) => c / sizes[i]);
  const sigma = sizes.map((n) => Math.sqrt(unitVariance(n)) / n);
  const sigmaZ = laneySigmaZ(
    rates,
    new Array(m).fill(rate),
    sigma,
    rates.map((_, i) => i),
  );
  const overdispersed = m >= 10 && pOver < 0.01 && sigmaZ > 1.5;
  const model = type === 'defectives' ? 'binomial' : 'Poisson';
  let chart: ChartType = plain;
  let overdispersion: ChooserCheck;
  if (overdispersed) {
    chart = type === 'defectives' ? 'laney-p' : 'laney-u';
    const { charts } = controlCharts(input, { chart: type === 'defectives' ? 'p' : 'u' });
    const flagged = charts[0].signals.filter((s) => s.rule === 1).length;
    overdispersion = {
      name: 'overdispersion',
      status: 'warning',
      message:
        `The subgroups vary ${fmt(sigmaZ, 2)} times as much as the ${model} model allows (Laney σ_z = ${fmt(sigmaZ, 2)}; dispersion ratio χ²/(m−1) = ${fmt(ratio, 1)}, p ${pOver < 0.001 ? '< 0.001' : `= ${fmt(pOver)}`}). ` +
        `With about ${Math.round(totalN / m)} per subgroup the plain ${plain.toUpperCase()} limits are far too narrow and flag ${flagged} of ${m} subgroups. ` +
        `Laney ${type === 'defectives' ? 'P′' : 'U′'} widens them by σ_z, so only real changes stand out.`,
      value: sigmaZ,
    };
  } else {
    overdispersion = {
      name: 'overdispersion',
      status: 'ok',
      message: `The variation between subgroups is what the ${model} model expects (σ_z = ${fmt(sigmaZ, 2)}, dispersion ratio ${fmt(ratio, 2)}): ${plain.toUpperCase()} limits hold.`,
      value: sigmaZ,
    };
  }
  const what =
    type === 'defectives'
      ? 'Counts of defective units out of n (a share of cases)'
      : 'Counts of defects (several can fall on one unit)';
  const base =
    type === 'defectives'
      ? `${what}: a P chart${equal ? '' : ', with limits for each subgroup size'}.`
      : equal
        ? `${what} in equal areas of opportunity: a C chart.`
        : `${what} in varying numbers of units: a U chart (defects per unit).`;
  return {
    chart,
    dataType: type,
    reason: overdispersed
      ? `${base} The data are overdispersed, so Laney ${chart === 'laney-p' ? 'P′' : 'U′'} instead.`
      : base,
    alternatives: overdispersed
      ? [plain]
      : type === 'defectives'
        ? equal
          ? ['np', 'laney-p']
          : ['laney-p']
        : ['laney-u'],
    checks: [
      subgroupCheck(m, false),
      stabilityCheck(input, chart),
      { name: 'normality', status: 'not-applicable', message: `Counts follow the ${model} model, not the normal one.` },
      autocorrelationCheck(rates),
      overdispersion,
    ],
    transform: 'none',
  };
}

/** Picks the chart for the data and says, in plain words, why and what to check. */
export function chooseChart(input: ChartInput, hint: ChooserHint = {}): ChartChoice {
  return input.kind === 'variables' ? chooseVariables(input) : chooseAttributes(input, hint);
}
