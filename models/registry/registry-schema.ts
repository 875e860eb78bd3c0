import type Database from 'better-sqlite3';

/**
 * The registry's own tables in the workspace database, created idempotently (IF NOT EXISTS) so
 * a workspace written before models existed opens unchanged and gains them on first use.
 */
export function ensureRegistryTables(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS models (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      kind TEXT NOT NULL,
      version INTEGER NOT NULL,
      onnx BLOB NOT NULL,
      ensemble_json TEXT NOT NULL,
      feature_names_json TEXT NOT NULL,
      encoding_json TEXT NOT NULL,
      details_json TEXT NOT NULL,
      basis_json TEXT NOT NULL,
      data_fingerprint TEXT NOT NULL,
      metrics_json TEXT NOT NULL,
      training_ms REAL NOT NULL,
      created_at TEXT NOT NULL,
      user TEXT NOT NULL,
      app_version TEXT NOT NULL,
      UNIQUE (kind, version)
    );
    CREATE TABLE IF NOT EXISTS findings (
      id TEXT PRIMARY KEY,
      model_id INTEGER NOT NULL REFERENCES models(id),
      kind TEXT NOT NULL,
      case_id TEXT,
      activity TEXT,
      score REAL NOT NULL,
      confidence REAL NOT NULL,
      prediction REAL NOT NULL,
      base_value REAL NOT NULL,
      explanation_json TEXT NOT NULL,
      conditions_json TEXT NOT NULL,
      kpi_effect_json TEXT NOT NULL,
      model_version TEXT NOT NULL,
      data_fingerprint TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'open',
      scored_at TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS findings_by_kind ON findings(kind, score DESC);
    CREATE TABLE IF NOT EXISTS finding_comments (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      finding_id TEXT NOT NULL REFERENCES findings(id),
      at TEXT NOT NULL,
      user TEXT NOT NULL,
      text TEXT NOT NULL
    );
  `);
}
