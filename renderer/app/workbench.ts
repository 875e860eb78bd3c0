import { createContext, useContext } from 'react';
import type { Environment, FileRef, GembaBridge, ImportSummary, WorkspaceInfo } from '../../preload/api.ts';
import type { ExternalLogChange } from './log-watch.ts';
import type { ViewDefinition } from './view-definition.ts';
import type { ViewId } from './view-ids.ts';

/** Where the user is: a view id from app/views.ts plus its parameters (e.g. the open case). */
export interface Route {
  view: ViewId;
  params: Record<string, string>;
}

/** What every view can reach: the one API, the open workspace and navigation. */
export interface Workbench {
  api: GembaBridge;
  environment: Environment;
  workspace: WorkspaceInfo | null;
  route: Route;
  /** The registered views (app/views.ts), for views that link to the others. */
  views: readonly ViewDefinition[];
  /** Increments whenever the current log changes (import, restore), so views reload their data. */
  logVersion: number;
  /** The summary of the import made in this session, which carries the rejected-row sample. */
  lastImport: ImportSummary | null;
  navigate(view: ViewId, params?: Record<string, string>): void;
  enterWorkspace(info: WorkspaceInfo): void;
  leaveWorkspace(): void;
  /** Call after an import or a restore: reloads the workspace info and bumps logVersion. */
  logChanged(info?: WorkspaceInfo, summary?: ImportSummary): Promise<void>;
  /** Set when this window followed a log change made elsewhere (another window, the CLI); the shell says so. */
  externalChange: ExternalLogChange | null;
  dismissExternalChange(): void;
  /** A file handed over from outside the import screen (Electron menu "Import log…"); taking it clears it. */
  takePendingFile(): FileRef | null;
}

export const WorkbenchContext = createContext<Workbench | null>(null);

export function useWorkbench(): Workbench {
  const workbench = useContext(WorkbenchContext);
  if (!workbench) throw new Error('useWorkbench outside <WorkbenchContext>');
  return workbench;
}

/** For views that only make sense with an open workspace. */
export function useWorkspace(): WorkspaceInfo {
  const { workspace } = useWorkbench();
  if (!workspace) throw new Error('This view needs an open workspace');
  return workspace;
}
