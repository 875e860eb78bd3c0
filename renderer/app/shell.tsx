import { Suspense, useEffect } from 'react';
import type { WorkspaceInfo } from '../../preload/api.ts';
import { plural } from '../components/format.ts';
import { fixesInForceNote, useCurrentStatistics } from '../components/log-figures.ts';
import { LogChangeNotice } from './log-change-notice.tsx';
import { findView, SIDEBAR_WIDGETS, VIEWS } from './views.ts';
import { useWorkbench } from './workbench.ts';

/** The frame around every workspace view: navigation on the left, the active view on the right. */
export function Shell({ workspace }: { workspace: WorkspaceInfo }) {
  const { route, navigate, leaveWorkspace, environment } = useWorkbench();
  const hasLog = workspace.current !== null;
  const requested = findView(route.view);
  const active = requested && (!requested.needsLog || hasLog) ? requested : VIEWS[0]!;
  const View = active.component;
  const figures = useCurrentStatistics();
  const fixesNote = fixesInForceNote(figures.value);

  // The window title names the workspace and view, as desktop apps do (and the task switcher shows).
  useEffect(() => {
    document.title = `${workspace.name} · ${active.label} — Gemba`;
    return () => {
      document.title = 'Gemba';
    };
  }, [workspace.name, active.label]);

  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Workspace views">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            G
          </span>
          <span className="brand-name">Gemba</span>
        </div>
        <div className="workspace-badge" title={workspace.path}>
          <div className="workspace-name" data-testid="workspace-name">
            {workspace.name}
          </div>
          {workspace.current ? (
            <div className="workspace-log" data-testid="workspace-log">
              {workspace.current.fileName}
              <br />
              {/* The log as the views see it (fixes in force), not the figures as imported. */}
              {figures.value ? (
                <span data-testid="workspace-figures">
                  {plural(figures.value.cases, 'case')} · {plural(figures.value.events, 'event')}
                </span>
              ) : (
                <span className="muted">Counting…</span>
              )}
              {fixesNote ? (
                <>
                  <br />
                  <span className="muted" data-testid="workspace-fixes">
                    {fixesNote}
                  </span>
                </>
              ) : null}
            </div>
          ) : (
            <div className="workspace-log muted">No log imported</div>
          )}
        </div>
        {SIDEBAR_WIDGETS.map((Widget, i) => (
          <Widget key={i} />
        ))}
        <ul className="nav-list">
          {VIEWS.map((view) => {
            const disabled = view.needsLog && !hasLog;
            return (
              <li key={view.id}>
                <button
                  type="button"
                  className={`nav-item${view.id === active.id ? ' nav-active' : ''}`}
                  aria-current={view.id === active.id ? 'page' : undefined}
                  disabled={disabled}
                  title={disabled ? 'Import a log first' : undefined}
                  data-testid={`nav-${view.id}`}
                  onClick={() => navigate(view.id)}
                >
                  {view.label}
                </button>
              </li>
            );
          })}
        </ul>
        <div className="sidebar-foot">
          <button type="button" className="link-button" data-testid="close-workspace" onClick={leaveWorkspace}>
            Close workspace
          </button>
          <div className="muted small">
            Gemba {environment.appVersion} · {environment.mode === 'electron' ? 'desktop' : 'local browser'}
          </div>
        </div>
      </nav>
      <main className="content" data-testid={`view-${active.id}`}>
        <LogChangeNotice />
        {/* A view's code arrives the first time it is opened (lazy-view.ts): a moment, locally. */}
        <Suspense fallback={<p className="muted">Opening {active.label}…</p>}>
          <View key={active.id} />
        </Suspense>
      </main>
    </div>
  );
}
