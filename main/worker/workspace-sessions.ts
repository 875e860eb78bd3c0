import { isAbsolute, join, resolve } from 'node:path';
import type { EventLog } from '../engine/eventlog/event-log.ts';
import { InputError } from '../engine/errors.ts';
import { prepareWithFixes } from '../engine/workspace/fixes-store.ts';
import { Workspace } from '../engine/workspace/workspace.ts';

/**
 * Open workspaces and their loaded logs, kept so that every view after the first is served
 * from memory. A cached log is keyed by the workspace's current import id, so an import or a
 * restore made by another process (the CLI) is picked up on the next call.
 */
export class WorkspaceSessions {
  private readonly open = new Map<string, Workspace>();
  private readonly logs = new Map<string, { key: string; log: EventLog }>();

  constructor(private readonly defaultWorkspaceDir: string) {}

  /** A bare name means a folder in the default workspace directory. */
  resolvePath(path: string): string {
    const trimmed = path.trim();
    if (!trimmed) throw new InputError('The workspace name is empty.', { hint: 'Type a name or a folder path.' });
    return isAbsolute(trimmed) ? resolve(trimmed) : resolve(join(this.defaultWorkspaceDir, trimmed));
  }

  create(path: string): Workspace {
    const dir = this.resolvePath(path);
    const ws = this.open.get(dir) ?? Workspace.create(dir);
    this.open.set(dir, ws);
    return ws;
  }

  get(path: string): Workspace {
    const dir = this.resolvePath(path);
    let ws = this.open.get(dir);
    if (!ws) {
      ws = Workspace.open(dir);
      this.open.set(dir, ws);
    }
    return ws;
  }

  /**
   * The log every analysis sees: the current import with the workspace's log preparation
   * (recorded data-quality fixes) applied. `prepare` is part of the cache key's owner, so a
   * change of fixes must call `invalidate`.
   */
  currentLog(path: string, prepare: (ws: Workspace, raw: EventLog) => EventLog = prepareWithFixes): { workspace: Workspace; log: EventLog; importId: number } {
    const ws = this.get(path);
    const importId = ws.currentImportId();
    if (importId === null) {
      throw new InputError(`The workspace ${ws.name} holds no event log yet.`, { hint: 'Import a CSV or XES file first.' });
    }
    const key = `${importId}:${this.revision(ws)}`;
    const cached = this.logs.get(ws.path);
    if (cached && cached.key === key) return { workspace: ws, log: cached.log, importId };
    const log = prepare(ws, ws.loadLog(importId));
    this.logs.set(ws.path, { key, log });
    return { workspace: ws, log, importId };
  }

  /** Forgets a workspace's loaded log (after an import, a restore or a change of fixes). */
  invalidate(path: string): void {
    this.logs.delete(this.resolvePath(path));
  }

  closeAll(): void {
    for (const ws of this.open.values()) ws.close();
    this.open.clear();
    this.logs.clear();
  }

  /** Rows in the audit trail: any recorded action (a fix, an import) changes it. */
  private revision(ws: Workspace): number {
    return (ws.database.prepare('SELECT COALESCE(MAX(id), 0) AS n FROM audit').get() as { n: number }).n;
  }
}
