import type { Bottleneck, ProcessMap } from '../../../preload/api.ts';
import { formatDuration, plural } from '../../components/format.ts';
import { formatWorkingDuration } from './working-duration.ts';

const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * Where time goes: paths by total waiting time and activities by total service time, on the
 * filtered log with every activity (the sliders only simplify the picture, not these figures).
 * With working hours on, each figure has its wall-clock twin beside it.
 */
export function BottlenecksPanel({
  map,
  showOnMap,
  onShowOnMapChange,
  onPick,
}: {
  map: ProcessMap;
  showOnMap: boolean;
  onShowOnMapChange(show: boolean): void;
  onPick(bottleneck: Bottleneck): void;
}) {
  const working = map.graph.workingTime;
  const time = working ? formatWorkingDuration : formatDuration;
  const paths = map.bottlenecks.filter((b) => b.kind === 'path');
  const activities = map.bottlenecks.filter((b) => b.kind === 'activity');
  const onMap = (b: Bottleneck) =>
    b.kind === 'activity'
      ? map.graph.activityStats.some((a) => a.activity === b.from)
      : map.graph.pathStats.some((p) => p.from === b.from && p.to === b.to);
  const figures = (b: Bottleneck, unit: string) => (
    <>
      <span className="bottleneck-figures" data-testid="bottleneck-figures">
        {working ? <span className="bottleneck-clock">working time </span> : null}
        {time(b.totalSeconds)} total · {percent(b.share)} · {plural(b.count, unit)} · mean {time(b.meanSeconds)} ·
        median {time(b.medianSeconds)}
      </span>
      {b.wallClock ? (
        <span className="bottleneck-figures" data-testid="bottleneck-wall-clock">
          <span className="bottleneck-clock">wall clock </span>
          {formatDuration(b.wallClock.totalSeconds)} total · {percent(b.wallClock.share)} · mean{' '}
          {formatDuration(b.wallClock.meanSeconds)} · median {formatDuration(b.wallClock.medianSeconds)}
        </span>
      ) : null}
    </>
  );
  const item = (b: Bottleneck, unit: string) => (
    <li key={`${b.kind}:${b.from}→${b.to}`} data-testid="bottleneck">
      <button type="button" className="link-button bottleneck-name" onClick={() => onPick(b)}>
        {b.kind === 'path' ? `${b.from} → ${b.to}` : b.from}
      </button>
      {onMap(b) ? null : <span className="muted small"> (not on the map at these slider settings)</span>}
      {figures(b, unit)}
    </li>
  );
  return (
    <section className="map-panel" data-testid="bottlenecks">
      <h2 className="plain-title">Where time goes</h2>
      <p className="muted small">
        Paths ranked by total waiting time (transitions × mean wait) in the{' '}
        {map.graph.cases < map.totalCases ? 'filtered ' : ''}log with all {map.totalActivities} activities, whatever the
        sliders show{working ? '; in working hours, with wall-clock time beside' : ''}.
      </p>
      <ol className="bottleneck-list">{paths.map((b) => item(b, 'transition'))}</ol>
      {activities.length ? (
        <>
          <h3>Activities by total service time</h3>
          <p className="muted small">From each event&apos;s start to its completion, where the log has start times.</p>
          <ol className="bottleneck-list">{activities.map((b) => item(b, 'event'))}</ol>
        </>
      ) : (
        <p className="muted small">
          No start times in this log, so no service times: activities cannot be ranked by time spent in them.
        </p>
      )}
      <label className="small">
        <input type="checkbox" checked={showOnMap} onChange={(e) => onShowOnMapChange(e.target.checked)} /> mark the top
        3 paths in the performance view (where shown)
      </label>
    </section>
  );
}
