import type { AppliedFix, QualityCalls, QualityFix, QualityReport } from '../../preload/api.ts';
import { FixesStore } from '../engine/workspace/index.ts';
import type { WorkspaceSessions } from './workspace-sessions.ts';

/**
 * The data-quality calls of GembaApi: the quality report of a workspace's current log and the
 * fixes applied to it or undone. A fix changes the log every view reads, so applying or undoing
 * one drops the workspace's loaded log; the next call reloads it with the fixes now in force.
 */
export class QualityService implements QualityCalls {
  constructor(private readonly sessions: WorkspaceSessions) {}

  /** The report runs on the log with the fixes in force, and lists them. */
  async qualityReport(workspace: string): Promise<QualityReport> {
    const { workspace: ws, log, importId } = this.sessions.currentLog(workspace);
    return new FixesStore(ws).report({ importId, fixed: log });
  }

  async applyFix(workspace: string, fix: QualityFix): Promise<AppliedFix[]> {
    // The loaded log already has the fixes in force: the new fix is tried on it, not on a reload.
    const { workspace: ws, log } = this.sessions.currentLog(workspace);
    const inForce = new FixesStore(ws).apply(fix, undefined, log);
    this.sessions.invalidate(workspace);
    return inForce;
  }

  async undoFix(workspace: string, fixId: number): Promise<AppliedFix[]> {
    const inForce = new FixesStore(this.sessions.get(workspace)).undo(fixId);
    this.sessions.invalidate(workspace);
    return inForce;
  }
}
