/**
 * models/registry: versioned models and findings in the workspace's SQLite (own tables, created
 * idempotently), with audit entries for train, score and every user action on a finding.
 * - `ModelRegistry(ws)`: `save(newModel)` → ModelRecord (version per kind, data fingerprint),
 *   `get(id)`, `latest(kind)`, `list()`.
 * - `FindingsStore(ws)`: `record(modelId, importId, findings)`, `list({kind, status, top})`,
 *   `get(id)`, `setStatus(id, 'accepted' | 'dismissed' | 'open')`, `comment(id, text)`.
 * - `driftReference` / `featureDrift`: PSI per feature between training data and newer cases.
 * - `dataFingerprint(basis)`, `canonicalJson(value)`.
 */
export type {
  DataBasis,
  Finding,
  FindingContribution,
  FindingKind,
  FindingStatus,
  ModelRecord,
  NewModel,
} from './registry-types.ts';
export { FINDING_KINDS } from './registry-types.ts';
export { MODEL_KINDS, type ModelKind } from './model-kinds.ts';
export { ModelRegistry, dataFingerprint, canonicalJson } from './model-registry.ts';
export { FindingsStore } from './findings-store.ts';
export type { FindingQuery } from './findings-store.ts';
export { driftReference, featureDrift } from './drift.ts';
export type { DriftReference, FeatureDrift } from './drift.ts';
