import type { ProcessMap } from '../../../preload/api.ts';
import { formatCount } from '../../components/format.ts';
import { fixesCaption } from './export-map.ts';

/** How much of the log the map shows (cases, activities or resources, paths) and the fixes in force. */
export function MapCounts({
  current,
  items,
  handover,
}: {
  current: ProcessMap | null;
  items: string;
  handover: boolean;
}) {
  const hiddenActivities = current ? current.totalActivities - current.graph.nodes.length : 0;
  return (
    <>
      {current ? (
        <span className="muted small" data-testid="map-counts">
          {formatCount(current.graph.cases)} of {formatCount(current.totalCases)} cases · {current.graph.nodes.length}{' '}
          of {current.totalActivities} {items} · {current.graph.edges.length} of {current.totalPaths} paths
          {current.activitiesLimited
            ? ` (the ${current.graph.nodes.length} most frequent activities only: more cannot be laid out readably)`
            : ''}
          {current.pathsLimited ? ' (the most frequent paths only: more cannot be laid out readably)' : ''}
          {current.basis?.fixesInForce.length ? (
            <>
              {' · '}
              <span
                className="map-fixes"
                data-testid="map-fixes"
                tabIndex={0}
                title={current.basis.fixesInForce.map((f, i) => `${i + 1}. ${f.fix.description}`).join('\n')}
              >
                {fixesCaption(current.basis.fixesInForce.length)}
              </span>
            </>
          ) : null}
        </span>
      ) : null}
      {/* Always one line, so the sliders below do not jump when the note is not needed (100%). */}
      {current && hiddenActivities > 0 ? (
        <span
          className="map-activities-note small"
          data-testid="activities-note"
          title={`${current.graph.nodes.length} of ${current.totalActivities} ${items} shown (the most frequent) — move the ${handover ? 'Resources' : 'Activities'} slider to show more.`}
        >
          {current.graph.nodes.length} of {current.totalActivities} {items} shown (the most frequent) — move the{' '}
          {handover ? 'Resources' : 'Activities'} slider to show more.
        </span>
      ) : (
        <span className="map-activities-note small muted" data-testid="activities-all">
          {current ? `All ${current.totalActivities} ${items} shown.` : '\u00a0'}
        </span>
      )}
    </>
  );
}
