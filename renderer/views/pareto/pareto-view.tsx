import { useMemo, useRef, useState } from 'react';
import { useLogFilters } from '../../app/filter-store.ts';
import { useWorkbench, useWorkspace } from '../../app/workbench.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { formatCount, plural } from '../../components/format.ts';
import { PlotlyChart, type PlotlyChartHandle } from '../../components/plotly-chart.tsx';
import { useAsync } from '../../components/use-async.ts';
import { BARS_SHOWN, paretoFigure } from './pareto-figure.ts';
import { paretoSeries } from './pareto-series.ts';
import { TabButtons } from '../../components/tab-buttons.tsx';
import './pareto-view.css';

type ParetoOf = 'activity' | 'resource' | 'variant';
type Measure = 'events' | 'cases';
const OF_LABELS: Record<ParetoOf, string> = { activity: 'Activities', resource: 'Resources', variant: 'Variants' };

/**
 * Pareto charts of activities, resources and variants on the filtered log: bars from the largest
 * down, the cumulative share as a line on its own axis, the 80% line, and how few items reach it.
 */
export function ParetoView() {
  const { api, logVersion } = useWorkbench();
  const workspace = useWorkspace();
  const filters = useLogFilters(workspace.path);
  const [of, setOf] = useState<ParetoOf>('activity');
  const [measure, setMeasure] = useState<Measure>('events');
  const chart = useRef<PlotlyChartHandle>(null);
  const items = useAsync(async () => {
    if (of === 'variant') {
      const variants = await api.variantList(workspace.path, filters);
      return variants.map((v) => ({
        label: `#${v.rank} (${plural(v.activities.length, 'step')})`,
        value: v.count,
        title: v.activities.join(' → '),
      }));
    }
    const table = await api.statisticsTable(workspace.path, { by: of, filters });
    return table.rows.map((r) => ({
      label: r.value,
      value: measure === 'cases' ? r.caseFrequency : r.frequency,
      title: r.value,
    }));
  }, [api, workspace.path, logVersion, of, measure, JSON.stringify(filters)]);
  const series = useMemo(() => paretoSeries(items.value ?? []), [items.value]);
  const unit = of === 'variant' || measure === 'cases' ? 'cases' : 'events';
  const figure = useMemo(() => paretoFigure(series, unit), [series, unit]);

  return (
    <div className="view view-fill pareto-view">
      <header className="view-header">
        <div>
          <h1>Pareto</h1>
          <p className="muted small" data-testid="pareto-caption">
            {items.value
              ? series.bars.length === 0
                ? 'Nothing to chart: no case passes the filters.'
                : `${formatCount(series.vitalFew)} of ${formatCount(series.bars.length)} ${OF_LABELS[of].toLowerCase()} account for 80% of ${formatCount(series.total)} ${unit}${filters.length ? ` · ${plural(filters.length, 'filter')} applied` : ''}`
              : 'Counting…'}
          </p>
        </div>
        <div className="button-row">
          <TabButtons label="Pareto of" tabs={OF_LABELS} current={of} onChoose={setOf} testIdPrefix="pareto-of-" />
          {of !== 'variant' ? (
            <select
              value={measure}
              aria-label="Count"
              data-testid="pareto-measure"
              onChange={(e) => setMeasure(e.target.value as Measure)}
            >
              <option value="events">events (frequency)</option>
              <option value="cases">cases (case frequency)</option>
            </select>
          ) : null}
          <button
            type="button"
            className="small-button"
            disabled={!series.bars.length}
            data-testid="pareto-export-png"
            onClick={() => void chart.current?.exportImage('png', `${workspace.name}-pareto-${of}`)}
          >
            Export PNG
          </button>
        </div>
      </header>
      {items.status === 'failed' ? (
        <ErrorPanel error={items.error} title="The Pareto chart could not be computed" />
      ) : null}
      {series.bars.length > BARS_SHOWN ? (
        <p className="muted small">
          The {BARS_SHOWN} largest of {formatCount(series.bars.length)} are drawn; the cumulative share counts them all.
        </p>
      ) : null}
      {series.bars.length ? (
        <PlotlyChart
          ref={chart}
          data={figure.data}
          layout={figure.layout}
          label={`Pareto chart of ${OF_LABELS[of].toLowerCase()}`}
          testId="pareto-chart"
          className="pareto-chart"
        />
      ) : null}
    </div>
  );
}
