import type { EventLog } from '../../main/engine/eventlog/index.ts';
import { InputError } from '../../main/engine/errors.ts';
import type { SegmentFairness } from '../../preload/api.ts';
import type { PrefixRows } from '../features/prefix/prefix-rows.ts';
import { areaUnderRoc, brierScore, meanAbsoluteError } from './metrics.ts';

/**
 * Metrics per segment (team, region, customer group…) side by side, with a warning where a
 * segment is flagged or mispredicted out of proportion. A segment smaller than `minRows` gets
 * its figures but never a warning: a handful of rows proves nothing.
 */
export interface SegmentRows {
  attribute: string;
  /** Segment code per row, -1 when the row has no value. */
  codes: Int32Array;
  names: string[];
}

/** Segments of prefix rows by a case attribute, or by an event attribute's value at the case's first event. */
export function segmentRows(log: EventLog, rows: PrefixRows, attribute: string): SegmentRows {
  const caseColumn = log.caseAttributes.find((c) => c.name === attribute);
  const eventColumn = log.eventAttributes.find((c) => c.name === attribute);
  const column = caseColumn ?? eventColumn;
  if (!column) {
    const known = [...log.caseAttributes, ...log.eventAttributes].map((c) => c.name);
    throw new InputError(`The log has no attribute "${attribute}" to compare segments by.`, {
      hint: known.length ? `Known attributes: ${known.join(', ')}.` : 'This log has no attributes.',
    });
  }
  const codes = new Int32Array(rows.count);
  const names: string[] = [];
  const codeOf = new Map<string, number>();
  for (let i = 0; i < rows.count; i++) {
    const index = caseColumn ? rows.case[i] : log.caseStart[rows.case[i]];
    const text =
      column.type === 'string'
        ? column.codes[index] >= 0
          ? column.dictionary[column.codes[index]]
          : null
        : Number.isNaN(column.values[index])
          ? null
          : String(column.values[index]);
    if (text === null) {
      codes[i] = -1;
      continue;
    }
    let code = codeOf.get(text);
    if (code === undefined) {
      code = names.push(text) - 1;
      codeOf.set(text, code);
    }
    codes[i] = code;
  }
  return { attribute, codes, names };
}

/** One segment's figures: the contract's shape, so the service passes them on unchanged. */
export type SegmentFigures = SegmentFairness;

export interface FairnessOptions {
  minRows?: number;
  /** A segment's error or flag-to-outcome ratio more than this factor off the whole is out of proportion. */
  tolerance?: number;
  threshold?: number;
}

export function regressionBySegment(
  segments: SegmentRows,
  predicted: ArrayLike<number>,
  actual: ArrayLike<number>,
  options: FairnessOptions = {},
): SegmentFigures[] {
  const minRows = options.minRows ?? 30;
  const tolerance = options.tolerance ?? 1.25;
  const overall = meanAbsoluteError(predicted, actual);
  return groups(segments).map(({ segment, rows }) => {
    const error = meanAbsoluteError(pick(predicted, rows), pick(actual, rows));
    const figures: SegmentFigures = { segment, rows: rows.length, error };
    if (rows.length >= minRows && error > tolerance * overall) {
      figures.warning = `Predictions for ${segments.attribute} = ${segment} are off by ${ratio(error, overall)} the average error.`;
    }
    return figures;
  });
}

/**
 * For probabilities: flag rate against the segment's actual positive rate. A segment flagged
 * more (or less) than its own outcomes justify, compared with the whole log, is warned about, as
 * is one whose Brier score is out of proportion.
 */
export function probabilityBySegment(
  segments: SegmentRows,
  probabilities: ArrayLike<number>,
  labels: ArrayLike<number>,
  options: FairnessOptions = {},
): SegmentFigures[] {
  const minRows = options.minRows ?? 30;
  const tolerance = options.tolerance ?? 1.25;
  const threshold = options.threshold ?? 0.5;
  const rate = (xs: ArrayLike<number>, test: (x: number) => boolean) => {
    let k = 0;
    for (let i = 0; i < xs.length; i++) if (test(xs[i])) k++;
    return xs.length ? k / xs.length : NaN;
  };
  const overallFlags = rate(probabilities, (p) => p >= threshold);
  const overallPositives = rate(labels, (y) => y === 1);
  const overallError = brierScore(probabilities, labels);
  return groups(segments).map(({ segment, rows }) => {
    const p = pick(probabilities, rows);
    const y = pick(labels, rows);
    const flagRate = rate(p, (v) => v >= threshold);
    const positiveRate = rate(y, (v) => v === 1);
    const error = brierScore(p, y);
    const figures: SegmentFigures = {
      segment,
      rows: rows.length,
      error,
      flagRate,
      positiveRate,
      auc: areaUnderRoc(p, y),
    };
    if (rows.length < minRows) return figures;
    // Flags per actual positive, against the same ratio for the whole log (+1 smooths empty segments).
    const segmentRatio = (flagRate * rows.length + 1) / (positiveRate * rows.length + 1);
    const wholeRatio = (overallFlags * labels.length + 1) / (overallPositives * labels.length + 1);
    const warnings: string[] = [];
    if (segmentRatio > tolerance * wholeRatio || segmentRatio < wholeRatio / tolerance) {
      warnings.push(
        `${segments.attribute} = ${segment} is flagged ${pct(flagRate)} of the time while ${pct(positiveRate)} actually breach (whole log: ${pct(overallFlags)} flagged, ${pct(overallPositives)} breach).`,
      );
    }
    if (error > tolerance * overallError)
      warnings.push(`Its probabilities are off by ${ratio(error, overallError)} the average (Brier score).`);
    if (warnings.length) figures.warning = warnings.join(' ');
    return figures;
  });
}

function groups(segments: SegmentRows): { segment: string; rows: number[] }[] {
  const rows = segments.names.map(() => [] as number[]);
  segments.codes.forEach((code, i) => code >= 0 && rows[code].push(i));
  return segments.names.map((segment, k) => ({ segment, rows: rows[k] }));
}

function pick(values: ArrayLike<number>, rows: number[]): Float64Array {
  return Float64Array.from(rows, (i) => values[i]);
}

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
