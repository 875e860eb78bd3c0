/**
 * Evaluation measures for running-case predictions, on typed arrays.
 */

export function meanAbsoluteError(predicted: ArrayLike<number>, actual: ArrayLike<number>): number {
  if (actual.length === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += Math.abs(predicted[i] - actual[i]);
  return sum / actual.length;
}

export interface ErrorAtLength {
  length: number;
  rows: number;
  mae: number;
}

/** MAE per prefix length, ascending (the benchmarks' curve). */
export function maeByPrefixLength(
  predicted: ArrayLike<number>,
  actual: ArrayLike<number>,
  lengths: Int32Array,
): ErrorAtLength[] {
  const sums = new Map<number, [number, number]>();
  for (let i = 0; i < lengths.length; i++) {
    const s = sums.get(lengths[i]) ?? [0, 0];
    s[0] += Math.abs(predicted[i] - actual[i]);
    s[1]++;
    sums.set(lengths[i], s);
  }
  return [...sums.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([length, [sum, rows]]) => ({ length, rows, mae: sum / rows }));
}

/**
 * Area under the ROC curve: the probability that a random positive scores above a random
 * negative, ties counting one half (Mann–Whitney U from mid-ranks, O(n log n)). NaN when one
 * class is absent.
 */
export function areaUnderRoc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = labels.length;
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]] === scores[order[i]]) j++;
    const midRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (labels[order[k]]) {
        positives++;
        rankSum += midRank;
      }
    }
    i = j + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Mean squared difference between the predicted probability and the 0/1 outcome. */
export function brierScore(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number {
  if (labels.length === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < labels.length; i++) sum += (probabilities[i] - labels[i]) ** 2;
  return sum / labels.length;
}

export interface Confusion {
  precision: number;
  recall: number;
  flagged: number;
  positives: number;
}

/** Precision and recall of flagging rows whose probability is at least `threshold`. */
export function precisionRecall(
  probabilities: ArrayLike<number>,
  labels: ArrayLike<number>,
  threshold = 0.5,
): Confusion {
  let flagged = 0;
  let positives = 0;
  let hits = 0;
  for (let i = 0; i < labels.length; i++) {
    const flag = probabilities[i] >= threshold;
    if (flag) flagged++;
    if (labels[i]) positives++;
    if (flag && labels[i]) hits++;
  }
  return { precision: flagged ? hits / flagged : NaN, recall: positives ? hits / positives : NaN, flagged, positives };
}

/**
 * Population stability index of a feature between training values and newer ones, over ten
 * bins cut at the training deciles (plus one bin for missing values). Shares are floored at
 * 1e-4 so an empty bin does not make the index infinite. Common reading: < 0.1 stable,
 * 0.1–0.25 moderate shift, > 0.25 major shift.
 */
export function populationStabilityIndex(training: ArrayLike<number>, recent: ArrayLike<number>, bins = 10): number {
  const present = Float64Array.from(
    Array.prototype.filter.call(training, (v: number) => !Number.isNaN(v)) as number[],
  ).sort();
  const edges: number[] = [];
  for (let b = 1; b < bins; b++) {
    if (present.length === 0) break;
    const edge = present[Math.min(present.length - 1, Math.floor((b * present.length) / bins))];
    if (edges.length === 0 || edge > edges[edges.length - 1]) edges.push(edge);
  }
  const share = (values: ArrayLike<number>) => {
    const counts = new Float64Array(edges.length + 2);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (Number.isNaN(v)) counts[edges.length + 1]++;
      else {
        let k = 0;
        while (k < edges.length && v >= edges[k]) k++;
        counts[k]++;
      }
    }
    return counts.map((c) => Math.max(1e-4, values.length ? c / values.length : 0));
  };
  const p = share(training);
  const q = share(recent);
  let psi = 0;
  for (let k = 0; k < p.length; k++) psi += (q[k] - p[k]) * Math.log(q[k] / p[k]);
  return psi;
}
