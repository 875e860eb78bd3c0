import { createHash } from 'node:crypto';
import { APP_VERSION, currentUser } from '../../main/engine/app-version.ts';
import { InputError } from '../../main/engine/errors.ts';
import type { Workspace } from '../../main/engine/workspace/index.ts';
import { ensureRegistryTables } from './registry-schema.ts';
import type { DataBasis, ModelRecord, NewModel } from './registry-types.ts';

interface ModelRow {
  id: number;
  kind: string;
  version: number;
  onnx: Buffer;
  ensemble_json: string;
  feature_names_json: string;
  encoding_json: string;
  details_json: string;
  basis_json: string;
  data_fingerprint: string;
  metrics_json: string;
  training_ms: number;
  created_at: string;
  user: string;
  app_version: string;
}

/** Short SHA-256 of the basis as canonical JSON (keys sorted): equal data, equal fingerprint. */
export function dataFingerprint(basis: DataBasis): string {
  return `sha256:${createHash('sha256').update(canonicalJson(basis)).digest('hex').slice(0, 16)}`;
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Versioned models of one workspace: ONNX bytes, canonical JSON, features and encodings, the
 * training-data fingerprint, metrics, time and app version. Saving writes an audit entry
 * ("train") in the same transaction.
 */
export class ModelRegistry {
  constructor(private readonly ws: Workspace) {
    ensureRegistryTables(ws.database);
  }

  save(model: NewModel, user = currentUser()): ModelRecord {
    const db = this.ws.database;
    const at = new Date().toISOString();
    const fingerprint = dataFingerprint(model.basis);
    const id = db.transaction(() => {
      const { v } = db
        .prepare('SELECT COALESCE(MAX(version), 0) + 1 AS v FROM models WHERE kind = ?')
        .get(model.kind) as { v: number };
      const { lastInsertRowid } = db
        .prepare(
          `INSERT INTO models (kind, version, onnx, ensemble_json, feature_names_json, encoding_json, details_json, basis_json,
            data_fingerprint, metrics_json, training_ms, created_at, user, app_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          model.kind,
          v,
          Buffer.from(model.onnx.buffer, model.onnx.byteOffset, model.onnx.byteLength),
          model.ensembleJson,
          JSON.stringify(model.featureNames),
          JSON.stringify(model.encoding),
          JSON.stringify(model.details),
          JSON.stringify(model.basis),
          fingerprint,
          JSON.stringify(model.metrics),
          model.trainingMs,
          at,
          user,
          APP_VERSION,
        );
      const modelId = Number(lastInsertRowid);
      this.ws.audit(
        'train',
        model.basis.importId,
        {
          model: `${model.kind} v${v}`,
          modelId,
          dataFingerprint: fingerprint,
          metrics: model.metrics,
          trainingMs: model.trainingMs,
        },
        at,
        user,
      );
      return modelId;
    })();
    return this.get(id);
  }

  get(id: number): ModelRecord {
    const row = this.ws.database.prepare('SELECT * FROM models WHERE id = ?').get(id) as ModelRow | undefined;
    if (!row)
      throw new InputError(`Model ${id} is not in this workspace.`, { hint: 'Train a model first: gemba train WS.' });
    return fromRow(row);
  }

  /** The newest version of a kind, or null when none was trained. */
  latest(kind: string): ModelRecord | null {
    const row = this.ws.database
      .prepare('SELECT * FROM models WHERE kind = ? ORDER BY version DESC LIMIT 1')
      .get(kind) as ModelRow | undefined;
    return row ? fromRow(row) : null;
  }

  /** Every model, newest first, without the ONNX bytes and JSON bodies. */
  list(): Omit<ModelRecord, 'onnx' | 'ensembleJson' | 'encoding' | 'details'>[] {
    const rows = this.ws.database.prepare('SELECT * FROM models ORDER BY id DESC').all() as ModelRow[];
    return rows.map((r) => {
      const { onnx: _o, ensembleJson: _e, encoding: _n, details: _d, ...rest } = fromRow(r);
      return rest;
    });
  }
}

function fromRow(r: ModelRow): ModelRecord {
  return {
    id: r.id,
    kind: r.kind,
    version: r.version,
    label: `${r.kind} v${r.version}`,
    onnx: new Uint8Array(r.onnx.buffer, r.onnx.byteOffset, r.onnx.byteLength),
    ensembleJson: r.ensemble_json,
    featureNames: JSON.parse(r.feature_names_json) as string[],
    encoding: JSON.parse(r.encoding_json) as unknown,
    details: JSON.parse(r.details_json) as unknown,
    basis: JSON.parse(r.basis_json) as DataBasis,
    dataFingerprint: r.data_fingerprint,
    metrics: JSON.parse(r.metrics_json) as ModelRecord['metrics'],
    trainingMs: r.training_ms,
    createdAt: r.created_at,
    user: r.user,
    appVersion: r.app_version,
  };
}
