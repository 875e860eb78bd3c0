import type { ProcessMap } from '../../../preload/api.ts';
import { formatCount, formatDuration, plural } from '../../components/format.ts';
import type { MapSelection } from './selection-panel.tsx';

/**
 * A resource or a handover clicked on the handover-of-work map: how often, in how many cases, and
 * how long the work waited between the two people (the handoff latency), from the map's own graph.
 */
export function HandoverSelection({
  map,
  selection,
  onClose,
}: {
  map: ProcessMap;
  selection: MapSelection;
  onClose(): void;
}) {
  const { activityStats, pathStats } = map.graph;
  const resource =
    selection.source === 'map'
      ? selection.hit.kind === 'activity'
        ? activityStats[selection.hit.index]
        : null
      : selection.bottleneck.kind === 'activity'
        ? activityStats.find((a) => a.activity === selection.bottleneck.from)
        : null;
  const handover =
    selection.source === 'map'
      ? selection.hit.kind === 'path'
        ? pathStats[selection.hit.index]
        : null
      : selection.bottleneck.kind === 'path'
        ? pathStats.find((p) => p.from === selection.bottleneck.from && p.to === selection.bottleneck.to)
        : null;
  const rows: [string, string][] = resource
    ? [
        ['Events', formatCount(resource.count)],
        ['Cases', formatCount(resource.caseCount)],
        ['Most in one case', formatCount(resource.maxRepetitions)],
        ['Starts cases', formatCount(resource.startCount)],
        ['Ends cases', formatCount(resource.endCount)],
      ]
    : handover
      ? [
          [handover.from === handover.to ? 'Times work stayed' : 'Handovers', formatCount(handover.count)],
          ['Cases', formatCount(handover.caseCount)],
          ['Most in one case', formatCount(handover.maxRepetitions)],
          ['Mean wait', formatDuration(handover.waitingTime.meanSeconds)],
          ['Median wait', formatDuration(handover.waitingTime.medianSeconds)],
          ['Longest wait', formatDuration(handover.waitingTime.maxSeconds)],
          ['Total wait', formatDuration(handover.waitingTime.totalSeconds)],
        ]
      : [];
  return (
    <section className="map-panel" data-testid="handover-selection" aria-label="Selection">
      <div className="map-panel-head">
        <h2 className="plain-title map-selection-title">
          {resource ? resource.activity : handover ? `${handover.from} → ${handover.to}` : 'Not on this map'}
        </h2>
        <button type="button" className="small-button" onClick={onClose}>
          Close
        </button>
      </div>
      {handover ? (
        <p className="muted small map-scope">
          {handover.from === handover.to
            ? `${handover.from} did the next step of the case too, ${plural(handover.count, 'time')}.`
            : `${handover.from} handed the case over to ${handover.to}; waits run from the end of ${handover.from}'s step to ${handover.to}'s.`}
        </p>
      ) : null}
      <dl className="map-stats">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
