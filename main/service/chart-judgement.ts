import type { CapabilityReport, ChartAdvice, ControlChartRequest } from '../../preload/api.ts';
import { InputError } from '../engine/errors.ts';
import type { ChartInput, MeasureBlock } from '../engine/measures/index.ts';
import { capability, chooseChart } from '../engine/spc/index.ts';

/**
 * What the Control chart view says beside the chart: the chooser's advice for these data, and the
 * capability against the user's specs. Neither may hide the chart: where one cannot be given (too
 * few values, counts instead of measurements) it is null and a note says why.
 */

export function chartAdvice(input: ChartInput, block: MeasureBlock, notes: string[]): ChartAdvice | null {
  try {
    // Shares of cases are defectives; events per case, and cases per period charted as counts, are defects.
    return chooseChart(input, { attribute: block === 'case_share' ? 'defectives' : 'defects' });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    notes.push(`No chart advice: ${error.message}`);
    return null;
  }
}

/** The points the limits come from: a baseline's first point and how many (absent: every point). */
export interface LimitPoints {
  baseline?: number;
  baselineStart?: number;
  exclude?: number[];
}

/**
 * Capability of the values the limits come from, when specs are given: with a baseline only its
 * points (the process as it was judged stable), always without the points the user left out.
 */
export function chartCapability(input: ChartInput, request: ControlChartRequest, notes: string[], limits: LimitPoints = {}): CapabilityReport | null {
  const specs = request.specs;
  if (!specs || (specs.lsl === undefined && specs.usl === undefined)) return null;
  if (input.kind !== 'variables') {
    notes.push('Capability is for measured values such as durations; for a share or a count, the centre line of its chart is the capability.');
    return null;
  }
  const left = new Set(limits.exclude ?? request.exclude ?? []);
  const first = limits.baseline !== undefined ? (limits.baselineStart ?? 0) : 0;
  const last = limits.baseline !== undefined ? Math.min(input.subgroups.length, first + limits.baseline) : input.subgroups.length;
  const groups = input.subgroups.filter((_, i) => i >= first && i < last && !left.has(i));
  if (limits.baseline !== undefined) notes.push(`Capability uses the baseline's ${last - first} point${last - first === 1 ? '' : 's'} (${first + 1} to ${last}), as the limits do.`);
  return capability(groups, specs, { distribution: request.capabilityMethod ?? 'auto' });
}
