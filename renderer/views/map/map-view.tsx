import { useEffect, useRef, useState } from 'react';
import type { LogStatistics, ProcessMap } from '../../../preload/api.ts';
import { useTimeFormat } from '../../app/time-format.ts';
import { useWorkbench, useWorkspace } from '../../app/workbench.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { knownZone } from '../../components/format.ts';
import { BottlenecksPanel } from './bottlenecks-panel.tsx';
import { describeFilter } from './describe-filter.ts';
import { exportPng, exportSvg, exportTitle, titledSvg } from './export-map.ts';
import { FilterChips, FilterEditor } from './filter-bar.tsx';
import { useLogFilters } from './filter-store.ts';
import { useAsync } from '../../components/use-async.ts';
import { MapCanvas } from './map-canvas.tsx';
import { MapLegend } from './map-legend.tsx';
import { defaultSettings, loadSettings, readableActivities, saveSettings, type MapSettings } from './map-settings.ts';
import { fewerActivitiesToFit } from './map-view-box.ts';
import { carrySelection } from './carry-selection.ts';
import { SelectionPanel, selectedElementId, type MapSelection } from './selection-panel.tsx';
import { VariantsPanel } from './variants-panel.tsx';
import { describeCalendar } from './working-hours-controls.tsx';
import { MapCounts } from './map-counts.tsx';
import { MapToolbar } from './map-toolbar.tsx';
import { variantNote, variantPath } from './variant-path.ts';
import { HandoverSelection } from './handover-selection.tsx';
import { ReplayBar } from './replay/replay-bar.tsx';
import { useReplayPaths } from './replay/use-replay-paths.ts';
import './map-view.css';

/** Slider values settle this long before a map is requested: fast enough to feel instant. */
const SETTLE_MS = 40;

function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * The process map: sliders, views, the map itself, and panels for selection, variants and
 * bottlenecks. Its settings live per workspace for the session (map-settings.ts); the first
 * view of a log starts from a readable default worked out from its number of activities.
 */
export function MapView() {
  const { api, environment } = useWorkbench();
  const workspace = useWorkspace();
  const importId = workspace.current?.id ?? null;
  const [settings, setSettings] = useState<MapSettings | null>(() => loadSettings(workspace.path, importId));
  const [settingsFor, setSettingsFor] = useState(`${workspace.path}|${importId}`);
  const [failure, setFailure] = useState<unknown>(null);

  // Another workspace or a new import: its own saved settings, or a readable default.
  if (settingsFor !== `${workspace.path}|${importId}`) {
    setSettingsFor(`${workspace.path}|${importId}`);
    setSettings(loadSettings(workspace.path, importId));
  }
  useEffect(() => {
    if (settings) return;
    let live = true;
    api.statistics(workspace.path).then(
      (stats: LogStatistics) => live && setSettings(defaultSettings(stats.activities, knownZone(environment.timezone))),
      (error: unknown) => live && setFailure(error),
    );
    return () => {
      live = false;
    };
  }, [api, workspace.path, settings, environment.timezone]);
  useEffect(() => {
    if (settings) saveSettings(workspace.path, importId, settings);
  }, [workspace.path, importId, settings]);

  if (!settings)
    return (
      <div className="map-view">
        {failure ? (
          <p className="muted">The map could not be prepared.</p>
        ) : (
          <p className="muted">Preparing the map…</p>
        )}
      </div>
    );
  return <MapWorkbench settings={settings} onChange={(patch) => setSettings((s) => (s ? { ...s, ...patch } : s))} />;
}

function MapWorkbench({ settings, onChange }: { settings: MapSettings; onChange(patch: Partial<MapSettings>): void }) {
  const { api, logVersion, environment } = useWorkbench();
  const workspace = useWorkspace();
  const filters = useLogFilters(workspace.path);
  const {
    activities,
    paths,
    view,
    frequencyMeasure,
    performanceMeasure,
    showBottlenecks,
    useCalendar,
    calendar,
    panel,
  } = settings;
  const [selection, setSelection] = useState<MapSelection | null>(null);
  const [editing, setEditing] = useState(false);
  // What the map is of: activities (the process map) or resources (handover of work, same sliders).
  const [subject, setSubject] = useState<'activities' | 'handover'>('activities');
  const handover = subject === 'handover';
  const [shownVariant, setShownVariant] = useState<string[] | null>(null);
  const [replaying, setReplaying] = useState(false);
  const replayCanvas = useRef<HTMLCanvasElement>(null);
  const settled = useSettled({ activities, paths }, SETTLE_MS);
  const calendarInForce = useCalendar ? calendar : null;
  const request = {
    activities: settled.activities,
    paths: settled.paths,
    view,
    frequencyMeasure,
    performanceMeasure,
    filters,
    calendar: calendarInForce,
    bottlenecks: showBottlenecks ? 3 : 0,
  };
  const map = useAsync<ProcessMap>(
    () => (handover ? api.handoverMap(workspace.path, request) : api.processMap(workspace.path, request)),
    [JSON.stringify([workspace.path, logVersion, subject, request])],
    { coalesce: true },
  );
  const mapLoading = map.status === 'loading';
  const current = map.value;
  const onProcessMap = !handover && !!current;
  const variantOnMap = onProcessMap && shownVariant ? variantPath(current.graph, shownVariant) : null;
  const replayPaths = useReplayPaths(replaying && onProcessMap, onProcessMap ? current : null, filters);

  // A selection on the map refers to indices of one map: on a new map (the other view, other
  // sliders or filters) it is found again by name, and dropped only when it is no longer shown.
  const previousMap = useRef<ProcessMap | null>(null);
  useEffect(() => {
    if (!current) return;
    const before = previousMap.current;
    previousMap.current = current;
    setSelection((s) => carrySelection(before, current, s));
  }, [current]);

  const selectedId = current ? selectedElementId(current, selection) : null;
  const fileName = `${workspace.name}-${handover ? 'handover-map' : 'process-map'}-${view}`;
  const time = useTimeFormat(); // the display time zone, as every view
  const items = handover ? 'resources' : 'activities';
  const setPanel = (next: MapSettings['panel']) => onChange({ panel: next });
  // A log's first view: while the fitted map is too small to read, show fewer activities.
  const onFitted = (scale: number) => {
    if (!settings.fitActivities || !current || mapLoading) return;
    const fewer = fewerActivitiesToFit(current.graph.nodes.length, scale);
    if (fewer === null) onChange({ fitActivities: false });
    else onChange({ activities: readableActivities(current.totalActivities, fewer) });
  };

  const titled = (m: ProcessMap) =>
    titledSvg(
      m.svg,
      exportTitle({
        workspaceName: workspace.name,
        fileName: workspace.current?.fileName ?? null,
        filters: filters.map(describeFilter),
        view:
          view === 'frequency'
            ? `frequency view (${{ absolute: 'absolute frequency', case: 'case frequency', maxRepetitions: 'max repetitions' }[frequencyMeasure]})`
            : `performance view (${performanceMeasure} duration)`,
        activities: settled.activities,
        paths: settled.paths,
        shownActivities: m.graph.nodes.length,
        totalActivities: m.totalActivities,
        shownPaths: m.graph.edges.length,
        totalPaths: m.totalPaths,
        cases: m.graph.cases,
        totalCases: m.totalCases,
        calendar: calendarInForce ? describeCalendar(calendarInForce) : null,
        fixes: (m.basis?.fixesInForce ?? []).map((f) => f.fix.description),
        exportedAt: `${time.moment(new Date().toISOString())} (${time.zone})`,
      }),
    );

  return (
    <div className="map-view">
      <header className="map-header">
        <div className="map-title">
          <h1>{handover ? 'Handover of work' : 'Process map'}</h1>
          <MapCounts current={current ?? null} items={items} handover={handover} />
        </div>
        <div className="map-export">
          <div className="map-toggle" role="group" aria-label="Map of">
            <button
              type="button"
              className={!handover ? 'toggle-on' : ''}
              aria-pressed={!handover}
              data-testid="map-of-activities"
              onClick={() => setSubject('activities')}
            >
              Activities
            </button>
            <button
              type="button"
              className={handover ? 'toggle-on' : ''}
              aria-pressed={handover}
              data-testid="map-of-handover"
              title="Resource → resource: who hands work over to whom"
              onClick={() => {
                setSubject('handover');
                setReplaying(false);
                setSelection(null);
              }}
            >
              Handover of work
            </button>
          </div>
          <button
            type="button"
            className="small-button"
            disabled={handover}
            aria-pressed={replaying}
            data-testid="replay-open"
            title="Replay the log on the map"
            onClick={() => setReplaying(!replaying)}
          >
            {replaying ? 'Stop animation' : 'Animate'}
          </button>
          <button
            type="button"
            className="small-button"
            disabled={!current}
            data-testid="export-svg"
            onClick={() => current && void exportSvg(titled(current), fileName)}
          >
            Export SVG
          </button>
          <button
            type="button"
            className="small-button"
            disabled={!current}
            data-testid="export-png"
            onClick={() => current && void exportPng(titled(current), fileName)}
          >
            Export PNG
          </button>
        </div>
      </header>
      <MapToolbar settings={settings} handover={handover} machineZone={environment.timezone} onChange={onChange} />
      <div className="map-filters">
        <FilterChips />
        {editing ? (
          <FilterEditor onDone={() => setEditing(false)} />
        ) : (
          <button type="button" className="small-button" data-testid="add-filter" onClick={() => setEditing(true)}>
            + Add filter
          </button>
        )}
      </div>
      {map.error ? <ErrorPanel error={map.error} /> : null}
      {replaying && onProcessMap ? (
        <>
          {replayPaths.error ? <ErrorPanel error={replayPaths.error} /> : null}
          <ReplayBar
            paths={replayPaths.value}
            canvas={replayCanvas}
            graph={current.graph}
            svg={current.svg}
            clock={(ms) => `${time.second(new Date(ms).toISOString())} (${time.zone})`}
            onClose={() => setReplaying(false)}
          />
        </>
      ) : null}
      <div className="map-body">
        <div className={`map-main${mapLoading ? ' map-loading' : ''}`} aria-busy={mapLoading}>
          {current ? (
            <MapCanvas
              svg={current.svg}
              onFitted={onFitted}
              selected={selectedId}
              highlighted={variantOnMap?.ids ?? null}
              overlay={
                replaying && onProcessMap ? (
                  <canvas ref={replayCanvas} className="replay-canvas" data-testid="replay-canvas" />
                ) : null
              }
              onSelect={(next) => {
                setSelection(next ? { source: 'map', hit: next } : null);
                if (next) setPanel('selection');
              }}
            />
          ) : (
            <p className="muted map-hint">Laying out the map…</p>
          )}
          {current ? (
            <MapLegend
              throughHidden={current.graph.pathStats.some((p) => (p.throughHidden ?? 0) > 0)}
              bottlenecks={view === 'performance' && showBottlenecks && current.svg.includes('class="edge bottleneck')}
              workingTime={view === 'performance' && current.graph.workingTime}
            />
          ) : null}
          {current && current.graph.cases === 0 ? <p className="map-empty">No case passes the filters.</p> : null}
        </div>
        <aside className="map-side">
          <div className="map-tabs" role="tablist">
            {(['variants', 'selection', 'bottlenecks'] as const).map((p) => (
              <button
                key={p}
                type="button"
                role="tab"
                aria-selected={panel === p}
                className={panel === p ? 'toggle-on' : ''}
                data-testid={`tab-${p}`}
                onClick={() => setPanel(p)}
              >
                {p === 'variants' ? 'Variants' : p === 'selection' ? 'Selection' : 'Bottlenecks'}
              </button>
            ))}
          </div>
          {panel === 'variants' ? (
            <VariantsPanel
              filters={filters}
              shown={shownVariant}
              onShow={handover ? undefined : setShownVariant}
              note={variantOnMap ? variantNote(variantOnMap.hiddenActivities, variantOnMap.missingPaths) : null}
            />
          ) : null}
          {panel === 'selection' ? (
            current && selection ? (
              handover ? (
                <HandoverSelection map={current} selection={selection} onClose={() => setSelection(null)} />
              ) : (
                <SelectionPanel
                  map={current}
                  selection={selection}
                  filters={filters}
                  activities={settled.activities}
                  calendar={calendarInForce}
                  onClose={() => setSelection(null)}
                />
              )
            ) : (
              <p className="muted small map-hint">
                Click an activity or a path on the map to see its statistics, its cases and its durations.
              </p>
            )
          ) : null}
          {panel === 'bottlenecks' && current ? (
            <BottlenecksPanel
              map={current}
              showOnMap={showBottlenecks}
              onShowOnMapChange={(show) => onChange({ showBottlenecks: show })}
              onPick={(bottleneck) => {
                setSelection({ source: 'bottleneck', bottleneck });
                setPanel('selection');
              }}
            />
          ) : null}
        </aside>
      </div>
    </div>
  );
}
