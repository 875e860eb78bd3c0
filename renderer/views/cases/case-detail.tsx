import { useEffect, useRef, useState } from 'react';
import type { AttributeValue, CaseDetail, ColumnMapping } from '../../../preload/api.ts';
import { useTimeFormat } from '../../app/time-format.ts';
import { useWorkbench, useWorkspace } from '../../app/workbench.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { formatAttribute, formatDuration, plural, type TimeFormat } from '../../components/format.ts';
import { useAsync } from '../../components/use-async.ts';
import { caseColumns } from './case-columns.ts';
import { CaseTimeline } from './case-timeline.tsx';

/** One case: its timeline, its attributes, then its events in the order the engine sorted them (time, then file order). */
export function CaseDetailPanel({ caseIndex, onClose }: { caseIndex: number; onClose: () => void }) {
  const { api, logVersion } = useWorkbench();
  const workspace = useWorkspace();
  const detail = useAsync(
    () => api.caseDetail(workspace.path, caseIndex),
    [api, workspace.path, caseIndex, logVersion],
  );

  return (
    <aside className="case-detail panel" aria-label="Case detail" data-testid="case-detail">
      <header className="case-detail-head">
        <h2>
          Case <span data-testid="case-detail-id">{detail.value?.id ?? '…'}</span>
        </h2>
        <button
          type="button"
          className="link-button"
          onClick={onClose}
          aria-label="Close case detail"
          data-testid="close-case"
        >
          Close
        </button>
      </header>
      {detail.status === 'failed' ? (
        <ErrorPanel
          error={detail.error}
          title={detail.error.kind === 'input' ? 'This case could not be shown' : undefined}
        />
      ) : null}
      {detail.value ? (
        <CaseBody key={detail.value.index} detail={detail.value} mapping={workspace.current?.mapping ?? null} />
      ) : (
        <p className="muted">Loading…</p>
      )}
    </aside>
  );
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** An attribute value as text; date attributes arrive as ISO instants and read in the user's zone. */
function AttributeText({ value, times }: { value: AttributeValue | undefined; times: TimeFormat }) {
  if (typeof value === 'string' && ISO_INSTANT.test(value))
    return <span title={times.title(value)}>{times.timestamp(value)}</span>;
  return <>{formatAttribute(value)}</>;
}

function CaseBody({ detail, mapping }: { detail: CaseDetail; mapping: ColumnMapping | null }) {
  const times = useTimeFormat();
  const [selected, setSelected] = useState<number | null>(null);
  const table = useRef<HTMLTableSectionElement>(null);
  const columns = caseColumns(detail, mapping);
  const hasStart = detail.events.some((e) => e.startTimestamp !== null);
  const hasResource = detail.events.some((e) => e.resource !== null);
  const first = detail.events[0];
  const last = detail.events[detail.events.length - 1];
  const span = first && last ? (Date.parse(last.timestamp) - Date.parse(first.timestamp)) / 1000 : null;
  // #, activity, completed, source row, and start and resource where the log has them.
  const eventColumnCount = 4 + (hasStart ? 1 : 0) + (hasResource ? 1 : 0);

  // A click on the timeline brings its event's row into view.
  useEffect(() => {
    if (selected === null) return;
    table.current?.querySelector(`[data-event="${selected}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  return (
    <>
      <p className="muted small">
        <span data-testid="case-detail-summary">
          {plural(detail.events.length, 'event')}
          {span !== null ? ` · ${formatDuration(span)} from first to last` : ''}
        </span>{' '}
        · {times.caption}
      </p>
      <CaseTimeline events={detail.events} times={times} selected={selected} onSelect={setSelected} />
      {columns.caseAttributes.length > 0 ? (
        <>
          <h3>Case attributes</h3>
          <dl className="facts" data-testid="case-attributes">
            {columns.caseAttributes.map((name) => (
              <div key={name} className="fact">
                <dt>{name}</dt>
                <dd>
                  <AttributeText value={detail.attributes[name]} times={times} />
                </dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
      <h3>Events</h3>
      <div className="table-scroll">
        <table className="data-table compact case-events" data-testid="case-events">
          <thead>
            {columns.eventAttributes.length > 0 ? (
              <tr className="column-groups">
                <th colSpan={eventColumnCount} scope="colgroup">
                  Event
                </th>
                <th
                  colSpan={columns.eventAttributes.length}
                  scope="colgroup"
                  className="group-attributes"
                  data-testid="attributes-heading"
                >
                  Attributes
                </th>
              </tr>
            ) : null}
            <tr>
              <th className="num">#</th>
              <th>Activity</th>
              {hasStart ? <th>Start</th> : null}
              <th>Completed</th>
              {hasResource ? <th>Resource</th> : null}
              <th className="num" title="Line or position in the imported file">
                Source row
              </th>
              {columns.eventAttributes.map((name, i) => (
                <th key={name} className={i === 0 ? 'group-start' : undefined}>
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody ref={table}>
            {detail.events.map((event, i) => (
              <tr
                key={i}
                data-testid="case-event-row"
                data-event={i}
                className={selected === i ? 'row-current' : undefined}
                onClick={() => setSelected(i)}
              >
                <td className="num muted">{i + 1}</td>
                <td className="wrap activity" data-testid="case-event-activity">
                  {event.activity}
                </td>
                {hasStart ? (
                  <td title={times.title(event.startTimestamp)}>{times.timestamp(event.startTimestamp)}</td>
                ) : null}
                <td data-testid="case-event-timestamp" title={times.title(event.timestamp)}>
                  {times.timestamp(event.timestamp)}
                </td>
                {hasResource ? <td className="wrap">{event.resource ?? ''}</td> : null}
                <td className="num muted">{event.sourceRow}</td>
                {columns.eventAttributes.map((name, j) => (
                  <td key={name} className={`wrap${j === 0 ? ' group-start' : ''}`}>
                    <AttributeText value={event.attributes[name]} times={times} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {columns.repeated.length > 0 ? (
        <p className="muted small" data-testid="case-repeated-columns">
          Not shown twice: {columns.repeated.map((r) => `${r.name} (same as the ${r.sameAs})`).join(', ')}.
        </p>
      ) : null}
    </>
  );
}
