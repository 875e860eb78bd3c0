import { basename, isAbsolute, join, resolve } from 'node:path';
import type { EventLog } from '../engine/eventlog/index.ts';
import { InputError } from '../engine/errors.ts';
import { FixesStore } from '../engine/workspace/index.ts';
import type { LogBasis } from '../../preload/api.ts';
import { Workspace } from '../engine/workspace/index.ts';

/** Loaded logs kept in memory at once (each can be hundreds of MB for a large log). */
const LOADED_LOGS_KEPT = 2;

export interface LoadedLog {
  workspace: Workspace;
  importId: number;
  log: EventLog;
  basis: LogBasis;
}

/**
 * Open workspaces and their loaded logs, kept so that every view after the first is served
 * from memory. A cached log is keyed by the workspace's current import id and its audit
 * revision, so an import, a restore or a fix made by any process (the CLI too) is picked up on
 * the next call.
 */
export class WorkspaceSessions {
  private readonly open = new Map<string, Workspace>();
  private readonly logs = new Map<string, { key: string; loaded: LoadedLog }>();

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

  /** The workspace at a path or bare name, or null when the folder holds none. */
  existing(path: string): { path: string; name: string } | null {
    const dir = this.resolvePath(path);
    return Workspace.exists(dir) ? { path: dir, name: basename(dir) } : null;
  }

  /**
   * `get` for a person in the app: a missing workspace (a recent one moved or deleted) is
   * explained with what to do there, not with a command to run.
   */
  getForApp(path: string): Workspace {
    const dir = this.resolvePath(path);
    if (!this.open.has(dir) && !Workspace.exists(dir)) {
      throw new InputError(
        `${dir} is not a Gemba workspace: the folder holds no workspace.db (it may have been moved or deleted).`,
        {
          hint: 'Choose the folder of an existing workspace, or create a new one on the start screen and import the log again.',
        },
      );
    }
    return this.get(dir);
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
   * The log every analysis sees: the current import with the data-quality fixes in force
   * applied, and the basis (import, file fingerprint, fixes) that results report.
   */
  currentLog(path: string): LoadedLog {
    const ws = this.get(path);
    const importId = ws.currentImportId();
    if (importId === null) {
      throw new InputError(`The workspace ${ws.name} holds no event log yet.`, {
        hint: 'Import a CSV or XES file first.',
      });
    }
    // Keyed by the actions that change the log only: training or reviewing a finding keeps it loaded.
    const key = `${importId}:${ws.logRevision()}`;
    const cached = this.logs.get(ws.path);
    if (cached && cached.key === key) {
      this.logs.delete(ws.path);
      this.logs.set(ws.path, cached);
      return cached.loaded;
    }
    const fixes = new FixesStore(ws);
    const fixesInForce = fixes.inForce(importId);
    const record = ws.history().find((r) => r.id === importId)!;
    const loaded: LoadedLog = {
      workspace: ws,
      importId,
      log: fixes.prepareLog(ws.loadLog(importId), importId),
      basis: { importId, fileName: record.fileName, sha256: record.sha256, fixesInForce },
    };
    // Most recently used last; a desk of many workspaces keeps only the latest logs in memory.
    this.logs.delete(ws.path);
    this.logs.set(ws.path, { key, loaded });
    while (this.logs.size > LOADED_LOGS_KEPT) this.logs.delete(this.logs.keys().next().value!);
    return loaded;
  }

  /** Closes a workspace and drops it from the sessions (before its folder is removed). */
  forget(path: string): void {
    const dir = this.resolvePath(path);
    this.open.get(dir)?.close();
    this.open.delete(dir);
    this.logs.delete(dir);
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
}
