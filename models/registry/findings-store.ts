import { currentUser } from '../../main/engine/app-version.ts';
import { InputError } from '../../main/engine/errors.ts';
import type { Workspace } from '../../main/engine/workspace/index.ts';
import { ensureRegistryTables } from './registry-schema.ts';
import type { Finding, FindingKind, FindingStatus } from './registry-types.ts';

interface FindingRow {
  id: string;
  model_id: number;
  kind: FindingKind;
  case_id: string | null;
  activity: string | null;
  score: number;
  confidence: number;
  prediction: number;
  base_value: number;
  explanation_json: string;
  conditions_json: string;
  kpi_effect_json: string;
  model_version: string;
  data_fingerprint: string;
  status: FindingStatus;
}

/** The newest model of each kind: the one whose findings are shown. */
const NEWEST_MODELS = '(SELECT MAX(id) FROM models GROUP BY kind)';

export interface FindingQuery {
  kind?: FindingKind;
  status?: FindingStatus;
  /** At most this many, highest score first. */
  top?: number;
}

/**
 * The findings of a workspace. Scoring again with the same model replaces a finding's numbers
 * but keeps its status and comments (same id); every scoring run and every user action on a
 * finding (accept, dismiss, reopen, comment) is an audit entry.
 */
export class FindingsStore {
  constructor(private readonly ws: Workspace) {
    ensureRegistryTables(ws.database);
  }

  /** Stores the findings of one scoring run of model `modelId`; earlier findings of that model not in this run are removed. */
  record(modelId: number, importId: number | null, findings: Finding[], user = currentUser()): void {
    const db = this.ws.database;
    const at = new Date().toISOString();
    db.transaction(() => {
      const keep = new Set(findings.map((f) => f.id));
      const old = db.prepare('SELECT id FROM findings WHERE model_id = ?').all(modelId) as { id: string }[];
      for (const { id } of old) {
        if (keep.has(id)) continue;
        db.prepare('DELETE FROM finding_comments WHERE finding_id = ?').run(id);
        db.prepare('DELETE FROM findings WHERE id = ?').run(id);
      }
      const upsert = db.prepare(
        `INSERT INTO findings (id, model_id, kind, case_id, activity, score, confidence, prediction, base_value, explanation_json,
           conditions_json, kpi_effect_json, model_version, data_fingerprint, scored_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET score = excluded.score, confidence = excluded.confidence, prediction = excluded.prediction,
           base_value = excluded.base_value, explanation_json = excluded.explanation_json, conditions_json = excluded.conditions_json,
           kpi_effect_json = excluded.kpi_effect_json, data_fingerprint = excluded.data_fingerprint, scored_at = excluded.scored_at`,
      );
      for (const f of findings) {
        upsert.run(
          f.id,
          modelId,
          f.kind,
          f.case ?? null,
          f.activity ?? null,
          f.score,
          f.confidence,
          f.prediction,
          f.baseValue,
          JSON.stringify(f.explanation),
          JSON.stringify(f.conditions),
          JSON.stringify(f.kpiEffect),
          f.modelVersion,
          f.dataFingerprint,
          at,
        );
      }
      const byKind: Record<string, number> = {};
      for (const f of findings) byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
      this.ws.audit(
        'score',
        importId,
        { modelId, model: findings[0]?.modelVersion ?? null, findings: byKind },
        at,
        user,
      );
    })();
  }

  /** Findings of the newest model of each kind, highest score first. */
  list(query: FindingQuery = {}): Finding[] {
    // Findings of the newest model of each kind: an older version's findings stay as history.
    const where: string[] = [`model_id IN ${NEWEST_MODELS}`];
    const args: (string | number)[] = [];
    if (query.kind) {
      where.push('kind = ?');
      args.push(query.kind);
    }
    if (query.status) {
      where.push('status = ?');
      args.push(query.status);
    }
    // The limit is a bound parameter like every value, clamped to a whole number SQLite takes.
    const top =
      query.top === undefined || Number.isNaN(query.top)
        ? null
        : Math.min(Number.MAX_SAFE_INTEGER, Math.max(0, Math.floor(query.top)));
    if (top !== null) args.push(top);
    const rows = this.ws.database
      .prepare(
        `SELECT * FROM findings ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY score DESC, id${top !== null ? ' LIMIT ?' : ''}`,
      )
      .all(...args) as FindingRow[];
    // Comments of all listed findings in one query, not one per finding.
    const comments = new Map<string, NonNullable<Finding['comments']>>();
    const all = this.ws.database
      .prepare(
        `SELECT c.finding_id, c.at, c.user, c.text FROM finding_comments c JOIN findings f ON f.id = c.finding_id WHERE f.model_id IN ${NEWEST_MODELS} ORDER BY c.id`,
      )
      .all() as { finding_id: string; at: string; user: string; text: string }[];
    for (const c of all)
      comments.set(c.finding_id, [...(comments.get(c.finding_id) ?? []), { at: c.at, user: c.user, text: c.text }]);
    return rows.map((r) => this.fromRow(r, comments.get(r.id) ?? []));
  }

  get(id: string): Finding {
    const row = this.ws.database.prepare('SELECT * FROM findings WHERE id = ?').get(id) as FindingRow | undefined;
    if (!row)
      throw new InputError(`Finding "${id}" is not in this workspace.`, {
        hint: 'List the findings with gemba findings WS.',
      });
    return this.fromRow(row);
  }

  setStatus(id: string, status: FindingStatus, user = currentUser()): Finding {
    if (!['open', 'accepted', 'dismissed'].includes(status)) {
      throw new InputError(`"${status}" is not a finding status.`, { hint: 'Use open, accepted or dismissed.' });
    }
    const before = this.get(id);
    const at = new Date().toISOString();
    this.ws.database.transaction(() => {
      this.ws.database.prepare('UPDATE findings SET status = ? WHERE id = ?').run(status, id);
      this.ws.audit(
        `finding_${status === 'open' ? 'reopen' : status === 'accepted' ? 'accept' : 'dismiss'}`,
        null,
        { findingId: id, from: before.status, to: status },
        at,
        user,
      );
    })();
    return this.get(id);
  }

  comment(id: string, text: string, user = currentUser()): Finding {
    this.get(id);
    const trimmed = text.trim();
    if (!trimmed) throw new InputError('A comment needs some text.');
    const at = new Date().toISOString();
    this.ws.database.transaction(() => {
      this.ws.database
        .prepare('INSERT INTO finding_comments (finding_id, at, user, text) VALUES (?, ?, ?, ?)')
        .run(id, at, user, trimmed);
      this.ws.audit('finding_comment', null, { findingId: id, text: trimmed }, at, user);
    })();
    return this.get(id);
  }

  private fromRow(r: FindingRow, known?: NonNullable<Finding['comments']>): Finding {
    const comments =
      known ??
      (this.ws.database
        .prepare('SELECT at, user, text FROM finding_comments WHERE finding_id = ? ORDER BY id')
        .all(r.id) as Finding['comments']);
    return {
      id: r.id,
      kind: r.kind,
      ...(r.case_id !== null ? { case: r.case_id } : {}),
      ...(r.activity !== null ? { activity: r.activity } : {}),
      score: r.score,
      confidence: r.confidence,
      prediction: r.prediction,
      baseValue: r.base_value,
      explanation: JSON.parse(r.explanation_json) as Finding['explanation'],
      conditions: JSON.parse(r.conditions_json) as string[],
      kpiEffect: JSON.parse(r.kpi_effect_json) as Finding['kpiEffect'],
      modelVersion: r.model_version,
      dataFingerprint: r.data_fingerprint,
      status: r.status,
      comments,
    };
  }
}
