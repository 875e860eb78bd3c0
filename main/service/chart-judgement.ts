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

/** Capability of the values charted (without the points the user left out), when specs are given. */
export function chartCapability(input: ChartInput, request: ControlChartRequest, notes: string[]): CapabilityReport | null {
  const specs = request.specs;
  if (!specs || (specs.lsl === undefined && specs.usl === undefined)) return null;
  if (input.kind !== 'variables') {
    notes.push('Capability is for measured values such as durations; for a share or a count, the centre line of its chart is the capability.');
    return null;
  }
  const left = new Set(request.exclude ?? []);
  const groups = input.subgroups.filter((_, i) => !left.has(i));
  return capability(groups, specs, { distribution: request.capabilityMethod ?? 'auto' });
}
