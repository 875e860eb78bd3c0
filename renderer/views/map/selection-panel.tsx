import type { LogFilter, MapSelectionDetail, ProcessMap } from '../../../preload/api.ts';
import { useWorkbench } from '../../app/workbench.ts';
import { useAsync } from '../../components/use-async.ts';
import { formatCount, formatDuration } from '../../components/format.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { DurationHistogram } from './duration-histogram.tsx';
import { addFilter } from '../../app/filter-store.ts';
import type { MapHit } from './map-canvas.tsx';

/** Statistics, cases and the durations histogram of the clicked activity or path. */
export function SelectionPanel({ map, hit, filters, activities, onClose }: { map: ProcessMap; hit: Exclude<MapHit, null>; filters: LogFilter[]; activities: number; onClose(): void }) {
  const { api, workspace, navigate } = useWorkbench();
  const activity = hit.kind === 'activity' ? map.graph.activityStats[hit.index] : undefined;
  const path = hit.kind === 'path' ? map.graph.pathStats[hit.index] : undefined;
  const element = activity ? { kind: 'activity' as const, activity: activity.activity } : path ? { kind: 'path' as const, from: path.from, to: path.to } : null;
  const detail = useAsync<MapSelectionDetail | null>(
    () => (element ? api.mapSelection(workspace!.path, { element, filters, activities }) : Promise.resolve(null)),
    [workspace?.path, JSON.stringify(element), JSON.stringify(filters), activities],
  );
  if (!element) return null;
  const title = activity ? activity.activity : `${path!.from} → ${path!.to}`;
  const rows: [string, string][] = activity
    ? [
        ['Events (absolute frequency)', formatCount(activity.count)],
        ['Cases (case frequency)', formatCount(activity.caseCount)],
        ['Max repetitions in a case', formatCount(activity.maxRepetitions)],
        ['Cases starting / ending here', `${formatCount(activity.startCount)} / ${formatCount(activity.endCount)}`],
        ...(activity.serviceTime
          ? ([
              ['Mean service time', formatDuration(activity.serviceTime.meanSeconds)],
              ['Median service time', formatDuration(activity.serviceTime.medianSeconds)],
              ['Total service time', formatDuration(activity.serviceTime.totalSeconds)],
            ] as [string, string][])
          : []),
      ]
    : [
        ['Transitions (absolute frequency)', formatCount(path!.count)],
        ['Cases (case frequency)', formatCount(path!.caseCount)],
        ['Mean waiting time', formatDuration(path!.waitingTime.meanSeconds)],
        ['Median waiting time', formatDuration(path!.waitingTime.medianSeconds)],
        ['Max waiting time', formatDuration(path!.waitingTime.maxSeconds)],
        ['Total waiting time', formatDuration(path!.waitingTime.totalSeconds)],
      ];
  const keepFilter: LogFilter = activity
    ? { kind: 'activities', activities: [activity.activity], mode: 'any' }
    : { kind: 'follower', from: path!.from, to: path!.to, directly: true };
  return (
    <section className="map-panel" data-testid="map-selection" aria-label="Selection">
      <div className="map-panel-head">
        <h2 className="plain-title truncate" title={title}>
          {title}
        </h2>
        <button type="button" className="small-button" onClick={onClose} aria-label="Close selection">
          ✕
        </button>
      </div>
      <dl className="map-stats">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <button type="button" className="small-button" data-testid="filter-selection" onClick={() => addFilter(keepFilter)}>
        Keep only cases through this {activity ? 'activity' : 'path'}
      </button>
      {detail.error ? <ErrorPanel error={detail.error} /> : null}
      {detail.value ? (
        <>
          <h3>{detail.value.durationLabel}</h3>
          <DurationHistogram seconds={detail.value.durationsSeconds} label={detail.value.durationLabel} />
          <h3>
            Cases through it: {formatCount(detail.value.caseCount)}
            {detail.value.caseCount > detail.value.cases.length ? ` (first ${detail.value.cases.length})` : ''}
          </h3>
          <ul className="map-case-list" data-testid="selection-cases">
            {detail.value.cases.map((c) => (
              <li key={c.index}>
                <button type="button" className="link-button" onClick={() => navigate('cases', { case: String(c.index) })}>
                  {c.id}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : detail.status === 'loading' ? (
        <p className="muted small">Loading cases…</p>
      ) : null}
    </section>
  );
}
