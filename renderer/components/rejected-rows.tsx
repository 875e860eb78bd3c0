import type { ImportRecord, ImportSummary, RejectedRow } from '../../preload/api.ts';
import { useWorkbench } from '../app/workbench.ts';
import { ErrorPanel } from './error-panel.tsx';
import { formatCount } from './format.ts';
import { useAsync } from './use-async.ts';

/** Rows shown of those an import set aside; the full list stays in the workspace. */
const SAMPLE_SIZE = 20;

/**
 * The rows the current import set aside, with line and reason. Right after an import the sample
 * comes with its answer; after a reopen it is read back from the workspace (rejectedRows()).
 */
export function RejectedRows({
  workspace,
  record,
  justImported,
}: {
  workspace: string;
  record: ImportRecord;
  justImported: ImportSummary | null;
}) {
  const { api } = useWorkbench();
  const fresh = justImported && justImported.importId === record.id ? justImported : null;
  const stored = useAsync<RejectedRow[]>(
    () =>
      fresh || record.rejectedRows === 0 ? Promise.resolve([]) : api.rejectedRows(workspace, record.id, SAMPLE_SIZE),
    [api, workspace, record.id, record.rejectedRows, fresh],
  );
  const sample = fresh ? fresh.rejectedSample.slice(0, SAMPLE_SIZE) : (stored.value ?? []);
  return (
    <section className="panel" data-testid="rejected-rows">
      <h2>Rejected rows</h2>
      <p>
        <strong data-testid="rejected-count">{formatCount(record.rejectedRows)}</strong>{' '}
        {record.rejectedRows === 1 ? 'row was' : 'rows were'} set aside during import
        {record.rejectedRows > 0 ? ' (unreadable, missing case or activity, or an unparseable timestamp).' : '.'}
      </p>
      {stored.status === 'failed' ? (
        <ErrorPanel error={stored.error} title="The rejected rows could not be read" />
      ) : null}
      {sample.length > 0 ? (
        <>
          <table className="data-table compact" data-testid="rejected-sample">
            <thead>
              <tr>
                <th className="num">Line</th>
                <th>Reason</th>
              </tr>
            </thead>
            <tbody>
              {sample.map((row, i) => (
                <tr key={i}>
                  <td className="num">{row.line}</td>
                  <td className="wrap">{row.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {record.rejectedRows > sample.length ? (
            <p className="muted small">
              The first {formatCount(sample.length)} of {formatCount(record.rejectedRows)} are shown.
            </p>
          ) : null}
        </>
      ) : null}
      {fresh && fresh.notes.length > 0 ? (
        <>
          <h3>How the file was read</h3>
          <ul className="notes" data-testid="import-notes">
            {fresh.notes.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
