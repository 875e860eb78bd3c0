import { InputError } from '../errors.ts';
import { boxCoxLambda, boxCoxTransform } from './distribution-fits.ts';
import type { AppliedTransform } from './types.ts';

/**
 * Charting durations on a scale where they are roughly normal. Waiting and cycle times are
 * heavy-tailed: a few extreme cases inflate the pooled σ and s̄, so on the raw scale the S chart
 * puts most weeks below its lower limit and the Xbar chart flags the weeks that hold an extreme
 * case. On the log (or fitted Box-Cox) scale the same tests keep their textbook false-alarm rate
 * while a real shift of the typical duration still stands out.
 */

/** The charted quantity in words, for an axis or a note: "ln(hours)", "Box-Cox (λ = 0.25) of (hours + 0.5)". */
export function describeTransform(applied: AppliedTransform, unit: string): string {
  const of = applied.shift ? `(${unit} + ${applied.shift})` : unit;
  return applied.lambda === null ? `ln ${of}` : `Box-Cox (λ = ${applied.lambda}) of ${of}`;
}

function shiftFor(values: readonly number[]): number {
  let min = Infinity;
  let minPositive = Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > 0 && v < minPositive) minPositive = v;
  }
  if (min > 0) return 0;
  if (min < 0) {
    throw new InputError(`A log or Box-Cox transform needs values of 0 or more; the smallest is ${min}.`, {
      hint: 'Chart these values without a transform (--transform none), or chart a measure that cannot be negative.',
    });
  }
  if (!Number.isFinite(minPositive)) {
    throw new InputError('Every value is 0, so a log or Box-Cox transform has nothing to work on.', {
      hint: 'Chart them without a transform.',
    });
  }
  // Zero durations (an automatic step) have no log: half the smallest positive value keeps their order.
  return minPositive / 2;
}

function roundShift(shift: number): number {
  return Number(shift.toPrecision(3));
}

/** Transforms every value of every subgroup; λ of Box-Cox is fitted on all values pooled. */
export function transformSubgroups(
  subgroups: readonly number[][],
  name: 'log' | 'box-cox',
): { subgroups: number[][]; applied: AppliedTransform } {
  const pooled = subgroups.flat();
  const shift = roundShift(shiftFor(pooled));
  const lambda =
    name === 'box-cox' ? Number(boxCoxLambda(shift ? pooled.map((v) => v + shift) : pooled).toFixed(2)) : null;
  const f = lambda === null ? (v: number) => Math.log(v + shift) : (v: number) => boxCoxTransform(v + shift, lambda);
  return { subgroups: subgroups.map((g) => g.map(f)), applied: { name, lambda, shift } };
}

/** Skewness g₁ = m₃/m₂^1.5 of the pooled values (0 for a symmetric distribution; ≈ 2 for an exponential one). */
export function skewness(values: readonly number[]): number {
  const n = values.length;
  if (n < 3) return 0;
  let sum = 0;
  for (const v of values) sum += v;
  const mu = sum / n;
  let m2 = 0;
  let m3 = 0;
  for (const v of values) {
    const d = v - mu;
    m2 += d * d;
    m3 += d * d * d;
  }
  m2 /= n;
  m3 /= n;
  return m2 > 0 ? m3 / m2 ** 1.5 : 0;
}
