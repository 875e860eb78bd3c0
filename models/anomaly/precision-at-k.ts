/**
 * Precision at k: of the k highest-scoring rows, the share that are truly anomalous. With k = the
 * number of true anomalies it equals recall at k, the measure the anomaly model is chosen by.
 * Ties at the k-th score are broken by row order (stable), the pessimistic choice is not made.
 */
export function topK(scores: ArrayLike<number>, k: number): number[] {
  const order = Array.from({ length: scores.length }, (_, i) => i);
  order.sort((a, b) => scores[b] - scores[a] || a - b);
  return order.slice(0, k);
}

export function precisionAtK(scores: ArrayLike<number>, isAnomaly: (row: number) => boolean, k: number): number {
  if (k <= 0) return NaN;
  return topK(scores, k).filter(isAnomaly).length / k;
}
