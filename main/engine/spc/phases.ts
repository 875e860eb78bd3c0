import { InputError } from '../errors.ts';
import type { ChartOptions } from './types.ts';

/**
 * Which subgroups set the limits of which points. Each phase (a stretch between process changes)
 * gets its own limits, computed from its own subgroups minus the excluded ones (assignable causes);
 * with a baseline of N, the first phase's limits come from its first N subgroups only and are
 * applied unchanged to the points after them.
 */
export interface Phase {
  /** First subgroup of the phase. */
  start: number;
  /** One past the last subgroup. */
  end: number;
  /** The subgroups the limits are computed from, ascending. */
  fit: number[];
}

export interface PhaseLayout {
  phaseOf: number[];
  phases: Phase[];
  /** The `exclude` option, sorted. */
  excluded: number[];
  /** Subgroups in the first phase's baseline, or null when all of it counts. */
  baseline: number | null;
  /** First and last subgroup (inclusive) of the baseline, or null. */
  baselinePoints: [number, number] | null;
}

function wholeIndex(value: number, m: number, what: string): number {
  if (!Number.isInteger(value) || value < 0 || value >= m) {
    throw new InputError(`${what} ${value} is not a subgroup: there are ${m} (numbered 0 to ${m - 1}).`, {
      hint: 'Subgroup indices are 0-based, in the order of the data.',
    });
  }
  return value;
}

export function phaseLayout(
  m: number,
  options: Pick<ChartOptions, 'baseline' | 'baselineStart' | 'exclude' | 'phases'>,
): PhaseLayout {
  const excluded = [...new Set((options.exclude ?? []).map((i) => wholeIndex(i, m, 'Excluded subgroup')))].sort(
    (a, b) => a - b,
  );
  const starts = (options.phases ?? []).map((i) => wholeIndex(i, m, 'Phase start'));
  for (let j = 0; j < starts.length; j++) {
    if (starts[j] === 0 || (j > 0 && starts[j] <= starts[j - 1])) {
      throw new InputError(`Phase starts must be increasing subgroup indices after 0; got ${starts.join(', ')}.`, {
        hint: 'Give the index of the first subgroup of each new phase, in order.',
      });
    }
  }
  const bounds = [0, ...starts, m];
  const phaseOf = new Array<number>(m);
  const skip = new Set(excluded);
  const phases: Phase[] = [];
  const baseline = options.baseline ?? null;
  const baselineStart = baseline === null ? 0 : wholeIndex(options.baselineStart ?? 0, m, 'Baseline start');
  if (baseline !== null && (!Number.isInteger(baseline) || baseline < 1 || baselineStart + baseline > bounds[1])) {
    const room = bounds[1] - baselineStart;
    throw new InputError(
      `A baseline of ${baseline} subgroups${baselineStart ? ` from subgroup ${baselineStart}` : ''} does not fit: the first phase has ${room} there` +
        `${starts.length ? ` (the second phase starts at subgroup ${starts[0]})` : ''}.`,
      {
        hint: 'The baseline gives the first phase its limits: make it end before the second phase starts (fewer subgroups or earlier dates), or start the phase later.',
      },
    );
  }
  for (let p = 0; p + 1 < bounds.length; p++) {
    const start = bounds[p];
    const end = bounds[p + 1];
    const fitStart = p === 0 && baseline !== null ? baselineStart : start;
    const fitEnd = p === 0 && baseline !== null ? baselineStart + baseline : end;
    const fit: number[] = [];
    for (let i = start; i < end; i++) {
      phaseOf[i] = p;
      if (i >= fitStart && i < fitEnd && !skip.has(i)) fit.push(i);
    }
    if (fit.length === 0) {
      throw new InputError(
        `Phase ${p + 1} (subgroups ${start} to ${end - 1}) has no subgroup left to compute limits from.`,
        {
          hint: 'Exclude fewer subgroups, or give the phase more data.',
        },
      );
    }
    phases.push({ start, end, fit });
  }
  const baselinePoints: [number, number] | null =
    baseline === null ? null : [baselineStart, baselineStart + baseline - 1];
  return { phaseOf, phases, excluded, baseline, baselinePoints };
}
