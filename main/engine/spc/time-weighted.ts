import { InputError } from '../errors.ts';
import { grandMean, shortTermSigma } from './sigma-estimates.ts';
import type { ChartOptions } from './types.ts';

/**
 * The target and σ of one observation that a time-weighted chart (EWMA, CUSUM) measures a phase
 * against: the user's when given, else estimated from the phase's baseline subgroups (`fit`).
 * A σ that cannot be estimated is the user's to give, so it is an input error, not a NaN chart.
 */
export function phaseReference(
  subgroups: readonly (readonly number[])[],
  fit: readonly number[],
  phase: number,
  options: ChartOptions,
): { target: number; sigma: number } {
  const target = options.target ?? grandMean(subgroups, fit);
  const sigma = options.sigma ?? shortTermSigma(subgroups, fit);
  if (!(sigma > 0)) {
    throw new InputError(
      `Phase ${phase + 1}: σ cannot be estimated from its baseline (${Number.isNaN(sigma) ? 'too few values' : 'no variation'}).`,
      {
        hint: 'Give the process σ with --sigma, or more data.',
      },
    );
  }
  return { target, sigma };
}
