/**
 * The vertical range of a tile's sparkline. With min–max, one case dated 2100 (cycle time 28,000 d)
 * flattens every other week onto the bottom edge. The range is the 5th to 95th percentile of the
 * values instead (min–max when that range is empty); values beyond it are drawn at the edge, so
 * the line shows the ordinary weeks and an outlier still shows as a point pinned to the top.
 */
export interface SparklineRange {
  low: number;
  high: number;
  /** Whether some values lie outside [low, high] and are pinned to an edge. */
  clipped: boolean;
}

/** The p-quantile of sorted values, interpolating between neighbours (type 7, as R and NumPy default). */
function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const below = Math.floor(h);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
}

export function sparklineRange(values: readonly number[]): SparklineRange {
  if (values.length === 0) return { low: 0, high: 1, clipped: false };
  const sorted = [...values].sort((a, b) => a - b);
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  let low = quantile(sorted, 0.05);
  let high = quantile(sorted, 0.95);
  if (!(high > low)) {
    low = min;
    high = max;
  }
  if (!(high > low)) return { low: min - 0.5, high: max + 0.5, clipped: false };
  return { low, high, clipped: min < low || max > high };
}

/** A value's height between 0 (bottom) and 1 (top), pinned to the edges outside the range. */
export function sparklineLevel(value: number, range: SparklineRange): number {
  return Math.min(1, Math.max(0, (value - range.low) / (range.high - range.low)));
}
