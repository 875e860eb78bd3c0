import type { LogStatistics } from '../../../preload/api.ts';
import { useWorkbench, useWorkspace } from '../../app/workbench.ts';
import { BarList } from '../../components/bar-list.tsx';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { formatCount, formatDuration, formatMoment, formatTimestamp } from '../../components/format.ts';
import { Sparkline } from '../../components/sparkline.tsx';
import { StatCard } from '../../components/stat-card.tsx';
import { useAsync } from '../../components/use-async.ts';

function ranked(counts: Record<string, number>): { label: string; count: number }[] {
  return Object.entries(counts)
    .map(([label, count]) => ({ label, count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/** The log in one screen: size, time span, endpoints, busiest activities and the daily rhythm. */
export function SummaryView() {
  const { api, logVersion, lastImport, navigate, views } = useWorkbench();
  // Every view that works on the log is one click from here, including ones added later.
  const onward = views.filter((view) => view.needsLog && view.id !== 'summary');
  const workspace = useWorkspace();
  const stats = useAsync(() => api.statistics(workspace.path), [api, workspace.path, logVersion]);
  const current = workspace.current;
  // The rejected-row sample travels with the import's own answer; after a reopen only the count is known.
  const justImported = lastImport && current && lastImport.importId === current.id ? lastImport : null;

  return (
    <div className="view">
      <header className="view-header">
        <div>
          <h1>Summary</h1>
          {current ? (
            <p className="muted">
              {current.fileName} · imported {formatMoment(current.importedAt)} UTC
            </p>
          ) : null}
        </div>
        <div className="button-row">
          {onward.map((view) => (
            <button key={view.id} type="button" onClick={() => navigate(view.id)} data-testid={`summary-open-${view.id}`}>
              {view.label}
            </button>
          ))}
          <button type="button" onClick={() => navigate('import')}>
            Import another log
          </button>
        </div>
      </header>

      {stats.status === 'failed' ? <ErrorPanel error={stats.error} /> : null}
      {stats.value ? <SummaryBody stats={stats.value} /> : stats.status === 'loading' ? <p className="muted">Computing statistics…</p> : null}

      {current ? (
        <section className="panel" data-testid="rejected-rows">
          <h2>Rejected rows</h2>
          <p>
            <strong data-testid="rejected-count">{formatCount(current.rejectedRows)}</strong>{' '}
            {current.rejectedRows === 1 ? 'row was' : 'rows were'} set aside during import
            {current.rejectedRows > 0 ? ' (unreadable, missing case or activity, or an unparseable timestamp).' : '.'}
          </p>
          {justImported && justImported.rejectedSample.length > 0 ? (
            <table className="data-table compact" data-testid="rejected-sample">
              <thead>
                <tr>
                  <th className="num">Line</th>
                  <th>Reason</th>
                </tr>
              </thead>
              <tbody>
                {justImported.rejectedSample.map((row, i) => (
                  <tr key={i}>
                    <td className="num">{row.line}</td>
                    <td>{row.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {justImported && justImported.notes.length > 0 ? (
            <>
              <h3>How the file was read</h3>
              <ul className="notes" data-testid="import-notes">
                {justImported.notes.map((note, i) => (
                  <li key={i}>{note}</li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

function SummaryBody({ stats }: { stats: LogStatistics }) {
  const starts = ranked(stats.startActivities);
  const ends = ranked(stats.endActivities);
  const duration = stats.caseDurationSeconds;
  return (
    <>
      <section className="stat-grid" data-testid="summary-stats">
        <StatCard label="Cases" value={formatCount(stats.cases)} testId="stat-cases" />
        <StatCard label="Events" value={formatCount(stats.events)} testId="stat-events" />
        <StatCard label="Activities" value={formatCount(stats.activities)} testId="stat-activities" />
        <StatCard label="Variants" value={formatCount(stats.variants)} testId="stat-variants" />
        <StatCard label="Resources" value={formatCount(stats.resources)} testId="stat-resources" />
        <StatCard
          label="Case duration"
          value={duration ? formatDuration(duration.median) : '—'}
          detail={duration ? `median · mean ${formatDuration(duration.mean)} · max ${formatDuration(duration.max)}` : undefined}
          testId="stat-duration"
          wide
        />
      </section>

      <section className="panel" data-testid="time-range">
        <h2>Time range</h2>
        <p>
          {stats.timeRange ? (
            <>
              <span data-testid="time-range-start">{formatTimestamp(stats.timeRange[0])}</span> →{' '}
              <span data-testid="time-range-end">{formatTimestamp(stats.timeRange[1])}</span> <span className="muted">UTC</span>
            </>
          ) : (
            'The log is empty.'
          )}
        </p>
        <Sparkline points={stats.eventsPerDay} label={`Events per day, ${stats.eventsPerDay.length} days`} />
      </section>

      <div className="two-columns">
        <section className="panel">
          <h2>Top activities</h2>
          <BarList items={stats.topActivities.map((a) => ({ label: a.activity, count: a.count }))} total={stats.events} testId="top-activities" />
        </section>
        <div className="stack">
          <section className="panel">
            <h2>Start activities</h2>
            <BarList items={starts} total={stats.cases} testId="start-activities" />
          </section>
          <section className="panel">
            <h2>End activities</h2>
            <BarList items={ends} total={stats.cases} testId="end-activities" />
          </section>
        </div>
      </div>
    </>
  );
}
