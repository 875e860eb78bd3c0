import { InputError } from '../../main/engine/errors.ts';
import { bernoulliSample, seededRandom } from './random.ts';

/** Bin code of a missing (NaN) value; value bins are 0..254, so a feature has ≤ 255 of them. */
export const MISSING_BIN = 255;
export const MAX_VALUE_BINS = 255;
/** Values this large are raw epoch milliseconds (or similar): float32 cannot split them finely. */
const TOO_LARGE = 1e11;

/**
 * Quantile bins of every feature, LightGBM-style: each bin is closed by the largest training value
 * it holds (`upper`), so a split after bin b is the float32 threshold `upper[b]` — the largest
 * value that goes left — and `x <= upper[b]` holds exactly for the values in bins 0..b.
 */
export interface FeatureBins {
  /** Per feature, strictly increasing float32 upper bounds of its value bins (empty: all missing). */
  upper: Float32Array[];
  /** Bin code per cell, row-major like the features (feature f of row i at i·F + f); MISSING_BIN for NaN. */
  codes: Uint8Array;
  nRows: number;
}

/**
 * Upper bounds of at most `maxBins` bins holding about equal numbers of values; ties never span
 * two bins. With ≤ maxBins distinct values, each distinct value is its own bin (exact splits).
 */
export function quantileUpperBounds(values: Float32Array, maxBins: number): Float32Array {
  // Present values, sorted (a plain loop: filter's callback per value cost more than the sort).
  const present = new Float32Array(values.length);
  let m = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) present[m++] = values[i];
  const sorted = present.subarray(0, m).sort();
  if (m === 0) return new Float32Array(0);
  let distinct = 1;
  for (let i = 1; i < m; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
  const upper: number[] = [];
  if (distinct <= maxBins) {
    for (let i = 0; i < m; i++) if (i === m - 1 || sorted[i] !== sorted[i + 1]) upper.push(sorted[i]);
    return Float32Array.from(upper);
  }
  // Close a bin at the end of a run of equal values once it holds ≥ m / maxBins values: every
  // closed bin has ≥ the target, so there are at most maxBins of them.
  const target = m / maxBins;
  let inBin = 0;
  for (let i = 0; i < m; i++) {
    inBin++;
    const endOfRun = i === m - 1 || sorted[i] !== sorted[i + 1];
    if (endOfRun && (inBin >= target || i === m - 1)) {
      upper.push(sorted[i]);
      inBin = 0;
    }
  }
  return Float32Array.from(upper);
}

/** The bin of value x: the first bin whose upper bound is ≥ x (the last bin for larger values). */
export function binOf(upper: Float32Array, x: number): number {
  if (x !== x) return MISSING_BIN;
  let lo = 0;
  let hi = upper.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x <= upper[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Rows whose values set the bin edges (LightGBM's bin_construct_sample_cnt): more adds nothing but time. */
export const BINNING_SAMPLE_ROWS = 200_000;

/**
 * Bins a row-major n × F float32 matrix for training; the codes keep its row-major layout. Above
 * `sampleRows` rows the edges come from a seeded sample of about that many rows, so a threshold is
 * the largest sampled value of its bin (still `x <= threshold` ⇔ bin ≤ b for every row).
 */
export function binFeatures(
  features: Float32Array,
  nRows: number,
  featureNames: readonly string[],
  maxBins = MAX_VALUE_BINS,
  sampleRows = BINNING_SAMPLE_ROWS,
): FeatureBins {
  const width = featureNames.length;
  if (maxBins < 2 || maxBins > MAX_VALUE_BINS)
    throw new InputError(`maxBins must be between 2 and ${MAX_VALUE_BINS}, not ${maxBins}.`);
  const sample = nRows > sampleRows ? bernoulliSample(nRows, sampleRows / nRows, seededRandom(nRows)) : null;
  const upper: Float32Array[] = [];
  const codes = new Uint8Array(nRows * width);
  const column = new Float32Array(nRows);
  const sampled = new Float32Array(sample ? sample.length : 0);
  for (let f = 0; f < width; f++) {
    for (let i = 0; i < nRows; i++) {
      const x = features[i * width + f];
      if (Math.abs(x) >= TOO_LARGE) {
        throw new InputError(
          `Feature "${featureNames[f]}" has the value ${x} in row ${i + 1}, too large to split in float32 (raw epoch milliseconds?).`,
          {
            hint: 'Give times as durations or hours since a reference, never as raw epoch milliseconds.',
          },
        );
      }
      if (x === Infinity || x === -Infinity)
        throw new InputError(`Feature "${featureNames[f]}" is infinite in row ${i + 1}.`);
      column[i] = x;
    }
    if (sample) for (let k = 0; k < sample.length; k++) sampled[k] = column[sample[k]];
    const bounds = quantileUpperBounds(sample ? sampled : column, maxBins);
    upper.push(bounds);
    for (let i = 0; i < nRows; i++) codes[i * width + f] = binOf(bounds, column[i]);
  }
  return { upper, codes, nRows };
}
