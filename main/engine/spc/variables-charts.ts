import { InputError } from '../errors.ts';
import { assembleChart, limitWidth, limitsAround, mean, range, standardDeviation } from './chart-assembly.ts';
import { c4, controlChartConstants } from './constants.ts';
import type { PhaseLayout } from './phases.ts';
import { grandMean, pooledStandardDeviation, sigmaFromMovingRanges, sigmaFromRanges } from './sigma-estimates.ts';
import type { TestSetting } from './special-causes.ts';
import type { ChartOptions, ControlChart } from './types.ts';

/**
 * Shewhart charts for measurements: I-MR for single values, Xbar-R and Xbar-S for subgroups
 * (Montgomery, Introduction to Statistical Quality Control, ch. 6). A given target or σ (known
 * process parameters) replaces the estimate from the data.
 */
export interface ChartContext {
  layout: PhaseLayout;
  settings: TestSetting[];
  options: ChartOptions;
  notes: string[];
}

function noSigma(phase: number, what: string): InputError {
  return new InputError(`Phase ${phase + 1} has ${what}, so σ cannot be estimated.`, {
    hint: 'Give more subgroups (or fewer exclusions), or give σ with --sigma.',
  });
}

/** I-MR: individuals with limits at center ± Kσ, σ = MR̄/d2(2); the MR chart of consecutive values. */
export function individualsCharts(values: number[], labels: string[], ctx: ChartContext): ControlChart[] {
  const { layout, settings, options } = ctx;
  const K = limitWidth(settings);
  const m = values.length;
  const { d2, d3 } = controlChartConstants(2);
  const iLines = {
    center: new Array<number>(m),
    lcl: new Array<number>(m),
    ucl: new Array<number>(m),
    zone: new Array<number>(m),
  };
  const mrLines = {
    center: new Array<number>(m),
    lcl: new Array<number>(m),
    ucl: new Array<number>(m),
    zone: new Array<number>(m),
  };
  const mrPoints: (number | null)[] = new Array(m).fill(null);
  const estimates: ControlChart['estimates'] = [];
  layout.phases.forEach((phase, p) => {
    const center = options.target ?? mean(phase.fit.map((i) => values[i]));
    const sigma = options.sigma ?? sigmaFromMovingRanges(values, phase.fit).sigma;
    if (!Number.isFinite(sigma)) throw noSigma(p, 'no two consecutive values in its limits');
    estimates.push({ phase: p, center, sigma });
    for (let i = phase.start; i < phase.end; i++) {
      iLines.center[i] = center;
      iLines.lcl[i] = center - K * sigma;
      iLines.ucl[i] = center + K * sigma;
      iLines.zone[i] = sigma;
      if (i > phase.start) mrPoints[i] = Math.abs(values[i] - values[i - 1]);
      mrLines.center[i] = d2 * sigma;
      mrLines.lcl[i] = Math.max(0, d2 * sigma - K * d3 * sigma);
      mrLines.ucl[i] = d2 * sigma + K * d3 * sigma;
      mrLines.zone[i] = d3 * sigma;
    }
  });
  const n = new Array<number>(m).fill(1);
  const i = assembleChart(
    {
      name: 'I',
      points: [...values],
      labels,
      n,
      center: iLines.center,
      lcl: iLines.lcl,
      ucl: iLines.ucl,
      zoneSigma: iLines.zone,
      estimates,
    },
    layout,
    settings,
    'location',
  );
  const mr = assembleChart(
    {
      name: 'MR',
      points: mrPoints,
      labels,
      n,
      center: mrLines.center,
      lcl: mrLines.lcl,
      ucl: mrLines.ucl,
      zoneSigma: mrLines.zone,
      estimates,
    },
    layout,
    settings,
    'dispersion-or-attribute',
  );
  return [i, mr];
}

interface Dispersion {
  /** σ of one observation behind point i (for the Xbar limits). */
  sigmaAt: number[];
  center: number[];
  zone: number[];
  points: (number | null)[];
}

/**
 * Xbar with R or S. R: σ from the weighted ranges, R chart at d2σ ± K·d3σ. S as in Montgomery
 * §6.3: equal sizes use s̄ = mean of sᵢ; varying sizes the pooled s̄ (Eq. 6.31) with limits per
 * subgroup, Xbar at x̿ ± A3(nᵢ)s̄ and S between B3(nᵢ)s̄ and B4(nᵢ)s̄ (for K = 3).
 */
export function subgroupCharts(
  subgroups: number[][],
  labels: string[],
  ctx: ChartContext,
  kind: 'R' | 'S',
): ControlChart[] {
  const { layout, settings, options } = ctx;
  const K = limitWidth(settings);
  const m = subgroups.length;
  const sizes = subgroups.map((g) => g.length);
  const disp: Dispersion = {
    sigmaAt: new Array(m),
    center: new Array(m),
    zone: new Array(m),
    points: new Array(m).fill(null),
  };
  const estimates: ControlChart['estimates'] = [];
  layout.phases.forEach((phase, p) => {
    const fitSizes = phase.fit.map((i) => sizes[i]);
    if (options.sigma === undefined && fitSizes.every((n) => n < 2))
      throw noSigma(p, 'no subgroup of two or more values in its limits');
    const center = options.target ?? grandMean(subgroups, phase.fit);
    let sigma: number;
    if (kind === 'R') {
      sigma = options.sigma ?? sigmaFromRanges(subgroups, phase.fit);
      for (let i = phase.start; i < phase.end; i++) {
        disp.sigmaAt[i] = sigma;
        if (sizes[i] < 2) continue;
        const { d2, d3 } = controlChartConstants(sizes[i]);
        disp.points[i] = range(subgroups[i]);
        disp.center[i] = d2 * sigma;
        disp.zone[i] = d3 * sigma;
      }
    } else {
      const withSpread = phase.fit.filter((i) => sizes[i] >= 2);
      const equal = withSpread.every((i) => sizes[i] === sizes[withSpread[0]]);
      // s̄: the mean of the sᵢ for equal sizes, the pooled s for varying sizes (Montgomery Eq. 6.31).
      const pooled = pooledStandardDeviation(subgroups, withSpread);
      const sBar = equal ? mean(withSpread.map((i) => standardDeviation(subgroups[i]))) : pooled.sp;
      sigma = options.sigma ?? (equal ? sBar / c4(sizes[withSpread[0]]) : pooled.sp / c4(pooled.df + 1));
      for (let i = phase.start; i < phase.end; i++) {
        const n = sizes[i];
        disp.sigmaAt[i] = options.sigma ?? (n >= 2 ? sBar / c4(n) : sigma);
        if (n < 2) continue;
        const cn = c4(n);
        disp.points[i] = standardDeviation(subgroups[i]);
        disp.center[i] = options.sigma !== undefined ? cn * options.sigma : sBar;
        disp.zone[i] = (disp.center[i] * Math.sqrt(1 - cn * cn)) / cn;
      }
    }
    estimates.push({ phase: p, center, sigma });
    for (let i = phase.start; i < phase.end; i++) disp.sigmaAt[i] = disp.sigmaAt[i] / Math.sqrt(sizes[i]);
  });
  const xCenter = layout.phaseOf.map((p) => estimates[p].center);
  const xZone = disp.sigmaAt;
  const xbar = assembleChart(
    {
      name: 'Xbar',
      points: subgroups.map((g) => mean(g)),
      labels,
      n: sizes,
      center: xCenter,
      ...limitsAround(xCenter, xZone, K),
      zoneSigma: xZone,
      estimates,
    },
    layout,
    settings,
    'location',
  );
  // A subgroup of one value has no range or standard deviation: its point and lines are NaN (null in JSON).
  const center = disp.center.map((c, i) => (sizes[i] >= 2 ? c : NaN));
  const zone = disp.zone.map((z, i) => (sizes[i] >= 2 ? z : NaN));
  const spread = assembleChart(
    {
      name: kind,
      points: disp.points,
      labels,
      n: sizes,
      center,
      lcl: center.map((c, i) => Math.max(0, c - K * zone[i])),
      ucl: center.map((c, i) => c + K * zone[i]),
      zoneSigma: zone,
      estimates,
    },
    layout,
    settings,
    'dispersion-or-attribute',
  );
  if (sizes.some((n) => n < 2))
    ctx.notes.push(
      `Subgroups of one value have no ${kind === 'R' ? 'range' : 'standard deviation'}; they are blank on the ${kind} chart.`,
    );
  return [xbar, spread];
}
