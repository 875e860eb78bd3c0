import type { FeatureSpec, ProcessStatistics } from '../features/index.ts';
import type { DriftReference } from '../registry/index.ts';
import type { UsualRange } from './tail-probability.ts';

export const ANOMALY_MODEL_KIND = 'anomaly';

/**
 * What the case-anomaly model keeps beside its trees (the registry's `details`): the feature
 * specs and usual ranges for the words, training score quantiles for the confidence, the score a
 * case needs to become a finding, and the drift reference.
 */
export interface AnomalyModelDetails {
  features: FeatureSpec[];
  usual: (UsualRange | null)[];
  /** Training scores at 0, 0.5, 1, …, 100 percent (201 values), for the score percentile. */
  scoreQuantiles: number[];
  /** A case scoring at least this is a finding: some feature rarer than 1 in 10 × training cases. */
  findingThreshold: number;
  trainingCases: number;
  medianCaseHours: number;
  drift: DriftReference;
}

/** What `models/registry` stores as the encoding of an anomaly model. */
export type AnomalyEncoding = ProcessStatistics;

/** Share of training scores strictly below `score` (0..1), interpolated between stored quantiles. */
export function scorePercentile(quantiles: number[], score: number): number {
  const n = quantiles.length - 1;
  if (score <= quantiles[0]) return 0;
  if (score >= quantiles[n]) return 1;
  let k = 0;
  while (k < n && quantiles[k + 1] < score) k++;
  const span = quantiles[k + 1] - quantiles[k];
  const within = span > 0 ? (score - quantiles[k]) / span : 0;
  return (k + within) / n;
}
