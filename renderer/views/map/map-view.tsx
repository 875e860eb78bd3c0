import { useEffect, useState } from 'react';
import type { FrequencyMeasure, MapView as MapViewKind, PerformanceMeasure, ProcessMap, WorkingCalendar } from '../../../preload/api.ts';
import { useWorkbench, useWorkspace } from '../../app/workbench.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { formatCount, formatDuration } from '../../components/format.ts';
import { exportPng, exportSvg } from './export-map.ts';
import { FilterChips, FilterEditor } from './filter-bar.tsx';
import { useLogFilters } from './filter-store.ts';
import { MapCanvas, type MapHit } from './map-canvas.tsx';
import { SelectionPanel } from './selection-panel.tsx';
import { useCoalesced } from './use-coalesced.ts';
import { VariantsPanel } from './variants-panel.tsx';
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

const DEFAULT_CALENDAR: WorkingCalendar = { weekdays: [1, 2, 3, 4, 5], startHour: 9, endHour: 17, holidays: [] };

/** The process map: sliders, views, the map itself, and panels for selection, variants and bottlenecks. */
export function MapView() {
  const { api, logVersion } = useWorkbench();
  const workspace = useWorkspace();
  const filters = useLogFilters(workspace.path);
  const [activities, setActivities] = useState(1);
  const [paths, setPaths] = useState(0.3);
  const [view, setView] = useState<MapViewKind>('frequency');
  const [frequencyMeasure, setFrequencyMeasure] = useState<FrequencyMeasure>('absolute');
  const [performanceMeasure, setPerformanceMeasure] = useState<PerformanceMeasure>('mean');
  const [showBottlenecks, setShowBottlenecks] = useState(true);
  const [useCalendar, setUseCalendar] = useState(false);
  const [calendar, setCalendar] = useState<WorkingCalendar>(DEFAULT_CALENDAR);
  const [hit, setHit] = useState<MapHit>(null);
  const [panel, setPanel] = useState<'variants' | 'selection' | 'bottlenecks'>('variants');
  const [editing, setEditing] = useState(false);
  const settled = useSettled({ activities, paths }, SETTLE_MS);
  const request = {
    activities: settled.activities,
    paths: settled.paths,
    view,
    frequencyMeasure,
    performanceMeasure,
    filters,
    calendar: useCalendar ? calendar : null,
    bottlenecks: showBottlenecks ? 3 : 0,
  };
  const map = useCoalesced<ProcessMap>(() => api.processMap(workspace.path, request), JSON.stringify([workspace.path, logVersion, request]));
  const current = map.value;

  // A selection refers to indices of one map; a new map (other sliders, filters) clears it.
  useEffect(() => setHit(null), [current]);

  const selectedId = hit ? `${hit.kind === 'activity' ? 'act' : 'path'}_${hit.index}` : null;
  const fileName = `${workspace.name}-process-map-${view}`;

  return (
    <div className="map-view">
      <header className="map-toolbar">
        <div className="map-title">
          <h1>Process map</h1>
          {current ? (
            <span className="muted small" data-testid="map-counts">
              {formatCount(current.graph.cases)} of {formatCount(current.totalCases)} cases · {current.graph.nodes.length} of {current.totalActivities} activities ·{' '}
              {current.graph.edges.length} of {current.totalPaths} paths
              {current.pathsLimited ? ' (the most frequent paths only: more cannot be laid out readably)' : ''}
            </span>
          ) : null}
        </div>
        <label className="map-slider">
          Activities <strong>{Math.round(activities * 100)}%</strong>
          <input type="range" min={0} max={1} step={0.01} value={activities} data-testid="slider-activities" onChange={(e) => setActivities(Number(e.target.value))} />
        </label>
        <label className="map-slider">
          Paths <strong>{Math.round(paths * 100)}%</strong>
          <input type="range" min={0} max={1} step={0.01} value={paths} data-testid="slider-paths" onChange={(e) => setPaths(Number(e.target.value))} />
        </label>
        <div className="map-toggle" role="group" aria-label="Map view">
          <button type="button" className={view === 'frequency' ? 'toggle-on' : ''} aria-pressed={view === 'frequency'} data-testid="view-frequency" onClick={() => setView('frequency')}>
            Frequency
          </button>
          <button type="button" className={view === 'performance' ? 'toggle-on' : ''} aria-pressed={view === 'performance'} data-testid="view-performance" onClick={() => setView('performance')}>
            Performance
          </button>
        </div>
        {view === 'frequency' ? (
          <select value={frequencyMeasure} onChange={(e) => setFrequencyMeasure(e.target.value as FrequencyMeasure)} aria-label="Frequency measure">
            <option value="absolute">absolute frequency</option>
            <option value="case">case frequency</option>
            <option value="maxRepetitions">max repetitions</option>
          </select>
        ) : (
          <select value={performanceMeasure} onChange={(e) => setPerformanceMeasure(e.target.value as PerformanceMeasure)} aria-label="Performance measure">
            <option value="mean">mean duration</option>
            <option value="median">median duration</option>
            <option value="max">max duration</option>
            <option value="total">total duration</option>
          </select>
        )}
        <label className="small">
          <input type="checkbox" checked={useCalendar} onChange={(e) => setUseCalendar(e.target.checked)} /> working hours
        </label>
        {useCalendar ? (
          <span className="map-calendar small">
            <input type="number" min={0} max={24} step={0.5} value={calendar.startHour} aria-label="working day starts (hour)" onChange={(e) => setCalendar({ ...calendar, startHour: Number(e.target.value) })} />–
            <input type="number" min={0} max={24} step={0.5} value={calendar.endHour} aria-label="working day ends (hour)" onChange={(e) => setCalendar({ ...calendar, endHour: Number(e.target.value) })} />
            {['S', 'M', 'T', 'W', 'T', 'F', 'S'].map((d, i) => (
              <label key={i} title="working day">
                <input
                  type="checkbox"
                  checked={calendar.weekdays.includes(i)}
                  onChange={(e) => setCalendar({ ...calendar, weekdays: e.target.checked ? [...calendar.weekdays, i].sort() : calendar.weekdays.filter((x) => x !== i) })}
                />
                {d}
              </label>
            ))}
            <input
              type="text"
              placeholder="holidays YYYY-MM-DD, …"
              defaultValue={calendar.holidays.join(', ')}
              onBlur={(e) => setCalendar({ ...calendar, holidays: e.target.value.split(/[\s,;]+/).filter(Boolean) })}
            />
          </span>
        ) : null}
        <div className="map-export">
          <button type="button" className="small-button" disabled={!current} data-testid="export-svg" onClick={() => current && exportSvg(current.svg, fileName)}>
            Export SVG
          </button>
          <button type="button" className="small-button" disabled={!current} data-testid="export-png" onClick={() => current && void exportPng(current.svg, fileName)}>
            Export PNG
          </button>
        </div>
      </header>
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
      <div className="map-body">
        <div className={`map-main${map.loading ? ' map-loading' : ''}`} aria-busy={map.loading}>
          {current ? (
            <MapCanvas
              svg={current.svg}
              selected={selectedId}
              onSelect={(next) => {
                setHit(next);
                if (next) setPanel('selection');
              }}
            />
          ) : (
            <p className="muted">Laying out the map…</p>
          )}
          {current && current.graph.cases === 0 ? <p className="map-empty">No case passes the filters.</p> : null}
        </div>
        <aside className="map-side">
          <div className="map-tabs" role="tablist">
            {(['variants', 'selection', 'bottlenecks'] as const).map((p) => (
              <button key={p} type="button" role="tab" aria-selected={panel === p} className={panel === p ? 'toggle-on' : ''} data-testid={`tab-${p}`} onClick={() => setPanel(p)}>
                {p === 'variants' ? 'Variants' : p === 'selection' ? 'Selection' : 'Bottlenecks'}
              </button>
            ))}
          </div>
          {panel === 'variants' ? <VariantsPanel filters={filters} /> : null}
          {panel === 'selection' ? (
            current && hit ? (
              <SelectionPanel map={current} hit={hit} filters={filters} activities={settled.activities} onClose={() => setHit(null)} />
            ) : (
              <p className="muted small map-hint">Click an activity or a path on the map to see its statistics, its cases and its durations.</p>
            )
          ) : null}
          {panel === 'bottlenecks' && current ? (
            <section className="map-panel" data-testid="bottlenecks">
              <h2 className="plain-title">Where time goes</h2>
              <p className="muted small">Paths ranked by total waiting time (cases × mean wait){current.graph.workingTime ? ', in working hours' : ''}.</p>
              <ol className="bottleneck-list">
                {current.bottlenecks
                  .filter((b) => b.kind === 'path')
                  .map((b) => {
                    const index = current.graph.pathStats.findIndex((p) => p.from === b.from && p.to === b.to);
                    return (
                      <li key={`${b.from}→${b.to}`}>
                        <button type="button" className="link-button" onClick={() => {
                            setHit({ kind: 'path', index });
                            setPanel('selection');
                          }}>
                          {b.from} → {b.to}
                        </button>
                        <span className="muted small">
                          {' '}
                          {formatDuration(b.totalSeconds)} total · {(b.share * 100).toFixed(0)}% · {formatCount(b.count)} × {formatDuration(b.meanSeconds)}
                        </span>
                      </li>
                    );
                  })}
              </ol>
              {current.bottlenecks.some((b) => b.kind === 'activity') ? <h3>Activities by total service time</h3> : null}
              <ol className="bottleneck-list">
                {current.bottlenecks
                  .filter((b) => b.kind === 'activity')
                  .map((b) => (
                    <li key={b.from}>
                      {b.from} <span className="muted small">{formatDuration(b.totalSeconds)} total · {(b.share * 100).toFixed(0)}%</span>
                    </li>
                  ))}
              </ol>
              <label className="small">
                <input type="checkbox" checked={showBottlenecks} onChange={(e) => setShowBottlenecks(e.target.checked)} /> mark the top 3 in the performance view
              </label>
            </section>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
