import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { ColumnMapping, ImportRecord, RejectedRow, WorkspaceInfo } from '../../../preload/api.ts';
import { APP_VERSION, currentUser } from '../app-version.ts';
import type { EventLog } from '../eventlog/index.ts';
import { InputError } from '../errors.ts';
import { eventLogFromSnapshotFiles, eventLogToArrowParts } from './snapshot.ts';
import {
  removeStraySnapshots,
  SNAPSHOT_DIR,
  snapshotFiles,
  startSnapshotFiles,
  writeSnapshotFiles,
} from './snapshot-files.ts';
import { migrate } from './workspace-schema.ts';

export const DATABASE_FILE = 'workspace.db';

/** Audit actions after which the current log is another (workspace-sessions reloads it). */
export const LOG_CHANGING_ACTIONS: readonly string[] = ['import', 'restore', 'fix', 'undo_fix'];

/** Everything about one import that goes into the history and the audit trail. */
export interface ImportFacts {
  fileName: string;
  fileSize: number;
  sha256: string;
  format: 'csv' | 'xes';
  mapping: ColumnMapping | null;
  activities: number;
  variants: number;
  rowsRead: number;
  rejectedCount: number;
  rejected: RejectedRow[];
  timeRange: [string, string] | null;
  notes: string[];
}

interface ImportRow {
  id: number;
  file_name: string;
  file_size: number;
  sha256: string;
  format: 'csv' | 'xes';
  mapping_json: string | null;
  cases: number;
  events: number;
  rejected_rows: number;
  imported_at: string;
  user: string;
  app_version: string;
  snapshot: string;
}

/**
 * A project folder: `workspace.db` (SQLite, WAL) plus `snapshots/*.arrow`.
 *
 * A new import becomes current in one SQLite transaction, after its snapshot files are fully
 * written and renamed into place; until that commit the previous import stays current. A crash
 * at any point leaves either the old state or the new one, and stray snapshot files that no row
 * points to are removed the next time the workspace opens.
 */
export class Workspace {
  readonly path: string;
  private readonly db: Database.Database;

  private constructor(path: string, db: Database.Database) {
    this.path = path;
    this.db = db;
  }

  static create(path: string): Workspace {
    const dir = resolve(path);
    if (existsSync(join(dir, DATABASE_FILE))) return Workspace.open(dir);
    if (existsSync(dir) && !statSync(dir).isDirectory()) {
      throw new InputError(`${dir} is a file, not a folder.`, { hint: 'Choose a new folder name for the workspace.' });
    }
    mkdirSync(join(dir, SNAPSHOT_DIR), { recursive: true });
    return Workspace.connect(dir, true);
  }

  /** Whether the folder holds a workspace (its database), without opening it. */
  static exists(path: string): boolean {
    return existsSync(join(resolve(path), DATABASE_FILE));
  }

  static open(path: string): Workspace {
    const dir = resolve(path);
    if (!existsSync(join(dir, DATABASE_FILE))) {
      throw new InputError(`${dir} is not a Gemba workspace (no ${DATABASE_FILE} inside).`, {
        hint: 'Create a workspace first, e.g. `gemba import FILE --workspace DIR` creates it.',
      });
    }
    return Workspace.connect(dir, false);
  }

  private static connect(dir: string, creating: boolean): Workspace {
    const db = new Database(join(dir, DATABASE_FILE));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    const ws = new Workspace(dir, db);
    if (creating)
      ws.db.prepare('INSERT OR IGNORE INTO meta(key, value) VALUES (?, ?)').run('created_at', new Date().toISOString());
    mkdirSync(join(dir, SNAPSHOT_DIR), { recursive: true });
    const known = db.prepare('SELECT snapshot FROM imports').all() as { snapshot: string }[];
    removeStraySnapshots(dir, new Set(known.map((r) => r.snapshot)));
    return ws;
  }

  get name(): string {
    return basename(this.path);
  }

  close(): void {
    this.db.close();
  }

  info(): WorkspaceInfo {
    return { path: this.path, name: this.name, current: this.currentImport() };
  }

  currentImportId(): number | null {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = 'current_import'").get() as
      { value: string } | undefined;
    return row ? Number(row.value) : null;
  }

  currentImport(): ImportRecord | null {
    const id = this.currentImportId();
    return id === null ? null : (this.history().find((r) => r.id === id) ?? null);
  }

  history(): ImportRecord[] {
    const current = this.currentImportId();
    const rows = this.db.prepare('SELECT * FROM imports ORDER BY id DESC').all() as ImportRow[];
    return rows.map((r) => ({
      id: r.id,
      fileName: r.file_name,
      fileSize: r.file_size,
      sha256: r.sha256,
      format: r.format,
      mapping: r.mapping_json ? (JSON.parse(r.mapping_json) as ColumnMapping) : null,
      cases: r.cases,
      events: r.events,
      rejectedRows: r.rejected_rows,
      importedAt: r.imported_at,
      user: r.user,
      appVersion: r.app_version,
      current: r.id === current,
    }));
  }

  rejectedRows(importId: number, limit = 1000): RejectedRow[] {
    return this.db
      .prepare('SELECT line, reason FROM rejected_rows WHERE import_id = ? ORDER BY line LIMIT ?')
      .all(importId, limit) as RejectedRow[];
  }

  auditTrail(): {
    id: number;
    at: string;
    user: string;
    appVersion: string;
    action: string;
    importId: number | null;
    details: unknown;
  }[] {
    const rows = this.db.prepare('SELECT * FROM audit ORDER BY id').all() as {
      id: number;
      at: string;
      user: string;
      app_version: string;
      action: string;
      import_id: number | null;
      details_json: string;
    }[];
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      user: r.user,
      appVersion: r.app_version,
      action: r.action,
      importId: r.import_id,
      details: JSON.parse(r.details_json),
    }));
  }

  /**
   * Writes the snapshot, then records the import and makes it current in one transaction.
   * `beforeCommit` runs inside the transaction (tests use it to simulate a crash).
   */
  commitImport(log: EventLog, facts: ImportFacts, beforeCommit?: () => void): number {
    const snapshot = randomUUID();
    const { events, cases } = eventLogToArrowParts(log);
    const files = writeSnapshotFiles(this.path, snapshot, { events: events.parts, cases: cases.parts });
    return this.recordImport(log, facts, snapshot, files, beforeCommit);
  }

  /**
   * commitImport for an import still being checked: the snapshot files are written and reach the
   * disk in the background while `check` works out the facts (statistics, the file's hash), and
   * the import is recorded once both are done. If `check` or the writing fails, the files are
   * removed and the workspace is exactly as it was.
   */
  async commitImportWhileChecking<Facts extends ImportFacts>(
    log: EventLog,
    check: () => Promise<Facts>,
  ): Promise<{ importId: number; facts: Facts }> {
    const snapshot = randomUUID();
    const { events, cases } = eventLogToArrowParts(log);
    const writing = startSnapshotFiles(this.path, snapshot, { events: events.parts, cases: cases.parts });
    let facts: Facts;
    let files: string[];
    try {
      facts = await check();
      files = await writing.place();
    } catch (error) {
      await writing.discard();
      throw error;
    }
    return { importId: this.recordImport(log, facts, snapshot, files), facts };
  }

  /** Records an import whose snapshot files are in place and makes it current; removes the files if that fails. */
  private recordImport(
    log: EventLog,
    facts: ImportFacts,
    snapshot: string,
    files: string[],
    beforeCommit?: () => void,
  ): number {
    try {
      const now = new Date().toISOString();
      const user = currentUser();
      const commit = this.db.transaction(() => {
        const { lastInsertRowid } = this.db
          .prepare(
            `INSERT INTO imports (file_name, file_size, sha256, format, mapping_json, cases, events, activities, variants, rows_read,
              rejected_rows, time_start, time_end, notes_json, snapshot, imported_at, user, app_version)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            facts.fileName,
            facts.fileSize,
            facts.sha256,
            facts.format,
            facts.mapping ? JSON.stringify(facts.mapping) : null,
            log.caseCount,
            log.eventCount,
            facts.activities,
            facts.variants,
            facts.rowsRead,
            facts.rejectedCount,
            facts.timeRange?.[0] ?? null,
            facts.timeRange?.[1] ?? null,
            JSON.stringify(facts.notes),
            snapshot,
            now,
            user,
            APP_VERSION,
          );
        const importId = Number(lastInsertRowid);
        const insertRejected = this.db.prepare('INSERT INTO rejected_rows (import_id, line, reason) VALUES (?, ?, ?)');
        for (const row of facts.rejected) insertRejected.run(importId, row.line, row.reason);
        this.audit(
          'import',
          importId,
          {
            fileName: facts.fileName,
            fileSize: facts.fileSize,
            sha256: facts.sha256,
            format: facts.format,
            mapping: facts.mapping,
            rowsRead: facts.rowsRead,
            cases: log.caseCount,
            events: log.eventCount,
            rejectedRows: facts.rejectedCount,
          },
          now,
          user,
        );
        this.setCurrent(importId);
        beforeCommit?.();
        return importId;
      });
      return commit();
    } catch (error) {
      for (const file of files) rmSync(file, { force: true });
      throw error;
    }
  }

  /** Makes an earlier import current again; its snapshot was never deleted. */
  restoreImport(importId: number): void {
    const row = this.db.prepare('SELECT id, file_name FROM imports WHERE id = ?').get(importId) as
      { id: number; file_name: string } | undefined;
    if (!row)
      throw new InputError(`Import ${importId} is not in this workspace's history.`, {
        hint: 'List the history to see which imports exist.',
      });
    this.db.transaction(() => {
      const previous = this.currentImportId();
      this.setCurrent(importId);
      this.audit('restore', importId, { fileName: row.file_name, previousImport: previous });
    })();
  }

  /** Reads the current import's snapshot; null when nothing was imported yet. */
  loadCurrentLog(): EventLog | null {
    const id = this.currentImportId();
    return id === null ? null : this.loadLog(id);
  }

  loadLog(importId: number): EventLog {
    const row = this.db.prepare('SELECT snapshot FROM imports WHERE id = ?').get(importId) as
      { snapshot: string } | undefined;
    if (!row) throw new InputError(`Import ${importId} is not in this workspace's history.`);
    const files = snapshotFiles(this.path, row.snapshot);
    const missing = files.find((f) => !existsSync(f));
    if (missing) {
      throw new InputError(`The events of import ${importId} are missing from the workspace (${missing} is gone).`, {
        hint: 'Restore another import from the history, or import the file again.',
      });
    }
    return eventLogFromSnapshotFiles(files[0], files[1]);
  }

  /** Records an action in the audit trail (imports and restores record themselves). */
  audit(
    action: string,
    importId: number | null,
    details: unknown,
    at = new Date().toISOString(),
    user = currentUser(),
  ): void {
    this.db
      .prepare('INSERT INTO audit (at, user, app_version, action, import_id, details_json) VALUES (?, ?, ?, ?, ?, ?)')
      .run(at, user, APP_VERSION, action, importId, JSON.stringify(details));
  }

  /** Grows with every recorded action (import, restore, fix, undo): a cheap "has anything changed". */
  auditRevision(): number {
    return (this.db.prepare('SELECT COALESCE(MAX(id), 0) AS n FROM audit').get() as { n: number }).n;
  }

  /**
   * Grows only with the actions that change the log every view sees (import, restore, a fix or
   * its undo). Training, scoring and the review of findings are audited too, but must not make
   * every view reload the log and lose its caches.
   */
  logRevision(): number {
    return (
      this.db
        .prepare(
          `SELECT COALESCE(MAX(id), 0) AS n FROM audit WHERE action IN (${LOG_CHANGING_ACTIONS.map(() => '?').join(', ')})`,
        )
        .get(...LOG_CHANGING_ACTIONS) as { n: number }
    ).n;
  }

  /** The underlying database, for engine modules that keep their own tables (fixes, findings). */
  get database(): Database.Database {
    return this.db;
  }

  private setCurrent(importId: number): void {
    this.db
      .prepare(
        "INSERT INTO meta(key, value) VALUES ('current_import', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      )
      .run(String(importId));
  }
}
