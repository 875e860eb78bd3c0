import { useMemo, useState } from 'react';
import type { AuditEntry, FindingDetail, FindingStatus, UserFacingError } from '../../../preload/api.ts';
import { toUserFacingError } from '../../api/gemba-error.ts';
import { addFilter } from '../../app/filter-store.ts';
import { useTimeFormat } from '../../app/time-format.ts';
import { useWorkbench, useWorkspace } from '../../app/workbench.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { formatPercent } from '../../components/format.ts';
import { PlotlyChart } from '../../components/plotly-chart.tsx';
import { useAsync } from '../../components/use-async.ts';
import { CaseTimeline } from '../cases/case-timeline.tsx';
import { kpiEffectLines, oneIn, rarityOf } from './finding-words.ts';
import { waterfallChart } from './waterfall.ts';

/**
 * One finding, opened: why (the explanation as a waterfall from the usual to this case, the
 * conditions in words), what it costs (the KPI effect), the case's timeline, and the review:
 * accept, dismiss or reopen, comment, each an audit entry shown below.
 */
export function FindingDetailPanel({
  id,
  onClose,
  onChanged,
}: {
  id: string;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { api, logVersion } = useWorkbench();
  const workspace = useWorkspace();
  const [version, setVersion] = useState(0);
  const detail = useAsync(() => api.finding(workspace.path, id), [api, workspace.path, id, logVersion, version]);
  const changed = () => {
    setVersion((v) => v + 1);
    onChanged();
  };
  return (
    <aside className="finding-detail panel" aria-label="Finding" data-testid="finding-detail">
      <header className="case-detail-head">
        <h2>{detail.value ? titleOf(detail.value) : 'Finding'}</h2>
        <button type="button" className="link-button" onClick={onClose} data-testid="close-finding">
          Close
        </button>
      </header>
      {detail.status === 'failed' ? <ErrorPanel error={detail.error} title="This finding could not be opened" /> : null}
      {detail.value ? (
        <FindingBody key={detail.value.id} finding={detail.value} onChanged={changed} />
      ) : (
        <p className="muted">Loading…</p>
      )}
    </aside>
  );
}

export function titleOf(f: Pick<FindingDetail, 'kind' | 'case' | 'activity'>): string {
  if (f.kind === 'anomaly') return `Unusual case ${f.case ?? ''}`;
  if (f.kind === 'bottleneck') return `Bottleneck at ${f.activity ?? ''}`;
  return `Exception type${f.activity ? ` at ${f.activity}` : ''}`;
}

function FindingBody({ finding, onChanged }: { finding: FindingDetail; onChanged: () => void }) {
  const { navigate } = useWorkbench();
  const chart = useMemo(
    // The axis names the unit only ("anomaly score"); the sentence after the colon is in the text above the chart.
    () =>
      waterfallChart({
        baseValue: finding.baseValue,
        contributions: finding.explanation,
        prediction: finding.prediction,
        unit: finding.explanationUnit.split(':')[0],
        subject:
          finding.kind === 'exception-type'
            ? 'this type, on average'
            : finding.kind === 'bottleneck'
              ? 'the wait now'
              : 'this case',
      }),
    [finding],
  );
  const main = [...finding.explanation].sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))[0];
  const showOnMap = () => {
    if (!finding.case) return;
    addFilter({ kind: 'cases', caseIds: [finding.case], label: `${titleOf(finding)} (${finding.modelVersion})` });
    navigate('map');
  };
  return (
    <>
      <p className="muted small" data-testid="finding-facts">
        {finding.modelVersion} · {scoreWords(finding)} · data <span className="mono">{finding.dataFingerprint}</span>
      </p>
      <h3>In words</h3>
      <ul className="notes finding-conditions" data-testid="finding-conditions">
        {finding.conditions.map((c, i) => (
          <li key={i}>{c}</li>
        ))}
      </ul>
      <h3>Why: from the usual to this case</h3>
      <p className="muted small">
        {finding.explanationUnit}. Each bar is one feature’s exact contribution (TreeSHAP); they add up from the base
        value to the prediction.
        {main ? (
          <>
            {' '}
            Main cause: <strong data-testid="finding-main-cause">{main.feature}</strong>.
          </>
        ) : null}
      </p>
      <PlotlyChart
        data={chart.data}
        layout={chart.layout}
        label="Explanation waterfall"
        testId="finding-waterfall"
        className="finding-waterfall"
      />
      {kpiEffectLines(finding.kpiEffect).length > 0 ? (
        <>
          <h3>Effect on the KPIs</h3>
          <dl className="facts" data-testid="finding-kpi-effect">
            {kpiEffectLines(finding.kpiEffect).map(([label, text]) => (
              <div key={label} className="fact">
                <dt>{label}</dt>
                <dd>{text}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
      {finding.caseIndex !== null ? (
        <CaseOfFinding caseIndex={finding.caseIndex} unusual={finding.unusualEvents} onMap={showOnMap} />
      ) : null}
      {finding.members.length > 0 ? <TypeMembers finding={finding} /> : null}
      {finding.case === undefined && finding.activity ? (
        <div className="button-row">
          <button
            type="button"
            onClick={() => {
              addFilter({ kind: 'activities', activities: [finding.activity!], mode: 'any' });
              navigate('map');
            }}
            data-testid="finding-activity-on-map"
          >
            Show the cases through {finding.activity} on the map
          </button>
        </div>
      ) : null}
      <Review finding={finding} onChanged={onChanged} />
    </>
  );
}

const MEMBERS_LISTED = 30;

/** An exception type's cases: each opens its own finding, and all of them can become a filter chip. */
function TypeMembers({ finding }: { finding: FindingDetail }) {
  const { navigate, route } = useWorkbench();
  const members = finding.members;
  return (
    <section data-testid="finding-members">
      <div className="view-header">
        <h3>The {members.length === 1 ? 'case' : `${members.length} cases`} of this type</h3>
        <button
          type="button"
          onClick={() => {
            addFilter({
              kind: 'cases',
              caseIds: members.map((m) => m.case),
              label: `${members.length} cases: ${finding.conditions[0] ?? 'exception type'}`,
            });
            navigate('map');
          }}
          data-testid="finding-members-on-map"
        >
          Show them on the map
        </button>
      </div>
      <p className="small">
        {members.slice(0, MEMBERS_LISTED).map((m, i) => (
          <span key={m.findingId}>
            {i > 0 ? ', ' : ''}
            <button
              type="button"
              className="link-button"
              onClick={() => navigate('findings', { ...route.params, finding: m.findingId })}
            >
              {m.case}
            </button>
          </span>
        ))}
        {members.length > MEMBERS_LISTED ? ` and ${members.length - MEMBERS_LISTED} more` : ''}
      </p>
    </section>
  );
}

function CaseOfFinding({
  caseIndex,
  unusual,
  onMap,
}: {
  caseIndex: number;
  unusual: FindingDetail['unusualEvents'];
  onMap: () => void;
}) {
  const { api, logVersion, navigate } = useWorkbench();
  const workspace = useWorkspace();
  const times = useTimeFormat();
  const [selected, setSelected] = useState<number | null>(null);
  const detail = useAsync(
    () => api.caseDetail(workspace.path, caseIndex),
    [api, workspace.path, caseIndex, logVersion],
  );
  return (
    <section data-testid="finding-case">
      <div className="view-header">
        <h3>The case’s timeline</h3>
        <div className="button-row">
          <button type="button" onClick={onMap} data-testid="finding-show-on-map">
            Show on the map
          </button>
          <button
            type="button"
            onClick={() => navigate('cases', { case: String(caseIndex) })}
            data-testid="finding-open-case"
          >
            Open in Cases
          </button>
        </div>
      </div>
      {detail.status === 'failed' ? <ErrorPanel error={detail.error} title="The case could not be shown" /> : null}
      {detail.value ? (
        <CaseTimeline events={detail.value.events} times={times} selected={selected} onSelect={setSelected} />
      ) : null}
      {unusual.length > 0 ? (
        <>
          <h3>Unusual steps in this case</h3>
          <ul className="audit-list" data-testid="finding-unusual-events">
            {unusual.map((e) => (
              <li key={`${e.position}-${e.cause}`}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => setSelected(e.position)}
                  title="Show this event on the timeline"
                >
                  {e.activity}
                </button>{' '}
                <span title={times.title(e.at)}>({times.moment(e.at)})</span>: {e.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

const ACTIONS: { status: FindingStatus; label: string }[] = [
  { status: 'accepted', label: 'Accept' },
  { status: 'dismissed', label: 'Dismiss' },
  { status: 'open', label: 'Reopen' },
];

function Review({ finding, onChanged }: { finding: FindingDetail; onChanged: () => void }) {
  const { api } = useWorkbench();
  const workspace = useWorkspace();
  const times = useTimeFormat();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UserFacingError | null>(null);
  const update = async (status?: FindingStatus) => {
    setBusy(true);
    setError(null);
    try {
      await api.updateFinding(workspace.path, finding.id, {
        ...(status ? { status } : {}),
        ...(comment.trim() ? { comment } : {}),
      });
      setComment('');
      onChanged();
    } catch (e) {
      setError(toUserFacingError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="finding-review" data-testid="finding-review">
      <h3>
        Review{' '}
        <span className={`badge status-${finding.status}`} data-testid="finding-status">
          {finding.status}
        </span>
      </h3>
      <label className="field">
        <span className="field-label">Comment (saved with the action, or on its own)</span>
        <textarea
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          rows={2}
          data-testid="finding-comment"
          maxLength={10_000}
        />
      </label>
      <div className="button-row">
        {ACTIONS.filter((a) => a.status !== finding.status).map((a) => (
          <button
            key={a.status}
            type="button"
            disabled={busy}
            onClick={() => void update(a.status)}
            data-testid={`finding-${a.status === 'open' ? 'reopen' : a.status === 'accepted' ? 'accept' : 'dismiss'}`}
          >
            {a.label}
          </button>
        ))}
        <button
          type="button"
          disabled={busy || !comment.trim()}
          onClick={() => void update()}
          data-testid="finding-add-comment"
        >
          Add comment
        </button>
      </div>
      {error ? <ErrorPanel error={error} title="The finding was not changed" onDismiss={() => setError(null)} /> : null}
      <h3>Audit trail of this finding</h3>
      {finding.audit.length === 0 ? <p className="muted small">No action on this finding yet.</p> : null}
      <ul className="audit-list" data-testid="finding-audit">
        {finding.audit.map((a) => (
          <li key={a.id} data-testid="audit-entry">
            <span title={times.title(a.at)}>{times.moment(a.at)}</span> · {a.user} · <strong>{auditWords(a)}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What a finding's score and confidence mean for its kind. */
export function scoreWords(f: Pick<FindingDetail, 'kind' | 'score' | 'confidence'>): string {
  if (f.kind === 'bottleneck') {
    return `the wait grows ${f.score.toFixed(2)} h from low to high load · load explains ${formatPercent(f.confidence)} of later waits (held out)`;
  }
  const rarity = rarityOf(f.score);
  const score = `rarity ${rarity.toFixed(1)} (as unusual as about ${oneIn(rarity)} cases)`;
  if (f.kind === 'exception-type')
    return `${score} on average · confidence ${formatPercent(f.confidence)} on average over its cases`;
  return `${score} · confidence ${formatPercent(f.confidence)} (share of training cases scoring lower)`;
}

/** An audit entry in words: "dismissed (was open)", "commented: …". */
export function auditWords(a: Pick<AuditEntry, 'action' | 'details'>): string {
  const d = (a.details ?? {}) as { from?: string; to?: string; text?: string; model?: string };
  switch (a.action) {
    case 'finding_accept':
      return `accepted (was ${d.from ?? 'open'})`;
    case 'finding_dismiss':
      return `dismissed (was ${d.from ?? 'open'})`;
    case 'finding_reopen':
      return `reopened (was ${d.from ?? 'closed'})`;
    case 'finding_comment':
      return `commented: ${d.text ?? ''}`;
    case 'train':
      return `trained ${d.model ?? 'a model'}`;
    case 'score':
      return `scored findings with ${d.model ?? 'a model'}`;
    case 'import':
      return 'imported a log';
    case 'fix':
      return 'applied a data-quality fix';
    case 'undo_fix':
      return 'undid a data-quality fix';
    case 'restore':
      return 'restored an earlier import';
    default:
      return a.action.replace(/_/g, ' ');
  }
}
