/**
 * What one column of a case feature matrix means: its readable name (people read it in every
 * explanation), its unit (how a value is said in words) and which tail of it is unusual.
 */
export type FeatureUnit = 'count' | 'hours' | 'surprise' | 'robust z' | 'value';

export interface FeatureSpec {
  /** Readable name: "waiting time before Check Credit", "amount", "events on Sunday". */
  name: string;
  unit: FeatureUnit;
  /** 'upper': only large values are unusual; 'both': very small values are too (attribute values). */
  tail: 'upper' | 'both';
  /** Non-negative and right-skewed (waits, durations, amounts): compared on a log scale. */
  skewed: boolean;
  /** The activity the feature is about, when it is about one. */
  activity?: string;
  /** The case attribute the feature is about, when it is about one. */
  attribute?: string;
}

/** A row-major float32 matrix, one row per case, NaN where a value does not apply. */
export interface FeatureMatrix {
  rows: number;
  columns: number;
  /** rows × columns, row-major: value of feature f for case c at `c * columns + f`. */
  values: Float32Array;
  features: FeatureSpec[];
  /** Case index in the log of each row. */
  cases: Int32Array;
}

export const HOUR_MS = 3_600_000;

/** Value of feature `f` of row `r`. */
export function cell(m: FeatureMatrix, r: number, f: number): number {
  return m.values[r * m.columns + f];
}

/** One column as a fresh Float32Array. */
export function column(m: FeatureMatrix, f: number): Float32Array {
  const out = new Float32Array(m.rows);
  for (let r = 0; r < m.rows; r++) out[r] = m.values[r * m.columns + f];
  return out;
}
