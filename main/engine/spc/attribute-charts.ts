import { assembleChart, limitWidth } from './chart-assembly.ts';
import { controlChartConstants } from './constants.ts';
import type { ChartContext } from './variables-charts.ts';
import type { ChartName, ControlChart } from './types.ts';

/**
 * Charts for counts (Montgomery ch. 7): P and NP for defectives out of n (binomial), C and U for
 * defects (Poisson), with limits per subgroup when n varies, and Laney's P′ and U′ (Laney 2002,
 * "Improved control charts for attributes", Quality Engineering 14(4)) that widen the limits by
 * σ_z, the between-subgroup variation the binomial or Poisson model does not explain. Large
 * subgroups (thousands of cases a week) make plain P limits far too narrow; P′ does not.
 */
export type AttributeChart = 'p' | 'np' | 'c' | 'u' | 'laney-p' | 'laney-u';

interface Model {
  name: ChartName;
  /** The plotted value of subgroup i. */
  point(count: number, size: number): number;
  /** Center line at subgroup i given the phase's pooled rate. */
  center(rate: number, size: number): number;
  /** One σ of the plotted value under the model. */
  sigma(rate: number, size: number): number;
  /** Upper bound of the plotted value (1 for a proportion), if any. */
  max(size: number): number;
}

const binomialSigma = (p: number, n: number) => Math.sqrt((p * (1 - p)) / n);

const MODELS: Record<AttributeChart, Model> = {
  p: { name: 'P', point: (d, n) => d / n, center: (p) => p, sigma: binomialSigma, max: () => 1 },
  'laney-p': { name: 'P', point: (d, n) => d / n, center: (p) => p, sigma: binomialSigma, max: () => 1 },
  np: {
    name: 'NP',
    point: (d) => d,
    center: (p, n) => n * p,
    sigma: (p, n) => Math.sqrt(n * p * (1 - p)),
    max: (n) => n,
  },
  // C charts count defects in equal areas of opportunity: the rate is the mean count.
  c: { name: 'C', point: (c) => c, center: (c) => c, sigma: (c) => Math.sqrt(c), max: () => Infinity },
  u: { name: 'U', point: (c, n) => c / n, center: (u) => u, sigma: (u, n) => Math.sqrt(u / n), max: () => Infinity },
  'laney-u': {
    name: 'U',
    point: (c, n) => c / n,
    center: (u) => u,
    sigma: (u, n) => Math.sqrt(u / n),
    max: () => Infinity,
  },
};

/** The phase's pooled rate: Σcounts/Σsizes (p̄, ū), or the mean count for C. */
function pooledRate(chart: AttributeChart, counts: number[], sizes: number[], fit: number[]): number {
  let c = 0;
  let n = 0;
  for (const i of fit) {
    c += counts[i];
    n += chart === 'c' ? 1 : sizes[i];
  }
  return c / n;
}

/**
 * Laney's σ_z: the subgroups standardized under the plain model, zᵢ = (pᵢ − p̄)/σ_pᵢ, and their
 * spread estimated as an individuals chart would, MR̄(z)/d2(2), from consecutive fitted subgroups.
 */
export function laneySigmaZ(points: number[], center: number[], sigma: number[], fit: number[]): number {
  let sum = 0;
  let count = 0;
  for (let j = 1; j < fit.length; j++) {
    const a = fit[j - 1];
    const b = fit[j];
    if (b !== a + 1 || !(sigma[a] > 0 && sigma[b] > 0)) continue;
    sum += Math.abs((points[b] - center[b]) / sigma[b] - (points[a] - center[a]) / sigma[a]);
    count++;
  }
  return count > 0 ? sum / count / controlChartConstants(2).d2 : NaN;
}

export function attributeChart(
  chart: AttributeChart,
  counts: number[],
  sizes: number[],
  labels: string[],
  ctx: ChartContext,
): ControlChart {
  const { layout, settings, notes } = ctx;
  const model = MODELS[chart];
  const K = limitWidth(settings);
  const m = counts.length;
  const points = counts.map((c, i) => model.point(c, sizes[i]));
  const center = new Array<number>(m);
  const zone = new Array<number>(m);
  const estimates: ControlChart['estimates'] = [];
  layout.phases.forEach((phase, p) => {
    const rate = pooledRate(chart, counts, sizes, phase.fit);
    for (let i = phase.start; i < phase.end; i++) {
      center[i] = model.center(rate, sizes[i]);
      zone[i] = model.sigma(rate, sizes[i]);
    }
    let sigmaZ = 1;
    if (chart === 'laney-p' || chart === 'laney-u') {
      sigmaZ = laneySigmaZ(points, center, zone, phase.fit);
      if (!Number.isFinite(sigmaZ)) {
        sigmaZ = 1;
        notes.push(
          `Phase ${p + 1}: no two consecutive subgroups to estimate Laney's σ_z; the limits are the plain ${model.name} limits.`,
        );
      } else {
        notes.push(
          `Phase ${p + 1}: Laney σ_z = ${sigmaZ.toFixed(3)}: the subgroups vary ${sigmaZ.toFixed(2)} times as much as the ${
            chart === 'laney-p' ? 'binomial' : 'Poisson'
          } model alone explains, so the limits are ${sigmaZ >= 1 ? 'widened' : 'narrowed'} by that factor.`,
        );
      }
      for (let i = phase.start; i < phase.end; i++) zone[i] *= sigmaZ;
    }
    const unit = model.sigma(rate, 1);
    estimates.push(
      chart === 'laney-p' || chart === 'laney-u'
        ? { phase: p, center: rate, sigma: unit * sigmaZ, sigmaZ }
        : { phase: p, center: rate, sigma: unit },
    );
  });
  if (chart === 'c' && new Set(sizes).size > 1) {
    notes.push(
      'The C chart assumes the same area of opportunity in every subgroup, but the sizes differ: a U chart accounts for them.',
    );
  }
  const lcl = center.map((c, i) => Math.max(0, c - K * zone[i]));
  const ucl = center.map((c, i) => Math.min(model.max(sizes[i]), c + K * zone[i]));
  return assembleChart(
    { name: model.name, points, labels, n: [...sizes], center, lcl, ucl, zoneSigma: zone, estimates },
    layout,
    settings,
    'dispersion-or-attribute',
  );
}
