/**
 * What the registry stores: versioned models and the findings they produced. Plain JSON types,
 * so the service can pass them over the contract unchanged.
 */
import type { FindingStatus, FindingSummary } from '../../preload/api.ts';

/** Where a model's training data came from: enough to say which log, fixes and filters it saw. */
export interface DataBasis {
  importId: number;
  fileName: string;
  /** SHA-256 of the imported file. */
  sha256: string;
  /** Data-quality fixes in force (ids and kinds). */
  fixesInForce: { id: number; kind: string }[];
  /** Filters applied before training (as the views take them). */
  filters: unknown[];
  cases: number;
  events: number;
}

/** A trained model before it is stored: what `trainAnomalyModel` and its siblings return. */
export interface NewModel {
  /** 'anomaly', 'remaining-time', 'sla-breach', … (models/registry/model-kinds.ts). */
  kind: string;
  onnx: Uint8Array;
  /** Canonical JSON of the TreeEnsemble (models/ensemble `ensembleToJson`). */
  ensembleJson: string;
  featureNames: string[];
  /** Feature statistics and encodings (e.g. ProcessStatistics), JSON. */
  encoding: unknown;
  /** Model-specific facts needed to score and explain (usual ranges, score quantiles, drift reference). */
  details: unknown;
  basis: DataBasis;
  metrics: Record<string, number | string | null>;
  /** Wall-clock training time in ms. */
  trainingMs: number;
}

export interface ModelRecord extends NewModel {
  id: number;
  /** 1, 2, … per kind in this workspace. */
  version: number;
  /** "anomaly v3": what findings and the audit trail call it. */
  label: string;
  /** Short SHA-256 of the canonical basis JSON: the data fingerprint findings keep. */
  dataFingerprint: string;
  createdAt: string;
  user: string;
  appVersion: string;
}

/** What a finding is, its kinds, statuses and contributions: the contract's words, kept in one place. */
export { FINDING_KINDS } from '../../preload/api.ts';
export type { FindingContribution, FindingKind, FindingStatus } from '../../preload/api.ts';

/**
 * One finding, in the shape `gemba findings --json` prints (issue 10): the contract's
 * FindingSummary, whose review state the registry fills in only once the finding is stored.
 */
export interface Finding extends Omit<FindingSummary, 'status' | 'comments'> {
  status?: FindingStatus;
  comments?: FindingSummary['comments'];
}
