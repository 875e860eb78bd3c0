import { useMemo, useState } from 'react';
import type { RunningCaseRow, RunningCasesView as RunningCasesResult } from '../../../preload/api.ts';
import { addFilter, useLogFilters } from '../../app/filter-store.ts';
import { useTimeFormat } from '../../app/time-format.ts';
import { useWorkbench, useWorkspace } from '../../app/workbench.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { formatDuration, formatPercent, plural } from '../../components/format.ts';
import { PlotlyChart } from '../../components/plotly-chart.tsx';
import { useAsync } from '../../components/use-async.ts';
import { waterfallChart } from '../findings/waterfall.ts';
import { FilterChips } from '../map/filter-bar.tsx';
import { StaleModelsNotice } from '../models/stale-models-notice.tsx';
import '../findings/findings.css';

const SHOWN = 1000;
const AT_RISK = 0.5;

/**
 * The cases still running (no end activity yet): how long each still needs and how likely it is
 * to breach the SLA, highest risk first, each explained. The cases at risk become a filter chip,
 * so the map shows where they are.
 */
export function RunningCasesView() {
  const { api, logVersion, route, navigate } = useWorkbench();
  const workspace = useWorkspace();
  const filters = useLogFilters(workspace.path);
  const filterKey = JSON.stringify(filters);
  const view = useAsync(
    () => api.runningCases(workspace.path, { filters, top: SHOWN }),
    [api, workspace.path, filterKey, logVersion],
  );
  const open = route.params.case ?? null;
  const select = (id: string | null) => navigate('running', id ? { case: id } : {});
  const value = view.value;
  const chosen = value?.cases.find((c) => c.case === open) ?? null;

  return (
    <div className="view" data-testid="running-view">
      <header className="view-header">
        <div>
          <h1>Running cases</h1>
          <p className="muted">
            Cases without an end activity yet{value ? ` (ends: ${value.endActivities.join(', ')})` : ''}, as of the
            log’s last event
            {value ? `, ${new Date(value.now).toISOString().slice(0, 16).replace('T', ' ')} UTC` : ''}.
          </p>
        </div>
        <button type="button" onClick={() => navigate('models')}>
          Models and training
        </button>
      </header>
      <FilterChips compact />
      {view.status === 'failed' ? (
        <>
          <ErrorPanel error={view.error} title="The running cases could not be forecast" />
          <button type="button" className="primary" onClick={() => navigate('models')} data-testid="running-train">
            Train models
          </button>
        </>
      ) : null}
      {value ? <StaleModelsNotice stale={value.stale} what="forecasts" /> : null}
      {value?.baselineWarnings.map((w) => (
        <p key={w} className="notice" role="status" data-testid="running-baseline-warning">
          {w}
        </p>
      ))}
      {value ? <Headline view={value} /> : <p className="muted">Loading…</p>}
      {value && value.cases.length > 0 ? (
        <div className={chosen ? 'findings-split' : undefined}>
          <RunningTable rows={value.cases} open={open} onOpen={select} sla={value.slaHours !== null} />
          {chosen ? (
            <RunningDetail
              row={chosen}
              onClose={() => select(null)}
              onCase={() => navigate('cases', { case: String(chosen.caseIndex) })}
            />
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function Headline({ view }: { view: RunningCasesResult }) {
  const { navigate } = useWorkbench();
  const atRisk = view.cases.filter((c) => (c.slaBreachProbability ?? 0) >= AT_RISK).map((c) => c.case);
  const all = view.cases.map((c) => c.case);
  const chip = (caseIds: string[], label: string) => {
    addFilter({ kind: 'cases', caseIds, label });
    navigate('map');
  };
  return (
    <div className="panel findings-controls" data-testid="running-headline">
      <p>
        <strong data-testid="running-count">{plural(view.runningCases, 'running case')}</strong>
        {view.slaHours !== null ? (
          <>
            {' '}
            · <strong className={view.atRisk > 0 ? 'risk-high' : undefined}>{view.atRisk}</strong> likely to breach the{' '}
            {view.slaHours} h SLA
          </>
        ) : (
          ' · train the SLA-risk model with an SLA to see the risk'
        )}{' '}
        · models {view.models.join(', ')}
      </p>
      {atRisk.length > 0 ? (
        <button
          type="button"
          onClick={() => chip(atRisk, `${plural(atRisk.length, 'running case')} at SLA risk`)}
          data-testid="running-risk-filter"
        >
          Show the {plural(atRisk.length, 'case')} at risk on the map
        </button>
      ) : null}
      {all.length > 0 ? (
        <button
          type="button"
          onClick={() => chip(all, `${plural(all.length, 'running case')}`)}
          data-testid="running-filter"
        >
          Show the running cases on the map
        </button>
      ) : null}
    </div>
  );
}

function riskClass(p: number | null): string | undefined {
  if (p === null) return undefined;
  return p >= AT_RISK ? 'risk-high' : p >= 0.25 ? 'risk-mid' : undefined;
}

type RunningSort = 'risk' | 'remaining' | 'elapsed';

/** Highest SLA risk first (the engine's order), or longest still to go, or longest running. */
export function sortRunning(rows: readonly RunningCaseRow[], sort: RunningSort): RunningCaseRow[] {
  if (sort === 'risk') return [...rows];
  const key = (r: RunningCaseRow) => (sort === 'remaining' ? (r.remainingSeconds ?? -1) : r.elapsedSeconds);
  return [...rows].sort((a, b) => key(b) - key(a));
}

function RunningTable({
  rows: given,
  open,
  onOpen,
  sla,
}: {
  rows: RunningCaseRow[];
  open: string | null;
  onOpen: (id: string) => void;
  sla: boolean;
}) {
  const times = useTimeFormat();
  const [sort, setSort] = useState<RunningSort>('risk');
  const rows = useMemo(() => sortRunning(given, sort), [given, sort]);
  const outcome = rows.find((r) => r.outcome)?.outcome?.activity ?? null;
  return (
    <div className="panel table-scroll findings-table">
      <label className="field narrow-field">
        <span className="field-label">Order</span>
        <select value={sort} onChange={(e) => setSort(e.target.value as RunningSort)} data-testid="running-sort">
          <option value="risk">{sla ? 'highest SLA risk first' : 'as forecast'}</option>
          <option value="remaining">longest still to go first</option>
          <option value="elapsed">running longest first</option>
        </select>
      </label>
      <table className="data-table" data-testid="running-table">
        <thead>
          <tr>
            <th>Case</th>
            <th>Last activity</th>
            <th className="num">Running for</th>
            <th className="num">Still needs</th>
            <th>Expected end</th>
            {sla ? <th className="num">SLA risk</th> : null}
            {outcome ? <th className="num">Reaches {outcome}</th> : null}
            <th>Main reason</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.case}
              className={`clickable${r.case === open ? ' row-current' : ''}`}
              onClick={() => onOpen(r.case)}
              tabIndex={0}
              onKeyDown={(e) => e.key === 'Enter' && onOpen(r.case)}
              data-testid="running-row"
            >
              <td>{r.case}</td>
              <td>{r.lastActivity}</td>
              <td className="num">{formatDuration(r.elapsedSeconds)}</td>
              <td className="num">{r.remainingSeconds === null ? '—' : formatDuration(r.remainingSeconds)}</td>
              <td title={r.expectedEnd ? times.title(r.expectedEnd) : undefined}>
                {r.expectedEnd ? times.moment(r.expectedEnd) : '—'}
              </td>
              {sla ? (
                <td className={`num ${riskClass(r.slaBreachProbability) ?? ''}`}>
                  {r.slaBreachProbability === null ? '—' : formatPercent(r.slaBreachProbability, 0)}
                </td>
              ) : null}
              {outcome ? <td className="num">{r.outcome ? formatPercent(r.outcome.probability, 0) : '—'}</td> : null}
              <td className="small">{r.explanation[0]?.feature ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RunningDetail({ row, onClose, onCase }: { row: RunningCaseRow; onClose: () => void; onCase: () => void }) {
  const chart = useMemo(
    () =>
      waterfallChart({
        baseValue: row.baseValue,
        contributions: row.explanation,
        rest: row.otherFeatures,
        prediction: row.rawScore,
        unit: row.explanationUnit,
      }),
    [row],
  );
  return (
    <aside className="panel running-detail finding-detail" data-testid="running-detail">
      <header className="case-detail-head">
        <h2>Case {row.case}</h2>
        <button type="button" className="link-button" onClick={onClose}>
          Close
        </button>
      </header>
      <p className="muted small">
        {plural(row.events, 'event')}, last {row.lastActivity};{' '}
        {row.remainingSeconds === null ? '' : `about ${formatDuration(row.remainingSeconds)} to go`}
        {row.slaBreachProbability === null ? '' : `, SLA risk ${formatPercent(row.slaBreachProbability, 0)}`}.
      </p>
      <h3>Why: from the usual to this case</h3>
      <p className="muted small">
        In {row.explanationUnit}: each bar is one feature’s exact contribution (TreeSHAP), from the base value to this
        case’s score.
      </p>
      <PlotlyChart
        data={chart.data}
        layout={chart.layout}
        label="Explanation waterfall of the running case"
        testId="running-waterfall"
        className="finding-waterfall"
      />
      <div className="button-row">
        <button type="button" onClick={onCase}>
          Open in Cases
        </button>
      </div>
    </aside>
  );
}
