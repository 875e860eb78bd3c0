import type { LogFilter, ProcessMap } from '../../../preload/api.ts';
import { useWorkbench, useWorkspace } from '../../app/workbench.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { plural } from '../../components/format.ts';
import { useAsync } from '../../components/use-async.ts';
import { MapCanvas } from '../map/map-canvas.tsx';
import '../map/map-view.css';

export interface MapSide {
  title: string;
  filters: LogFilter[];
}

/** Where the time goes: the performance view, every activity, the busier paths. */
const MAP_SETTINGS = { activities: 1, paths: 0.8, view: 'performance' as const };

/**
 * The process map of a point's cases beside the map of the cases it is compared with (the
 * baseline's, or every other point's): where a signal's cases ran differently.
 */
export function CompareMaps({ left, right, onClose }: { left: MapSide; right: MapSide; onClose(): void }) {
  return (
    <section className="panel cc-compare" data-testid="cc-compare">
      <div className="cc-point-head">
        <h2>Process maps side by side</h2>
        <button type="button" className="small-button" onClick={onClose} aria-label="Close the maps">
          ✕
        </button>
      </div>
      <p className="muted small">Mean durations on the paths; the same simplification on both sides.</p>
      <div className="cc-compare-grid">
        <SideMap side={left} testId="cc-compare-left" />
        <SideMap side={right} testId="cc-compare-right" />
      </div>
    </section>
  );
}

function SideMap({ side, testId }: { side: MapSide; testId: string }) {
  const { api, logVersion } = useWorkbench();
  const workspace = useWorkspace();
  const key = JSON.stringify(side.filters);
  const map = useAsync<ProcessMap>(
    () => api.processMap(workspace.path, { ...MAP_SETTINGS, filters: side.filters }),
    [api, workspace.path, key, logVersion],
  );
  return (
    <div className="cc-compare-side" data-testid={testId}>
      <h3>
        {side.title}
        {map.value ? <span className="muted small"> · {plural(map.value.graph.cases, 'case')}</span> : null}
      </h3>
      {map.status === 'failed' ? <ErrorPanel error={map.error} title="This map could not be drawn" /> : null}
      <div className={`map-main cc-compare-map${map.status === 'loading' ? ' map-loading' : ''}`}>
        {map.value ? (
          <MapCanvas svg={map.value.svg} selected={null} onSelect={() => undefined} />
        ) : (
          <p className="muted small map-empty">Laying out…</p>
        )}
      </div>
    </div>
  );
}
