import type { KpiBoard, KpiRequest, KpiTile, LogBasis } from '../../preload/api.ts';
import type { EventLog } from '../engine/eventlog/index.ts';
import { describeInputError, InputError } from '../engine/errors.ts';
import { caseSegments, computeMeasure, type MeasuresFile } from '../engine/measures/index.ts';
import { measureInfo } from './measure-info.ts';

/**
 * Every measure of the schema as a tile: its value over the filtered log, the per-period series for
 * the sparkline, the trend, and with `by` one set of figures per segment. A measure that cannot be
 * computed on this log (no activity looks like a defect, an attribute it names is missing) keeps
 * its tile with the reason, so one bad measure never hides the others.
 */
export function kpiBoard(
  log: EventLog,
  file: MeasuresFile,
  request: KpiRequest,
  mask: Uint8Array | null,
  basis: LogBasis,
): KpiBoard {
  const period = request.period ?? 'week';
  // A missing segment attribute is the request's fault, not any measure's: say it once.
  if (request.by) caseSegments(log, request.by);
  const tiles = file.measures.map((measure): KpiTile => {
    const info = measureInfo(measure);
    const head = {
      name: measure.name,
      title: measure.title,
      unit: measure.unit,
      per: info.per,
      sentence: measure.sentence,
    };
    try {
      const r = computeMeasure(log, file, measure.name, {
        mask,
        period,
        timeZone: request.timeZone ?? null,
        segmentBy: request.by ?? null,
        basis,
      });
      return {
        ...head,
        value: r.summary.value,
        median: r.summary.median,
        n: r.summary.n,
        series: r.summary.series,
        trend: r.summary.trend,
        segments: r.segments
          ? r.segments.values.map(({ segment, value, median, n, series, trend }) => ({
              segment,
              value,
              median,
              n,
              series,
              trend,
            }))
          : null,
        partialPeriods: r.partialPeriods,
        notes: r.notes,
        problem: null,
      };
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const problem = describeInputError(error);
      return {
        ...head,
        value: null,
        median: null,
        n: 0,
        series: [],
        trend: { last: null, previous: null, change: null, slopePerPeriod: null },
        segments: null,
        partialPeriods: [],
        notes: [],
        problem,
      };
    }
  });
  return { basis, period, timeZone: request.timeZone || 'UTC', by: request.by ?? null, tiles };
}
