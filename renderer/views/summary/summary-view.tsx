import type { LogFilter, LogStatistics } from '../../../preload/api.ts';
import { useLogFilters } from '../../app/filter-store.ts';
import { useTimeFormat } from '../../app/time-format.ts';
import { useWorkbench, useWorkspace } from '../../app/workbench.ts';
import { BarList } from '../../components/bar-list.tsx';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { formatCount, formatDuration, plural } from '../../components/format.ts';
import { currentStatistics, fixesInForceNote } from '../../components/log-figures.ts';
import { RejectedRows } from '../../components/rejected-rows.tsx';
import { Sparkline } from '../../components/sparkline.tsx';
import { StatCard } from '../../components/stat-card.tsx';
import { useAsync } from '../../components/use-async.ts';
import { FilterChips } from '../map/filter-bar.tsx';

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
  const times = useTimeFormat();
  // The same filters as the map and the case table: the summary describes the cases they keep.
  const filters = useLogFilters(workspace.path);
  const filtered = filters.length > 0;
  const filterKey = JSON.stringify(filters);
  const current = workspace.current;
  const importId = current?.id ?? 0;
  // Unfiltered in UTC, the figures are the ones the sidebar and the workspace page quote (one
  // request for all); events per day follow the display zone's days.
  const stats = useAsync(
    () =>
      filtered || times.zone !== 'UTC'
        ? api.statistics(workspace.path, filtered ? filters : undefined, times.zone)
        : currentStatistics(api, workspace.path, importId, logVersion),
    [api, workspace.path, importId, logVersion, filterKey, times.zone],
  );
  // The whole log, for "1 of 6 cases"; asked only while a filter is in force.
  const whole = useAsync<LogStatistics | null>(
    () => (filtered ? currentStatistics(api, workspace.path, importId, logVersion) : Promise.resolve(null)),
    [api, workspace.path, importId, logVersion, filtered],
  );
  const fixesNote = fixesInForceNote(stats.value);

  return (
    <div className="view">
      <header className="view-header">
        <div>
          <h1>Summary</h1>
          {current ? (
            <p className="muted">
              <span title={times.title(current.importedAt)}>
                {current.fileName} · imported {times.moment(current.importedAt)}
              </span>{' '}
              · <span data-testid="time-zone-caption">{times.caption}</span>
              {fixesNote ? (
                <>
                  {' '}
                  ·{' '}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => navigate('quality')}
                    data-testid="summary-fixes"
                    title="The figures count the log with these data-quality fixes applied"
                  >
                    {fixesNote}
                  </button>
                </>
              ) : null}
            </p>
          ) : null}
        </div>
        <div className="button-row">
          {onward.map((view) => (
            <button
              key={view.id}
              type="button"
              onClick={() => navigate(view.id)}
              data-testid={`summary-open-${view.id}`}
            >
              {view.label}
            </button>
          ))}
          <button type="button" onClick={() => navigate('import')}>
            Import another log
          </button>
        </div>
      </header>

      {filtered ? <FilterNotice filters={filters} stats={stats.value} whole={whole.value} /> : null}
      {stats.status === 'failed' ? (
        <ErrorPanel
          error={stats.error}
          title={stats.error.kind === 'input' ? 'The summary could not be computed' : undefined}
        />
      ) : null}
      {stats.value ? (
        <SummaryBody stats={stats.value} whole={filtered ? whole.value : null} />
      ) : stats.status === 'loading' ? (
        <p className="muted">Computing statistics…</p>
      ) : null}

      {current ? <RejectedRows workspace={workspace.path} record={current} justImported={lastImport} /> : null}
    </div>
  );
}

/** Says plainly that the figures below are of the filtered cases, and which filters keep them. */
function FilterNotice({
  filters,
  stats,
  whole,
}: {
  filters: LogFilter[];
  stats: LogStatistics | null;
  whole: LogStatistics | null;
}) {
  return (
    <section className="panel filter-notice" data-testid="summary-filter-notice">
      <p>
        <strong>Filtered:</strong>{' '}
        {stats && whole ? (
          <span data-testid="summary-filter-share">
            these figures describe {formatCount(stats.cases)} of {plural(whole.cases, 'case')} (
            {formatCount(stats.events)} of {plural(whole.events, 'event')})
          </span>
        ) : (
          <span>these figures describe only the cases the filters keep</span>
        )}
        , kept by {filters.length === 1 ? 'this filter' : `these ${filters.length} filters`}:
      </p>
      <FilterChips />
    </section>
  );
}

function SummaryBody({ stats, whole }: { stats: LogStatistics; whole: LogStatistics | null }) {
  const times = useTimeFormat();
  const starts = ranked(stats.startActivities);
  const ends = ranked(stats.endActivities);
  const duration = stats.caseDurationSeconds;
  const of = (total: number | undefined, noun: string, nouns?: string) =>
    total === undefined ? undefined : `of ${plural(total, noun, nouns)}`;
  return (
    <>
      <section className="stat-grid" data-testid="summary-stats">
        <StatCard
          label="Cases"
          value={formatCount(stats.cases)}
          detail={of(whole?.cases, 'case')}
          testId="stat-cases"
        />
        <StatCard
          label="Events"
          value={formatCount(stats.events)}
          detail={of(whole?.events, 'event')}
          testId="stat-events"
        />
        <StatCard
          label="Activities"
          value={formatCount(stats.activities)}
          detail={of(whole?.activities, 'activity', 'activities')}
          testId="stat-activities"
        />
        <StatCard
          label="Variants"
          value={formatCount(stats.variants)}
          detail={of(whole?.variants, 'variant')}
          testId="stat-variants"
        />
        <StatCard
          label="Resources"
          value={formatCount(stats.resources)}
          detail={of(whole?.resources, 'resource')}
          testId="stat-resources"
        />
        <StatCard
          label="Case duration"
          value={duration ? formatDuration(duration.median) : '—'}
          detail={
            duration
              ? `median · mean ${formatDuration(duration.mean)} · max ${formatDuration(duration.max)}`
              : undefined
          }
          testId="stat-duration"
          wide
        />
      </section>

      <section className="panel" data-testid="time-range">
        <h2>Time range</h2>
        <p>
          {stats.timeRange ? (
            <>
              <span data-testid="time-range-start" title={times.title(stats.timeRange[0])}>
                {times.timestamp(stats.timeRange[0])}
              </span>{' '}
              →{' '}
              <span data-testid="time-range-end" title={times.title(stats.timeRange[1])}>
                {times.timestamp(stats.timeRange[1])}
              </span>{' '}
              <span className="muted">{times.zone}</span>
            </>
          ) : (
            'No cases.'
          )}
        </p>
        <Sparkline points={stats.eventsPerDay} binDays={stats.eventsBinDays ?? 1} />
        <p className="muted small" data-testid="events-days-zone">
          Days from midnight to midnight in {stats.eventsTimeZone ?? 'UTC'} · first day{' '}
          {stats.eventsPerDay[0]?.day ?? '—'}
        </p>
      </section>

      <div className="two-columns">
        <section className="panel">
          <h2>Top activities</h2>
          <BarList
            items={stats.topActivities.map((a) => ({ label: a.activity, count: a.count }))}
            total={stats.events}
            testId="top-activities"
          />
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
