import type { CaseDetail } from '../../../preload/api.ts';
import { useWorkbench, useWorkspace } from '../../app/workbench.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { formatAttribute, formatDuration, formatTimestamp } from '../../components/format.ts';
import { useAsync } from '../../components/use-async.ts';

/** One case: its attributes, then its events in the order the engine sorted them (time, then file order). */
export function CaseDetailPanel({ caseIndex, onClose }: { caseIndex: number; onClose: () => void }) {
  const { api, logVersion } = useWorkbench();
  const workspace = useWorkspace();
  const detail = useAsync(() => api.caseDetail(workspace.path, caseIndex), [api, workspace.path, caseIndex, logVersion]);

  return (
    <aside className="case-detail panel" aria-label="Case detail" data-testid="case-detail">
      <header className="case-detail-head">
        <h2>
          Case <span data-testid="case-detail-id">{detail.value?.id ?? '…'}</span>
        </h2>
        <button type="button" className="link-button" onClick={onClose} aria-label="Close case detail" data-testid="close-case">
          Close
        </button>
      </header>
      {detail.status === 'failed' ? <ErrorPanel error={detail.error} /> : null}
      {detail.value ? <CaseBody detail={detail.value} /> : <p className="muted">Loading…</p>}
    </aside>
  );
}

function CaseBody({ detail }: { detail: CaseDetail }) {
  const caseAttributes = Object.entries(detail.attributes);
  const eventAttributeNames = [...new Set(detail.events.flatMap((e) => Object.keys(e.attributes)))];
  const hasStart = detail.events.some((e) => e.startTimestamp !== null);
  const hasResource = detail.events.some((e) => e.resource !== null);
  const first = detail.events[0];
  const last = detail.events[detail.events.length - 1];
  const span = first && last ? (Date.parse(last.timestamp) - Date.parse(first.timestamp)) / 1000 : null;

  return (
    <>
      <p className="muted small">
        {detail.events.length} events{span !== null ? ` · ${formatDuration(span)} from first to last` : ''}
      </p>
      {caseAttributes.length > 0 ? (
        <dl className="facts" data-testid="case-attributes">
          {caseAttributes.map(([name, value]) => (
            <div key={name} className="fact">
              <dt>{name}</dt>
              <dd>{formatAttribute(value)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <div className="table-scroll">
        <table className="data-table compact" data-testid="case-events">
          <thead>
            <tr>
              <th className="num">#</th>
              <th>Activity</th>
              {hasStart ? <th>Start (UTC)</th> : null}
              <th>Timestamp (UTC)</th>
              {hasResource ? <th>Resource</th> : null}
              {eventAttributeNames.map((name) => (
                <th key={name}>{name}</th>
              ))}
              <th className="num" title="Line or position in the imported file">
                Source row
              </th>
            </tr>
          </thead>
          <tbody>
            {detail.events.map((event, i) => (
              <tr key={i} data-testid="case-event-row">
                <td className="num muted">{i + 1}</td>
                <td data-testid="case-event-activity">{event.activity}</td>
                {hasStart ? <td>{formatTimestamp(event.startTimestamp)}</td> : null}
                <td data-testid="case-event-timestamp">{formatTimestamp(event.timestamp)}</td>
                {hasResource ? <td>{event.resource ?? ''}</td> : null}
                {eventAttributeNames.map((name) => (
                  <td key={name}>{formatAttribute(event.attributes[name])}</td>
                ))}
                <td className="num muted">{event.sourceRow}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
