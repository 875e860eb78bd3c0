import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Environment, FileRef, ImportSummary, WorkspaceInfo } from '../../preload/api.ts';
import { gemba } from '../api/client.ts';
import { toUserFacingError } from '../api/gemba-error.ts';
import { ErrorPanel } from '../components/error-panel.tsx';
import { StartView } from '../views/start/start-view.tsx';
import { resumeFiltersForLog, startFiltersForLog } from './filter-store.ts';
import type { ExternalLogChange } from './log-watch.ts';
import { formatHash, parseHash } from './route.ts';
import type { ViewId } from './view-ids.ts';
import { Shell } from './shell.tsx';
import { useLogWatch } from './use-log-watch.ts';
import { VIEWS } from './views.ts';
import { WorkbenchContext, type Route, type Workbench } from './workbench.ts';
import type { UserFacingError } from '../../preload/api.ts';

/** Remembers the open workspace across a reload of the window (not across launches). */
const SESSION_KEY = 'gemba.workspace';

export function App() {
  const api = useMemo(() => gemba(), []);
  const [environment, setEnvironment] = useState<Environment | null>(null);
  const [fatal, setFatal] = useState<UserFacingError | null>(null);
  const [workspace, setWorkspace] = useState<WorkspaceInfo | null>(null);
  const [restoring, setRestoring] = useState(true);
  const [route, setRoute] = useState<Route>(() => parseHash(window.location.hash));
  const [logVersion, setLogVersion] = useState(0);
  const [lastImport, setLastImport] = useState<ImportSummary | null>(null);
  const pendingFile = useRef<FileRef | null>(null);
  const [externalChange, setExternalChange] = useState<ExternalLogChange | null>(null);

  useEffect(() => {
    api.environment().then(setEnvironment, (error: unknown) => setFatal(toUserFacingError(error)));
    const remembered = sessionStorage.getItem(SESSION_KEY);
    if (remembered) {
      api
        .openWorkspace(remembered)
        .then(
          (info) => {
            resumeFiltersForLog(info.path, info.current?.id ?? null);
            setWorkspace(info);
          },
          () => sessionStorage.removeItem(SESSION_KEY),
        )
        .finally(() => setRestoring(false));
    } else {
      setRestoring(false);
    }
  }, [api]);

  useEffect(() => {
    const onHashChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const navigate = useCallback((view: ViewId, params: Record<string, string> = {}) => {
    const next = { view, params };
    const hash = formatHash(next);
    if (window.location.hash !== hash) window.location.hash = hash;
    setRoute(next);
  }, []);

  const enterWorkspace = useCallback(
    (info: WorkspaceInfo) => {
      sessionStorage.setItem(SESSION_KEY, info.path);
      startFiltersForLog(info.path, info.current?.id ?? null);
      setWorkspace(info);
      setLastImport(null);
      setExternalChange(null);
      setLogVersion((v) => v + 1);
      navigate(pendingFile.current ? 'import' : info.current ? 'summary' : 'home');
    },
    [navigate],
  );

  // Electron's menu opens workspaces and picks files in native dialogs, then tells the UI.
  useEffect(() => {
    return api.onMenuCommand?.((command) => {
      if (command.type === 'open-workspace') {
        enterWorkspace(command.workspace);
      } else {
        pendingFile.current = command.file;
        navigate('import', { from: 'menu', at: String(Date.now()) });
      }
    });
  }, [api, enterWorkspace, navigate]);

  const takePendingFile = useCallback(() => {
    const file = pendingFile.current;
    pendingFile.current = null;
    return file;
  }, []);

  const leaveWorkspace = useCallback(() => {
    sessionStorage.removeItem(SESSION_KEY);
    setWorkspace(null);
    setLastImport(null);
    navigate('home');
  }, [navigate]);

  const logChanged = useCallback(
    async (info?: WorkspaceInfo, summary?: ImportSummary) => {
      const fresh = info ?? (workspace ? await api.openWorkspace(workspace.path) : null);
      // Filters name activities and values of the old log; kept, they would break every view. A
      // data-quality fix keeps the import (and the filters); an import or a restore replaces it.
      const importId = fresh?.current?.id ?? null;
      if (fresh && (summary || info || importId !== (workspace?.current?.id ?? null)))
        startFiltersForLog(fresh.path, importId);
      if (fresh) setWorkspace(fresh);
      // This window's own import or restore: whatever a watcher noticed a moment before is this.
      if (info || summary) setExternalChange(null);
      setLastImport(summary ?? null);
      setLogVersion((v) => v + 1);
    },
    [api, workspace],
  );

  useLogWatch(api, workspace, (change) => {
    setExternalChange(change);
    void logChanged();
  });

  if (fatal) {
    return (
      <main className="start-page">
        <ErrorPanel error={fatal} title="Gemba cannot reach its engine" />
      </main>
    );
  }
  if (!environment || restoring) {
    return (
      <main className="start-page" aria-busy="true">
        <p className="muted">Starting Gemba…</p>
      </main>
    );
  }

  const workbench: Workbench = {
    api,
    environment,
    workspace,
    route,
    views: VIEWS,
    logVersion,
    lastImport,
    navigate,
    enterWorkspace,
    leaveWorkspace,
    logChanged,
    takePendingFile,
    externalChange,
    dismissExternalChange: () => setExternalChange(null),
  };

  return (
    <WorkbenchContext.Provider value={workbench}>
      {workspace ? <Shell workspace={workspace} /> : <StartView />}
    </WorkbenchContext.Provider>
  );
}
