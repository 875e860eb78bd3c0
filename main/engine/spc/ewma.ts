import { InputError } from '../errors.ts';
import { assembleChart, limitsAround, mean } from './chart-assembly.ts';
import { phaseReference } from './time-weighted.ts';
import type { ChartContext } from './variables-charts.ts';
import type { ControlChart } from './types.ts';

/**
 * EWMA chart (Roberts 1959; Montgomery §9.2): zᵢ = λx̄ᵢ + (1 − λ)zᵢ₋₁ from z₀ = target, with the
 * exact time-varying limits target ± L·√Var(zᵢ). Var(zᵢ) = λ²σ²/nᵢ + (1 − λ)²Var(zᵢ₋₁) holds for any
 * subgroup sizes and tends to λσ²/((2 − λ)n) for equal n, the textbook asymptotic limits.
 * The statistic restarts at each phase; target and σ default to the phase's baseline estimates.
 */
export function ewmaChart(subgroups: number[][], labels: string[], ctx: ChartContext): ControlChart {
  const { layout, settings, options } = ctx;
  const lambda = options.lambda ?? 0.2;
  const L = options.L ?? 3;
  if (!(lambda > 0 && lambda <= 1))
    throw new InputError(`λ = ${lambda} is not a weight: EWMA needs 0 < λ ≤ 1.`, {
      hint: 'Typical values are 0.05 to 0.3 (default 0.2).',
    });
  if (!(L > 0))
    throw new InputError(`L = ${L}: the EWMA limit width must be positive.`, {
      hint: 'Typical values are 2.7 to 3 (default 3).',
    });
  const m = subgroups.length;
  const sizes = subgroups.map((g) => g.length);
  const means = subgroups.map((g) => mean(g));
  const points = new Array<number>(m);
  const center = new Array<number>(m);
  const zone = new Array<number>(m);
  const estimates: ControlChart['estimates'] = [];
  layout.phases.forEach((phase, p) => {
    const { target, sigma } = phaseReference(subgroups, phase.fit, p, options);
    estimates.push({ phase: p, center: target, sigma });
    let z = target;
    let variance = 0;
    for (let i = phase.start; i < phase.end; i++) {
      z = lambda * means[i] + (1 - lambda) * z;
      variance = (lambda * lambda * sigma * sigma) / sizes[i] + (1 - lambda) * (1 - lambda) * variance;
      points[i] = z;
      center[i] = target;
      zone[i] = Math.sqrt(variance);
    }
  });
  // Test 1 on EWMA means beyond the L-σ limits.
  const widthSettings = settings.filter((s) => s.test === 1).map((s) => ({ ...s, k: L }));
  return assembleChart(
    {
      name: 'EWMA',
      points,
      labels,
      n: sizes,
      center,
      ...limitsAround(center, zone, L),
      zoneSigma: zone,
      estimates,
    },
    layout,
    widthSettings,
    'cumulative',
  );
}
