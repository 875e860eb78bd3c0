import { useState, type FormEvent } from 'react';
import type { UserFacingError, WorkspaceInfo, WorkspaceRef } from '../../../preload/api.ts';
import { toUserFacingError } from '../../api/gemba-error.ts';
import { useTimeFormat } from '../../app/time-format.ts';
import { useWorkbench } from '../../app/workbench.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { useAsync } from '../../components/use-async.ts';
import { workspacePathFor } from './workspace-path.ts';

/** First screen: create a workspace, open one by path, or pick a recent one. */
export function StartView() {
  const { api, environment, enterWorkspace } = useWorkbench();
  const times = useTimeFormat();
  const recent = useAsync(() => api.recentWorkspaces(), [api]);
  const [newName, setNewName] = useState('');
  const [openPath, setOpenPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UserFacingError | null>(null);
  // A name that is already a workspace: asked, never opened silently (issue 12).
  const [existing, setExisting] = useState<WorkspaceRef | null>(null);

  const newPath = workspacePathFor(newName, environment.defaultWorkspaceDir);

  async function run(action: () => Promise<WorkspaceInfo>) {
    setBusy(true);
    setError(null);
    try {
      enterWorkspace(await action());
    } catch (e) {
      setError(toUserFacingError(e));
    } finally {
      setBusy(false);
    }
  }

  async function onCreate(event: FormEvent) {
    event.preventDefault();
    if (!newPath) return;
    setError(null);
    try {
      const found = await api.workspaceExists(newPath);
      if (found) {
        setExisting(found);
        return;
      }
    } catch (e) {
      setError(toUserFacingError(e));
      return;
    }
    void run(() => api.createWorkspace(newPath));
  }

  function onOpen(event: FormEvent) {
    event.preventDefault();
    const path = openPath.trim();
    if (path) void run(() => api.openWorkspace(path));
  }

  return (
    <main className="start-page" data-testid="view-start">
      <header className="start-header">
        <span className="brand-mark large" aria-hidden="true">
          G
        </span>
        <div>
          <h1>Gemba</h1>
          <p className="muted">Process mining and Lean Six Sigma on your own machine. Nothing leaves it.</p>
        </div>
      </header>

      {error ? (
        <ErrorPanel
          error={error}
          title={error.kind === 'input' ? 'The workspace could not be opened' : undefined}
          onDismiss={() => setError(null)}
        />
      ) : null}

      <div className="start-grid">
        <section className="panel">
          <h2>New workspace</h2>
          <form onSubmit={(e) => void onCreate(e)} className="form-stack">
            <label className="field">
              <span className="field-label">Name or folder path</span>
              <input
                type="text"
                value={newName}
                onChange={(e) => {
                  setNewName(e.target.value);
                  setExisting(null);
                }}
                placeholder="e.g. Order to cash 2024"
                data-testid="new-workspace-input"
                autoFocus
              />
            </label>
            <p className="muted small" data-testid="new-workspace-path">
              {newPath ? <>Will be created at {newPath}</> : <>Bare names go into {environment.defaultWorkspaceDir}</>}
            </p>
            {existing ? (
              <div className="notice" role="alertdialog" aria-label="Workspace exists" data-testid="workspace-exists">
                <p>
                  A workspace named <strong>{existing.name}</strong> already exists at {existing.path}. Open it, or
                  choose another name for a new one.
                </p>
                <div className="button-row">
                  <button
                    type="button"
                    className="primary"
                    data-testid="workspace-exists-open"
                    disabled={busy}
                    onClick={() => void run(() => api.openWorkspace(existing.path))}
                  >
                    Open it
                  </button>
                  <button type="button" data-testid="workspace-exists-rename" onClick={() => setExisting(null)}>
                    Choose another name
                  </button>
                </div>
              </div>
            ) : (
              <div>
                <button type="submit" className="primary" disabled={busy || !newPath} data-testid="create-workspace">
                  Create workspace
                </button>
              </div>
            )}
          </form>
        </section>

        <section className="panel">
          <h2>Open workspace</h2>
          <form onSubmit={onOpen} className="form-stack">
            <label className="field">
              <span className="field-label">Workspace path</span>
              <input
                type="text"
                value={openPath}
                onChange={(e) => setOpenPath(e.target.value)}
                placeholder={`${environment.defaultWorkspaceDir}/…`}
                data-testid="open-workspace-input"
              />
            </label>
            <div>
              <button type="submit" disabled={busy || !openPath.trim()} data-testid="open-workspace">
                Open
              </button>
            </div>
          </form>
        </section>
      </div>

      <section className="panel">
        <h2>Recent workspaces</h2>
        {recent.status === 'failed' ? (
          <ErrorPanel error={recent.error} title="The recent workspaces could not be listed" />
        ) : null}
        {recent.value && recent.value.length === 0 ? <p className="muted">None yet.</p> : null}
        {recent.value && recent.value.length > 0 ? (
          <ul className="recent-list" data-testid="recent-workspaces">
            {recent.value.map((ref) => (
              <li key={ref.path}>
                <button
                  type="button"
                  className="recent-item"
                  disabled={busy}
                  onClick={() => void run(() => api.openWorkspace(ref.path))}
                >
                  <span className="recent-name">{ref.name}</span>
                  <span className="recent-path">{ref.path}</span>
                  <span className="recent-time" title={times.title(ref.openedAt)}>
                    {times.moment(ref.openedAt)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </main>
  );
}
