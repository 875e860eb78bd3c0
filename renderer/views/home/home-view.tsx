import { useState } from 'react';
import type { ColumnMapping, ImportRecord, UserFacingError } from '../../../preload/api.ts';
import { toUserFacingError } from '../../api/gemba-error.ts';
import { useTimeFormat } from '../../app/time-format.ts';
import { useWorkbench, useWorkspace } from '../../app/workbench.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { formatBytes, formatCount, plural } from '../../components/format.ts';
import { fixesInForceNote, useCurrentStatistics } from '../../components/log-figures.ts';
import { RejectedRows } from '../../components/rejected-rows.tsx';
import { useAsync } from '../../components/use-async.ts';

/** The workspace at a glance: its current log (or a call to import one) and its import history. */
export function HomeView() {
  const { api, navigate, logVersion, logChanged, lastImport } = useWorkbench();
  const workspace = useWorkspace();
  const times = useTimeFormat();
  const history = useAsync(() => api.importHistory(workspace.path), [api, workspace.path, logVersion]);
  const [restoring, setRestoring] = useState<number | null>(null);
  const [error, setError] = useState<UserFacingError | null>(null);
  const current = workspace.current;
  // The current log's figures count the data-quality fixes in force; the history keeps them as imported.
  const figures = useCurrentStatistics();
  const fixesNote = fixesInForceNote(figures.value);

  async function restore(record: ImportRecord) {
    setRestoring(record.id);
    setError(null);
    try {
      const info = await api.restoreImport(workspace.path, record.id);
      await logChanged(info);
    } catch (e) {
      setError(toUserFacingError(e));
    } finally {
      setRestoring(null);
    }
  }

  return (
    <div className="view">
      <header className="view-header">
        <div>
          <h1>{workspace.name}</h1>
          <p className="muted small">
            <span className="mono">{workspace.path}</span> ·{' '}
            <span data-testid="time-zone-caption">{times.caption}</span>
          </p>
        </div>
        <button type="button" className="primary" onClick={() => navigate('import')} data-testid="home-import">
          Import a log
        </button>
      </header>

      {error ? (
        <ErrorPanel
          error={error}
          title={error.kind === 'input' ? 'The import could not be restored' : undefined}
          onDismiss={() => setError(null)}
        />
      ) : null}

      {current ? (
        <section className="panel" data-testid="current-log">
          <h2>Current log</h2>
          <dl className="facts">
            <dt>File</dt>
            <dd>{current.fileName}</dd>
            <dt>Format</dt>
            <dd>{current.format.toUpperCase()}</dd>
            <dt>Cases</dt>
            <dd data-testid="current-cases">{figures.value ? formatCount(figures.value.cases) : '…'}</dd>
            <dt>Events</dt>
            <dd data-testid="current-events">{figures.value ? formatCount(figures.value.events) : '…'}</dd>
            {fixesNote ? (
              <>
                <dt>Data quality</dt>
                <dd data-testid="current-fixes">
                  {fixesNote} (as imported: {plural(current.cases, 'case')}, {plural(current.events, 'event')})
                </dd>
              </>
            ) : null}
            <dt>Rejected rows</dt>
            <dd>{formatCount(current.rejectedRows)}</dd>
            <dt>Imported</dt>
            <dd title={times.title(current.importedAt)}>
              {times.moment(current.importedAt)} by {current.user}
            </dd>
            {current.mapping ? (
              <>
                <dt>Mapping</dt>
                <dd data-testid="current-mapping">{describeMapping(current.mapping)}</dd>
              </>
            ) : null}
            <dt>SHA-256</dt>
            <dd className="mono small">{current.sha256}</dd>
          </dl>
          <div className="button-row">
            <button type="button" onClick={() => navigate('summary')}>
              Open summary
            </button>
            <button type="button" onClick={() => navigate('cases')}>
              Browse cases
            </button>
          </div>
        </section>
      ) : null}

      {current && current.rejectedRows > 0 ? (
        <RejectedRows workspace={workspace.path} record={current} justImported={lastImport} />
      ) : null}

      {current ? null : (
        <section className="panel call-to-action" data-testid="no-log">
          <h2>No event log yet</h2>
          <p className="muted">
            Import a CSV, XES or XES.gz export to start. The workspace keeps every import, so you can go back to an
            earlier one.
          </p>
          <button type="button" className="primary" onClick={() => navigate('import')}>
            Import a log
          </button>
        </section>
      )}

      <section className="panel">
        <h2>Import history</h2>
        {history.value && history.value.length > 0 ? (
          <p className="muted small" data-testid="import-history-basis">
            Cases and events as imported, before any data-quality fixes.
          </p>
        ) : null}
        {history.status === 'failed' ? (
          <ErrorPanel error={history.error} title="The import history could not be read" />
        ) : null}
        {history.value && history.value.length === 0 ? <p className="muted">No imports yet.</p> : null}
        {history.value && history.value.length > 0 ? (
          <div className="table-scroll">
            <table className="data-table" data-testid="import-history">
              <thead>
                <tr>
                  <th>#</th>
                  <th>File</th>
                  <th>Format</th>
                  <th className="num">Size</th>
                  <th className="num" title="As imported">
                    Cases
                  </th>
                  <th className="num" title="As imported">
                    Events
                  </th>
                  <th className="num">Rejected</th>
                  <th>Imported</th>
                  <th>User</th>
                  <th>SHA-256</th>
                  <th aria-label="Action" />
                </tr>
              </thead>
              <tbody>
                {history.value.map((record) => (
                  <tr key={record.id} className={record.current ? 'row-current' : undefined}>
                    <td className="num">{record.id}</td>
                    <td>{record.fileName}</td>
                    <td>{record.format.toUpperCase()}</td>
                    <td className="num">{formatBytes(record.fileSize)}</td>
                    <td className="num">{formatCount(record.cases)}</td>
                    <td className="num">{formatCount(record.events)}</td>
                    <td className="num">{formatCount(record.rejectedRows)}</td>
                    <td title={times.title(record.importedAt)}>{times.moment(record.importedAt)}</td>
                    <td>{record.user}</td>
                    <td className="mono small" title={record.sha256}>
                      {record.sha256.slice(0, 12)}…
                    </td>
                    <td>
                      {record.current ? (
                        <span className="badge">Current</span>
                      ) : (
                        <button
                          type="button"
                          className="small-button"
                          disabled={restoring !== null}
                          onClick={() => void restore(record)}
                          data-testid={`restore-${record.id}`}
                        >
                          {restoring === record.id ? 'Restoring…' : 'Restore'}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </div>
  );
}

/** The mapping an import used, in one line: which column became what, and how time was read. */
function describeMapping(mapping: ColumnMapping): string {
  const parts = [`case ← ${mapping.case}`, `activity ← ${mapping.activity}`, `timestamp ← ${mapping.timestamp}`];
  if (mapping.startTimestamp) parts.push(`start ← ${mapping.startTimestamp}`);
  if (mapping.resource) parts.push(`resource ← ${mapping.resource}`);
  if (mapping.timestampFormat) parts.push(`format ${mapping.timestampFormat}`);
  if (mapping.timezone) parts.push(`zone ${mapping.timezone}`);
  return parts.join(' · ');
}
