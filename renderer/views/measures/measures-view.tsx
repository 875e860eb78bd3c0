import { useState } from 'react';
import { MEASURE_PERIODS, type FilterOptions, type MeasurePeriod, type MeasuresInfo } from '../../../preload/api.ts';
import { useLogFilters } from '../../app/filter-store.ts';
import { useWorkbench, useWorkspace } from '../../app/workbench.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { knownZone } from '../../components/format.ts';
import { useAsync } from '../../components/use-async.ts';
import { FilterChips } from '../map/filter-bar.tsx';
import { KpiTile } from './kpi-tile.tsx';
import { MeasuresEditor } from './measures-editor.tsx';
import { ParametersEditor } from './parameters-editor.tsx';
import './measures-view.css';
import { UnfixedErrorsBanner } from '../quality/unfixed-errors-banner.tsx';
import { SelectField } from '../../components/select-field.tsx';

/** The attributes a log can be split by: case attributes, then event attributes (their value on the case's first event). */
export function segmentAttributes(options: FilterOptions | null): string[] {
  if (!options) return [];
  const names = [...options.caseAttributes, ...options.eventAttributes]
    .filter((a) => a.type === 'string' || a.type === 'boolean')
    .map((a) => a.name);
  return [...new Set(names)];
}

/**
 * Every measure of the workspace's schema as a tile, over the cases the filters keep: value,
 * sparkline per period, trend, definition on hover, optionally split by a segment. A tile opens
 * the measure's control chart.
 */
export function MeasuresView() {
  const { api, logVersion, environment, navigate } = useWorkbench();
  const workspace = useWorkspace();
  const filters = useLogFilters(workspace.path);
  const filterKey = JSON.stringify(filters);
  const [period, setPeriod] = useState<MeasurePeriod>('week');
  const [by, setBy] = useState('');
  const [schemaVersion, setSchemaVersion] = useState(0);
  const timeZone = knownZone(environment.timezone);
  const options = useAsync(() => api.filterOptions(workspace.path), [api, workspace.path, logVersion]);
  const info = useAsync<MeasuresInfo>(() => api.measures(workspace.path), [api, workspace.path, schemaVersion]);
  const board = useAsync(
    () => api.kpis(workspace.path, { period, timeZone, ...(by ? { by } : {}), ...(filters.length ? { filters } : {}) }),
    [api, workspace.path, logVersion, period, by, timeZone, filterKey, schemaVersion],
  );
  const segments = segmentAttributes(options.value);

  return (
    <div className="view" data-testid="measures-view">
      <header className="view-header">
        <div>
          <h1>Measures</h1>
          <p className="muted">
            Every KPI defined once, computed from the log{board.value ? ` ${board.value.basis.fileName}` : ''}
            {board.value?.basis.fixesInForce.length
              ? ` with ${board.value.basis.fixesInForce.length} data-quality fixes`
              : ''}{' '}
            · periods in {timeZone}
          </p>
        </div>
        <div className="measures-controls">
          <SelectField
            label="Per"
            value={period}
            choices={MEASURE_PERIODS}
            onChange={(p) => setPeriod(p as MeasurePeriod)}
            testId="measures-period"
          />
          <SelectField
            label="Split by"
            value={by}
            none="(no split)"
            choices={segments}
            onChange={setBy}
            testId="measures-by"
          />
        </div>
      </header>
      <UnfixedErrorsBanner />
      <FilterChips compact />
      {board.status === 'failed' ? <ErrorPanel error={board.error} title="The measures could not be computed" /> : null}
      {board.value ? (
        <div
          className={`kpi-grid${board.status === 'loading' ? ' kpi-grid-stale' : ''}`}
          data-testid="kpi-grid"
          aria-busy={board.status === 'loading'}
        >
          {board.value.tiles.map((tile) => (
            <KpiTile
              key={tile.name}
              tile={tile}
              period={board.value!.period}
              onOpen={() => navigate('control-chart', { measure: tile.name, period })}
            />
          ))}
        </div>
      ) : board.status === 'loading' ? (
        <p className="muted">Computing the measures…</p>
      ) : null}
      {info.status === 'failed' ? (
        <ErrorPanel error={info.error} title="The measurement schema could not be read" />
      ) : null}
      {info.value ? <ParametersEditor info={info.value} onSaved={() => setSchemaVersion((v) => v + 1)} /> : null}
      {info.value ? <MeasuresEditor info={info.value} onSaved={() => setSchemaVersion((v) => v + 1)} /> : null}
    </div>
  );
}
