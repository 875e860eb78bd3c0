import type Database from 'better-sqlite3';

/**
 * The workspace database. Events are not rows here: they live in Arrow snapshots beside the
 * database (see snapshot.ts), because inserting a million rows into SQLite would cost more than
 * the whole rest of an import, and reopening would be a row-by-row scan. SQLite holds what must
 * be transactional and queryable: the import history, rejected rows, the audit trail, and the
 * pointer to the current import.
 */
export const SCHEMA_VERSION = 1;

export function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new Error(`workspace was written by a newer Gemba (schema ${version}, this version reads ${SCHEMA_VERSION})`);
  }
  if (version === SCHEMA_VERSION) return;
  db.exec(`
    CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS imports (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      file_name TEXT NOT NULL,
      file_size INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      format TEXT NOT NULL,
      mapping_json TEXT,
      cases INTEGER NOT NULL,
      events INTEGER NOT NULL,
      activities INTEGER NOT NULL,
      variants INTEGER NOT NULL,
      rows_read INTEGER NOT NULL,
      rejected_rows INTEGER NOT NULL,
      time_start TEXT,
      time_end TEXT,
      notes_json TEXT NOT NULL,
      snapshot TEXT NOT NULL,
      imported_at TEXT NOT NULL,
      user TEXT NOT NULL,
      app_version TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS rejected_rows (
      import_id INTEGER NOT NULL REFERENCES imports(id),
      line INTEGER NOT NULL,
      reason TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS rejected_rows_by_import ON rejected_rows(import_id, line);
    CREATE TABLE IF NOT EXISTS audit (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      user TEXT NOT NULL,
      app_version TEXT NOT NULL,
      action TEXT NOT NULL,
      import_id INTEGER,
      details_json TEXT NOT NULL
    );
    -- Data-quality fixes per import (fixes-store.ts); undo marks a row, never deletes it.
    CREATE TABLE IF NOT EXISTS fixes (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      import_id INTEGER NOT NULL REFERENCES imports(id),
      kind TEXT NOT NULL,
      fix_json TEXT NOT NULL,
      applied_at TEXT NOT NULL,
      user TEXT NOT NULL,
      undone_at TEXT,
      undone_by TEXT
    );
    CREATE INDEX IF NOT EXISTS fixes_by_import ON fixes(import_id, id);
    -- Column names, types and ranges per import, for schema drift between imports.
    CREATE TABLE IF NOT EXISTS schema_summaries (
      import_id INTEGER PRIMARY KEY REFERENCES imports(id),
      summary_json TEXT NOT NULL
    );
  `);
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
}
