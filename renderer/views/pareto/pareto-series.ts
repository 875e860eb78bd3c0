/** One bar of a Pareto chart: an item, its count, and the running share up to and including it. */
export interface ParetoBar {
  label: string;
  value: number;
  share: number;
  cumulativeShare: number;
}

export interface ParetoSeries {
  bars: ParetoBar[];
  total: number;
  /** The fewest items that together reach `threshold` of the total (the "vital few"). */
  vitalFew: number;
}

/**
 * Items sorted from the largest count down (ties by label, so the chart is the same every time)
 * with each one's share and the cumulative share — the Pareto chart a Six Sigma team reads to
 * find the few activities, resources or variants behind most of the work.
 */
export function paretoSeries(items: readonly { label: string; value: number }[], threshold = 0.8): ParetoSeries {
  const sorted = items
    .filter((i) => i.value > 0)
    .sort((a, b) => b.value - a.value || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const total = sorted.reduce((n, i) => n + i.value, 0);
  let running = 0;
  let vitalFew = 0;
  const bars = sorted.map((i, k) => {
    running += i.value;
    const cumulativeShare = total > 0 ? running / total : 0;
    // The running sum of whole counts, not a sum of shares, so 80% is not missed as 0.7999999.
    if (vitalFew === 0 && running >= threshold * total - 1e-9) vitalFew = k + 1;
    return { label: i.label, value: i.value, share: total > 0 ? i.value / total : 0, cumulativeShare };
  });
  return { bars, total, vitalFew };
}
