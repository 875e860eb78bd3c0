/**
 * Histogram bins for a capability plot: Freedman–Diaconis width (robust to the long right tail of
 * durations), Sturges for small samples, 5 to 50 bins, stretched to show the spec limits.
 */
export interface HistogramBin {
  start: number;
  end: number;
  count: number;
}

export function histogramBins(values: readonly number[], show: readonly number[] = []): HistogramBin[] {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return [];
  const lo = Math.min(sorted[0], ...show);
  const hi = Math.max(sorted[n - 1], ...show);
  if (hi === lo) return [{ start: lo - 0.5, end: hi + 0.5, count: n }];
  const quantile = (q: number) => {
    const pos = q * (n - 1);
    const i = Math.floor(pos);
    return sorted[i] + (pos - i) * ((sorted[Math.min(n - 1, i + 1)] ?? sorted[i]) - sorted[i]);
  };
  const iqr = quantile(0.75) - quantile(0.25);
  const dataSpan = sorted[n - 1] - sorted[0];
  const fdWidth =
    n >= 30 && iqr > 0 ? (2 * iqr) / Math.cbrt(n) : dataSpan / (Math.ceil(Math.log2(n)) + 1) || (hi - lo) / 10;
  const count = Math.min(50, Math.max(5, Math.ceil((hi - lo) / fdWidth)));
  const width = (hi - lo) / count;
  const bins: HistogramBin[] = Array.from({ length: count }, (_, i) => ({
    start: lo + i * width,
    end: lo + (i + 1) * width,
    count: 0,
  }));
  for (const v of sorted) bins[Math.min(count - 1, Math.floor((v - lo) / width))].count++;
  return bins;
}

/** A density drawn over the bins, scaled to counts (n × bin width), at `points` x positions. */
export function fittedCurve(
  pdf: (x: number) => number,
  bins: readonly HistogramBin[],
  n: number,
  points = 100,
): { x: number; y: number }[] {
  if (bins.length === 0) return [];
  const lo = bins[0].start;
  const hi = bins[bins.length - 1].end;
  const width = bins[0].end - bins[0].start;
  return Array.from({ length: points }, (_, i) => {
    const x = lo + ((hi - lo) * i) / (points - 1);
    const y = pdf(x) * n * width;
    return { x, y: Number.isFinite(y) ? y : 0 };
  });
}
