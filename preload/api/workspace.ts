/** The calls that open, create and restore workspaces, and what the engine says about itself. */
import type { CallKinds } from './calls.ts';
import type { ImportRecord } from './import.ts';

export interface WorkspaceInfo {
  path: string;
  name: string;
  current: ImportRecord | null;
}

export interface WorkspaceRef {
  path: string;
  name: string;
  openedAt: string;
}

export interface Environment {
  /** Where the engine runs: the desktop app, the local browser host, or the `gemba` command line. */
  mode: 'electron' | 'browser' | 'cli';
  appVersion: string;
  timezone: string;
  defaultWorkspaceDir: string;
}

export interface WorkspaceCalls {
  environment(): Promise<Environment>;
  recentWorkspaces(): Promise<WorkspaceRef[]>;
  /** Creates a workspace, or opens the one already there (ask workspaceExists first to let the user choose). */
  createWorkspace(path: string): Promise<WorkspaceInfo>;
  /** The workspace at a path or bare name (resolved as createWorkspace does), or null when there is none. */
  workspaceExists(path: string): Promise<WorkspaceRef | null>;
  openWorkspace(path: string): Promise<WorkspaceInfo>;
  importHistory(workspace: string): Promise<ImportRecord[]>;
  restoreImport(workspace: string, importId: number): Promise<WorkspaceInfo>;
  /** Closes the workspace's database and drops its loaded log (e.g. before its folder is removed). */
  closeWorkspace(workspace: string): Promise<void>;
}

export const WORKSPACE_CALLS = {
  environment: 'call',
  recentWorkspaces: 'call',
  createWorkspace: 'call',
  workspaceExists: 'call',
  openWorkspace: 'call',
  importHistory: 'call',
  restoreImport: 'call',
  closeWorkspace: 'call',
} as const satisfies CallKinds<WorkspaceCalls>;
