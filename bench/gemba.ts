/**
 * The one place where the benchmarks call Gemba's import pipeline and workspace, so that a
 * change of signature there is fixed here once. The benchmarks go through the same engine
 * functions as `gemba import` (main/engine/workspace/import-log.ts) and workspace reopen.
 */
import type { EventLog } from '../main/engine/eventlog/event-log.ts';
import { importLog } from '../main/engine/workspace/import-log.ts';
import { Workspace } from '../main/engine/workspace/workspace.ts';

export interface GembaImportResult {
  events: number;
  cases: number;
  rejectedRows: number;
  activities: number;
  variants: number;
}

/** Creates a fresh workspace at `workspaceDir` and imports `file` into it, as `gemba import` does. */
export async function gembaImport(file: string, workspaceDir: string): Promise<GembaImportResult> {
  const workspace = Workspace.create(workspaceDir);
  try {
    const summary = await importLog(workspace, file, { acceptRejects: true });
    return {
      events: summary.events,
      cases: summary.cases,
      rejectedRows: summary.rejectedRows,
      activities: summary.activities,
      variants: summary.variants,
    };
  } finally {
    workspace.close();
  }
}

/** Opens an existing workspace and loads its current log to a ready EventLog. */
export function gembaReopen(workspaceDir: string): EventLog {
  const workspace = Workspace.open(workspaceDir);
  try {
    const log = workspace.loadCurrentLog();
    if (!log) throw new Error(`workspace ${workspaceDir} has no current log`);
    return log;
  } finally {
    workspace.close();
  }
}
