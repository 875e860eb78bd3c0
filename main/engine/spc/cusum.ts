import { InputError } from '../errors.ts';
import { collapse, mean } from './chart-assembly.ts';
import { phaseReference } from './time-weighted.ts';
import type { ChartContext } from './variables-charts.ts';
import type { ControlChart, Signal } from './types.ts';

/**
 * Tabular CUSUM (Page 1954; Montgomery §9.1; NIST e-Handbook 6.3.2.3): S_hi,i = max(0, x̄ᵢ −
 * (target + K) + S_hi,i−1), S_lo,i = max(0, (target − K) − x̄ᵢ + S_lo,i−1), from 0, signalling when
 * either exceeds H. K = k·σ_x̄ and H = h·σ_x̄ with k, h in σ units. Equal subgroup sizes keep the
 * sums in the data's units; varying sizes standardize each x̄ᵢ by σ/√nᵢ first (then K = k, H = h).
 */
export function cusumChart(subgroups: number[][], labels: string[], ctx: ChartContext): ControlChart {
  const { layout, settings, options, notes } = ctx;
  const k = options.k ?? 0.5;
  const h = options.h ?? 4;
  if (!(k >= 0))
    throw new InputError(`k = ${k}: the CUSUM reference value must be 0 or more (in σ units).`, {
      hint: 'Use k = 0.5 to detect a 1σ shift.',
    });
  if (!(h > 0))
    throw new InputError(`h = ${h}: the CUSUM decision interval must be positive (in σ units).`, {
      hint: 'Use h = 4 or 5.',
    });
  const m = subgroups.length;
  const sizes = subgroups.map((g) => g.length);
  const means = subgroups.map((g) => mean(g));
  const upper = new Array<number>(m);
  const lower = new Array<number>(m);
  const decision = new Array<number>(m);
  const zone = new Array<number>(m);
  const estimates: ControlChart['estimates'] = [];
  const signals: Signal[] = [];
  const testOne = settings.some((s) => s.test === 1);
  let standardized = false;
  layout.phases.forEach((phase, p) => {
    const { target, sigma } = phaseReference(subgroups, phase.fit, p, options);
    estimates.push({ phase: p, center: target, sigma });
    const equal = sizes.slice(phase.start, phase.end).every((n) => n === sizes[phase.start]);
    standardized ||= !equal;
    let hi = 0;
    let lo = 0;
    for (let i = phase.start; i < phase.end; i++) {
      const sigmaMean = sigma / Math.sqrt(sizes[i]);
      const unit = equal ? sigmaMean : 1;
      const deviation = (means[i] - target) / (equal ? 1 : sigmaMean);
      hi = Math.max(0, deviation - k * unit + hi);
      lo = Math.max(0, -deviation - k * unit + lo);
      upper[i] = hi;
      lower[i] = lo;
      decision[i] = h * unit;
      zone[i] = unit;
      if (testOne && (hi > decision[i] || lo > decision[i]))
        signals.push({
          index: i,
          rule: 1,
          description: `Test 1: cumulative sum beyond the decision interval H = ${h}σ`,
        });
    }
  });
  if (standardized) notes.push('Subgroup sizes vary, so the CUSUM sums are in σ units of each subgroup mean (H = h).');
  return {
    name: 'CUSUM',
    points: upper,
    lower,
    labels,
    n: sizes,
    center: 0,
    lcl: collapse(decision.map((d) => -d)),
    ucl: collapse(decision),
    signals,
    excluded: layout.excluded,
    baseline: layout.baseline,
    baselinePoints: layout.baselinePoints,
    phase: layout.phaseOf,
    rules: testOne ? [1] : [],
    zoneSigma: zone,
    estimates,
  };
}
