import type { AppliedFix, QualityFix, QualityReport } from '../../../preload/api.ts';
import { currentUser } from '../app-version.ts';
import { InputError } from '../errors.ts';
import type { EventLog } from '../eventlog/index.ts';
import { applyFix, applyFixes, validateFix } from '../quality/index.ts';
import { qualityReport, type QualityOptions } from '../quality/index.ts';
import { summarizeSchema, type SchemaSummary } from '../quality/index.ts';
import { REJECTED_SAMPLE_LIMIT } from '../import/index.ts';
import type { Workspace } from './workspace.ts';

/**
 * The data-quality fixes of a workspace: one row per fix, per import, in the order applied.
 * The raw import is never changed; the log every analysis sees is the raw snapshot with the
 * fixes in force applied (see `prepareLog`). Undo marks a row undone rather than deleting it,
 * so the table and the audit trail together say which fixes were in force at any time.
 * Each change also writes an audit entry, which is what tells the session cache to reload.
 */
export class FixesStore {
  constructor(private readonly ws: Workspace) {}

  /** Fixes in force for an import (default: the current one), oldest first. */
  inForce(importId = this.currentImport()): AppliedFix[] {
    const rows = this.ws.database
      .prepare('SELECT id, fix_json, applied_at, user FROM fixes WHERE import_id = ? AND undone_at IS NULL ORDER BY id')
      .all(importId) as { id: number; fix_json: string; applied_at: string; user: string }[];
    return rows.map((r) => ({
      id: r.id,
      fix: JSON.parse(r.fix_json) as QualityFix,
      appliedAt: r.applied_at,
      user: r.user,
    }));
  }

  /**
   * Records a fix for the current import and returns the fixes now in force. The fix is first
   * applied to the log as it now stands, so one that cannot be applied is refused here rather
   * than stored and then failing every later load. `fixedLog` is that log (the current import
   * with the fixes in force applied) when the caller already has it; otherwise it is loaded.
   */
  apply(fix: unknown, user = currentUser(), fixedLog?: EventLog): AppliedFix[] {
    const valid = validateFix(fix);
    const importId = this.currentImport();
    applyFix(fixedLog ?? this.prepareLog(this.ws.loadLog(importId), importId), valid);
    const at = new Date().toISOString();
    this.ws.database.transaction(() => {
      const { lastInsertRowid } = this.ws.database
        .prepare('INSERT INTO fixes (import_id, kind, fix_json, applied_at, user) VALUES (?, ?, ?, ?, ?)')
        .run(importId, valid.kind, JSON.stringify(valid), at, user);
      this.ws.audit('fix', importId, { fixId: Number(lastInsertRowid), fix: valid }, at, user);
    })();
    return this.inForce(importId);
  }

  /** Takes a fix out of force and returns the fixes still in force. */
  undo(fixId: number, user = currentUser()): AppliedFix[] {
    const row = this.ws.database.prepare('SELECT import_id, fix_json, undone_at FROM fixes WHERE id = ?').get(fixId) as
      { import_id: number; fix_json: string; undone_at: string | null } | undefined;
    if (!row)
      throw new InputError(`Fix ${fixId} is not recorded in this workspace.`, {
        hint: 'List the fixes in force with the quality report.',
      });
    if (row.undone_at !== null) throw new InputError(`Fix ${fixId} was already undone at ${row.undone_at}.`);
    const at = new Date().toISOString();
    this.ws.database.transaction(() => {
      this.ws.database.prepare('UPDATE fixes SET undone_at = ?, undone_by = ? WHERE id = ?').run(at, user, fixId);
      this.ws.audit('undo_fix', row.import_id, { fixId, fix: JSON.parse(row.fix_json) }, at, user);
    })();
    return this.inForce(row.import_id);
  }

  /** The raw log of an import with its fixes in force applied: what every analysis should see. */
  prepareLog(raw: EventLog, importId = this.currentImport()): EventLog {
    return applyFixes(
      raw,
      this.inForce(importId).map((f) => f.fix),
    );
  }

  /**
   * Schema of an import, kept once computed so that the next import's drift check need not
   * reload this one's snapshot. Taken from the raw log: drift is about what the export delivered.
   */
  schemaSummary(importId: number, raw?: EventLog | (() => EventLog)): SchemaSummary {
    const db = this.ws.database;
    const stored = db.prepare('SELECT summary_json FROM schema_summaries WHERE import_id = ?').get(importId) as
      { summary_json: string } | undefined;
    if (stored) return JSON.parse(stored.summary_json) as SchemaSummary;
    const mapping = this.ws.history().find((r) => r.id === importId)?.mapping ?? null;
    const log = typeof raw === 'function' ? raw() : (raw ?? this.ws.loadLog(importId));
    const summary = summarizeSchema(log, mapping);
    db.prepare('INSERT OR REPLACE INTO schema_summaries (import_id, summary_json) VALUES (?, ?)').run(
      importId,
      JSON.stringify(summary),
    );
    return summary;
  }

  /**
   * The quality report of an import as the user now sees it: the checks run on the fixed log,
   * with the import's rejected rows and, when there was an earlier import, the schema drift
   * since it. `raw` and `fixed` may be passed when the caller already has them loaded; the raw
   * snapshot is read only when needed (fixes to apply, or no schema summary kept yet).
   */
  report(
    options: { importId?: number; raw?: EventLog; fixed?: EventLog; now?: number; quality?: QualityOptions } = {},
  ): QualityReport {
    const importId = options.importId ?? this.currentImport();
    const record = this.ws.history().find((r) => r.id === importId);
    if (!record) throw new InputError(`Import ${importId} is not in this workspace's history.`);
    const fixes = this.inForce(importId);
    let raw = options.raw;
    const rawLog = () => (raw ??= this.ws.loadLog(importId));
    const fixed =
      options.fixed ??
      applyFixes(
        rawLog(),
        fixes.map((f) => f.fix),
      );
    if (fixes.length === 0) raw ??= fixed;
    const previousId = (
      this.ws.database.prepare('SELECT MAX(id) AS id FROM imports WHERE id < ?').get(importId) as { id: number | null }
    ).id;
    return qualityReport(
      fixed,
      {
        rejectedRows: this.ws.rejectedRows(importId, REJECTED_SAMPLE_LIMIT),
        rejectedCount: record.rejectedRows,
        mapping: record.mapping,
        previousSchema: previousId === null ? null : this.schemaSummary(previousId),
        currentSchema: this.schemaSummary(importId, rawLog),
        fixesInForce: fixes,
        now: options.now,
      },
      options.quality,
    );
  }

  private currentImport(): number {
    const id = this.ws.currentImportId();
    if (id === null)
      throw new InputError(`The workspace ${this.ws.name} holds no event log yet.`, {
        hint: 'Import a CSV or XES file first.',
      });
    return id;
  }
}
