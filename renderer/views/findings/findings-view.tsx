import { useState } from 'react';
import {
  FINDING_KINDS,
  FINDING_STATUSES,
  type FindingKind,
  type FindingStatus,
  type FindingSummary,
} from '../../../preload/api.ts';
import { addFilter, useLogFilters } from '../../app/filter-store.ts';
import { useWorkbench, useWorkspace } from '../../app/workbench.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { formatPercent, plural } from '../../components/format.ts';
import { useAsync } from '../../components/use-async.ts';
import { FilterChips } from '../map/filter-bar.tsx';
import { StaleModelsNotice } from '../models/stale-models-notice.tsx';
import { FindingDetailPanel, titleOf } from './finding-detail.tsx';
import { orderFindings, type FindingsOrder } from './findings-order.ts';
import { shortScore } from './finding-words.ts';
import './findings.css';
import { SelectField } from '../../components/select-field.tsx';

const KIND_WORDS: Record<FindingKind, string> = {
  anomaly: 'unusual case',
  'exception-type': 'exception type',
  bottleneck: 'bottleneck',
};
const SHOWN = 500;

/**
 * What the local models found, highest score first: unusual cases, the exception types they
 * form, and bottlenecks, on the cases the filters keep. A finding opens its explanation; the
 * cases behind the list can become a filter chip that every view (the map first) applies.
 */
export function FindingsView() {
  const { api, logVersion, route, navigate } = useWorkbench();
  const workspace = useWorkspace();
  const filters = useLogFilters(workspace.path);
  const [kind, setKind] = useState<FindingKind | ''>((route.params.kind as FindingKind) ?? '');
  const [status, setStatus] = useState<FindingStatus | ''>('');
  const [order, setOrder] = useState<FindingsOrder>('score');
  const [version, setVersion] = useState(0);
  const filterKey = JSON.stringify(filters);
  const list = useAsync(
    () =>
      api.findings(workspace.path, { ...(kind ? { kind } : {}), ...(status ? { status } : {}), top: SHOWN, filters }),
    [api, workspace.path, kind, status, filterKey, logVersion, version],
  );
  const open = route.params.finding ?? null;
  const select = (id: string | null) =>
    navigate('findings', id ? { ...route.params, finding: id } : withoutFinding(route.params));
  const findings = orderFindings(list.value?.findings ?? [], order);
  const caseIds = [...new Set(findings.filter((f) => f.case !== undefined).map((f) => f.case!))];

  return (
    <div className="view" data-testid="findings-view">
      <header className="view-header">
        <div>
          <h1>Findings</h1>
          <p className="muted">
            Unusual cases, exception types and bottlenecks the local models found, each with why. Nothing leaves this
            machine.
          </p>
        </div>
        <div className="button-row">
          <button type="button" onClick={() => navigate('models')} data-testid="findings-to-models">
            Models and training
          </button>
        </div>
      </header>
      <FilterChips compact />
      {list.value ? <StaleModelsNotice stale={list.value.stale} what="findings" /> : null}
      <div className="panel findings-controls">
        <label className="field">
          <span className="field-label">Kind</span>
          <select
            value={kind}
            onChange={(e) => setKind(e.target.value as FindingKind | '')}
            data-testid="findings-kind"
          >
            <option value="">every kind</option>
            {FINDING_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_WORDS[k]}
                {list.value ? ` (${list.value.counts.filter((c) => c.kind === k).reduce((n, c) => n + c.n, 0)})` : ''}
              </option>
            ))}
          </select>
        </label>
        <SelectField
          label="Review"
          value={status}
          none="any"
          choices={FINDING_STATUSES}
          onChange={(s) => setStatus(s as FindingStatus | '')}
          testId="findings-status"
        />
        <label className="field">
          <span className="field-label">Order</span>
          <select
            value={order}
            onChange={(e) => setOrder(e.target.value as FindingsOrder)}
            data-testid="findings-order"
          >
            <option value="score">highest score first</option>
            <option value="cost">most added time first</option>
            <option value="confidence">surest first</option>
          </select>
        </label>
        {list.value ? (
          <p className="muted small findings-count" data-testid="findings-count">
            {plural(findings.length, 'finding')} shown of {list.value.total}
            {list.value.counts.length > 0
              ? ` · ${list.value.counts.filter((c) => c.status !== 'open').reduce((s, c) => s + c.n, 0)} reviewed`
              : ''}
          </p>
        ) : null}
        {caseIds.length > 0 ? (
          <button
            type="button"
            onClick={() => {
              addFilter({ kind: 'cases', caseIds, label: `${plural(caseIds.length, 'case')} of the findings shown` });
              navigate('map');
            }}
            data-testid="findings-filter-cases"
          >
            Show these {plural(caseIds.length, 'case')} on the map
          </button>
        ) : null}
      </div>
      {list.status === 'failed' ? <ErrorPanel error={list.error} title="The findings could not be listed" /> : null}
      {list.value && list.value.total === 0 ? (
        <div className="panel call-to-action" data-testid="findings-empty">
          <p>
            No findings yet. Train the models on this log: they learn what is usual here and point at what is not, each
            with the reason.
          </p>
          <button type="button" className="primary" onClick={() => navigate('models')}>
            Train models
          </button>
        </div>
      ) : null}
      <div className={open ? 'findings-split' : undefined}>
        {findings.length > 0 ? (
          <FindingsTable findings={findings} open={open} onOpen={select} loading={list.status === 'loading'} />
        ) : null}
        {open ? (
          <FindingDetailPanel id={open} onClose={() => select(null)} onChanged={() => setVersion((v) => v + 1)} />
        ) : null}
      </div>
    </div>
  );
}

function withoutFinding(params: Record<string, string>): Record<string, string> {
  const { finding: _finding, ...rest } = params;
  return rest;
}

function FindingsTable({
  findings,
  open,
  onOpen,
  loading,
}: {
  findings: FindingSummary[];
  open: string | null;
  onOpen: (id: string) => void;
  loading: boolean;
}) {
  // While another kind or review state loads, the rows shown are the previous answer's: dimmed.
  return (
    <div className={`panel table-scroll findings-table${loading ? ' findings-loading' : ''}`} aria-busy={loading}>
      <table className="data-table" data-testid="findings-table">
        <thead>
          <tr>
            <th className="num">#</th>
            <th>Finding</th>
            <th>Main condition</th>
            <th className="num">Score</th>
            <th className="num">Confidence</th>
            <th>Review</th>
          </tr>
        </thead>
        <tbody>
          {findings.map((f, i) => (
            <tr
              key={f.id}
              className={`clickable${f.id === open ? ' row-current' : ''}`}
              onClick={() => onOpen(f.id)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') onOpen(f.id);
              }}
              tabIndex={0}
              data-testid="finding-row"
              data-finding={f.id}
            >
              <td className="num">{i + 1}</td>
              <td>
                <span className="badge">{KIND_WORDS[f.kind]}</span> {titleOf(f).replace(/^Unusual case /, '')}
              </td>
              <td className="finding-condition" title={f.conditions[0] ?? ''}>
                {f.conditions[0] ?? ''}
              </td>
              <td
                className="num"
                title={
                  f.kind === 'bottleneck'
                    ? 'hours the wait grows from low to high load'
                    : `score ${f.score.toPrecision(3)}: rarity as a power of ten`
                }
              >
                {shortScore(f)}
              </td>
              <td className="num">{formatPercent(f.confidence)}</td>
              <td>
                <span className={`badge status-${f.status}`}>{f.status}</span>
                {f.comments.length > 0 ? (
                  <span className="muted small"> · {plural(f.comments.length, 'comment')}</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
