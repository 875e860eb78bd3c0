import type {
  Bottleneck,
  DurationSummary,
  LogFilter,
  MapElement,
  MapSelectionDetail,
  ProcessMap,
  WorkingCalendar,
} from '../../../preload/api.ts';
import { useWorkbench } from '../../app/workbench.ts';
import { useAsync } from '../../components/use-async.ts';
import { formatCount, formatDuration } from '../../components/format.ts';
import { formatWorkingDuration } from './working-duration.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { DurationHistogram } from './duration-histogram.tsx';
import { addFilter } from '../../app/filter-store.ts';
import type { MapHit } from './map-canvas.tsx';

/**
 * What the selection panel shows: an element clicked on the map (its figures are the map's,
 * in the log projected onto the shown activities), or a bottleneck picked from the list (its
 * figures are the filtered log's with every activity, like the list's).
 */
export type MapSelection =
  { source: 'map'; hit: Exclude<MapHit, null> } | { source: 'bottleneck'; bottleneck: Bottleneck };

/** The map's element id of a selection, to highlight it; null when it is not on the map. */
export function selectedElementId(map: ProcessMap, selection: MapSelection | null): string | null {
  if (!selection) return null;
  if (selection.source === 'map') return `${selection.hit.kind === 'activity' ? 'act' : 'path'}_${selection.hit.index}`;
  const b = selection.bottleneck;
  const i =
    b.kind === 'activity'
      ? map.graph.activityStats.findIndex((a) => a.activity === b.from)
      : map.graph.pathStats.findIndex((p) => p.from === b.from && p.to === b.to);
  return i < 0 ? null : `${b.kind === 'activity' ? 'act' : 'path'}_${i}`;
}

/** Statistics, cases and the durations histogram of the selected activity or path. */
export function SelectionPanel({
  map,
  selection,
  filters,
  activities,
  calendar,
  onClose,
}: {
  map: ProcessMap;
  selection: MapSelection;
  filters: LogFilter[];
  activities: number;
  calendar: WorkingCalendar | null;
  onClose(): void;
}) {
  const { api, workspace, navigate } = useWorkbench();
  const fromMap = selection.source === 'map';
  const activity =
    fromMap && selection.hit.kind === 'activity' ? map.graph.activityStats[selection.hit.index] : undefined;
  const path = fromMap && selection.hit.kind === 'path' ? map.graph.pathStats[selection.hit.index] : undefined;
  const bottleneck = fromMap ? undefined : selection.bottleneck;
  const element: MapElement | null = activity
    ? { kind: 'activity', activity: activity.activity }
    : path
      ? { kind: 'path', from: path.from, to: path.to }
      : bottleneck
        ? bottleneck.kind === 'activity'
          ? { kind: 'activity', activity: bottleneck.from }
          : { kind: 'path', from: bottleneck.from, to: bottleneck.to }
        : null;
  // A bottleneck is a figure of the whole filtered log, so its cases are looked up with every activity.
  const scopeActivities = fromMap ? activities : 1;
  const detail = useAsync<MapSelectionDetail | null>(
    () =>
      element
        ? api.mapSelection(workspace!.path, { element, filters, activities: scopeActivities, calendar })
        : Promise.resolve(null),
    [workspace?.path, JSON.stringify(element), JSON.stringify(filters), scopeActivities, JSON.stringify(calendar)],
  );
  if (!element) return null;
  const title = element.kind === 'activity' ? element.activity : `${element.from} → ${element.to}`;
  const caseCount = detail.value ? formatCount(detail.value.caseCount) : '…';
  const rows: [string, string][] = activity
    ? [
        ['Events (absolute frequency)', formatCount(activity.count)],
        ['Cases (case frequency)', formatCount(activity.caseCount)],
        ['Max repetitions in a case', formatCount(activity.maxRepetitions)],
        ['Cases starting / ending here', `${formatCount(activity.startCount)} / ${formatCount(activity.endCount)}`],
      ]
    : path
      ? [
          ['Transitions (absolute frequency)', formatCount(path.count)],
          ['Cases (case frequency)', formatCount(path.caseCount)],
          ['Max repetitions in a case', formatCount(path.maxRepetitions)],
        ]
      : bottleneck!.kind === 'path'
        ? [
            ['Transitions', formatCount(bottleneck!.count)],
            ['Cases', caseCount],
          ]
        : [
            ['Events with a start time', formatCount(bottleneck!.count)],
            ['Cases', caseCount],
          ];
  const keepFilter: LogFilter =
    element.kind === 'activity'
      ? { kind: 'activities', activities: [element.activity], mode: 'any' }
      : { kind: 'follower', from: element.from, to: element.to, directly: true };
  const scope = fromMap
    ? map.graph.nodes.length < map.totalActivities
      ? `On the map: ${map.graph.nodes.length} of ${map.totalActivities} activities shown, so paths skip the hidden ones.`
      : null
    : 'In the filtered log with every activity (as ranked under Bottlenecks).';
  return (
    <section className="map-panel" data-testid="map-selection" aria-label="Selection">
      <div className="map-panel-head">
        <h2 className="plain-title map-selection-title" title={title}>
          {title}
        </h2>
        <button type="button" className="small-button" onClick={onClose} aria-label="Close selection">
          ✕
        </button>
      </div>
      {scope ? <p className="muted small map-scope">{scope}</p> : null}
      <dl className="map-stats">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {detail.value?.durationSummary ? (
        <DurationTable
          label={detail.value.durationLabel}
          summary={detail.value.durationSummary}
          wallClock={detail.value.wallClockSummary ?? null}
        />
      ) : null}
      <button
        type="button"
        className="small-button"
        data-testid="filter-selection"
        onClick={() => addFilter(keepFilter)}
      >
        Keep only cases through this {element.kind === 'activity' ? 'activity' : 'path'}
      </button>
      {detail.error ? <ErrorPanel error={detail.error} /> : null}
      {detail.value ? (
        <>
          <h3>
            {detail.value.durationLabel}
            {detail.value.wallClockSummary ? ' (working time)' : ''}
          </h3>
          <DurationHistogram seconds={detail.value.durationsSeconds} label={detail.value.durationLabel} />
          <h3>
            Cases through it: {formatCount(detail.value.caseCount)}
            {detail.value.caseCount > detail.value.cases.length ? ` (first ${detail.value.cases.length})` : ''}
          </h3>
          <ul className="map-case-list" data-testid="selection-cases">
            {detail.value.cases.map((c) => (
              <li key={c.index}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => navigate('cases', { case: String(c.index) })}
                >
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

/** Mean, median, max and total of the selection's durations; with a calendar, working time beside wall clock. */
function DurationTable({
  label,
  summary,
  wallClock,
}: {
  label: string;
  summary: DurationSummary;
  wallClock: DurationSummary | null;
}) {
  const rows: [string, keyof DurationSummary][] = [
    ['Mean', 'meanSeconds'],
    ['Median', 'medianSeconds'],
    ['Max', 'maxSeconds'],
    ['Total', 'totalSeconds'],
  ];
  return (
    <table className="map-duration-table" data-testid="selection-durations">
      <caption>{label}</caption>
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col">{wallClock ? 'working time' : 'duration'}</th>
          {wallClock ? <th scope="col">wall clock</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, key]) => (
          <tr key={key}>
            <th scope="row">{name}</th>
            <td>{wallClock ? formatWorkingDuration(summary[key]) : formatDuration(summary[key])}</td>
            {wallClock ? <td>{formatDuration(wallClock[key])}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
