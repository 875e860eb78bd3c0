import { useMemo, useRef, useState } from 'react';
import { useLogFilters } from '../../app/filter-store.ts';
import { useWorkbench, useWorkspace } from '../../app/workbench.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { formatCount, plural } from '../../components/format.ts';
import { PlotlyChart, type PlotlyChartHandle, type PlotlyObject } from '../../components/plotly-chart.tsx';
import { useAsync } from '../../components/use-async.ts';
import { paretoSeries, type ParetoSeries } from './pareto-series.ts';
import './pareto-view.css';

type ParetoOf = 'activity' | 'resource' | 'variant';
type Measure = 'events' | 'cases';
const OF_LABELS: Record<ParetoOf, string> = { activity: 'Activities', resource: 'Resources', variant: 'Variants' };
/** Bars drawn; the cumulative line and the vital few always count every item. */
const BARS_SHOWN = 60;

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
      return variants.map((v) => ({ label: `#${v.rank} (${plural(v.activities.length, 'step')})`, value: v.count, title: v.activities.join(' → ') }));
    }
    const table = await api.statisticsTable(workspace.path, { by: of, filters });
    return table.rows.map((r) => ({ label: r.value, value: measure === 'cases' ? r.caseFrequency : r.frequency, title: r.value }));
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
          <div role="tablist" aria-label="Pareto of" className="button-row">
            {(Object.keys(OF_LABELS) as ParetoOf[]).map((key) => (
              <button key={key} type="button" role="tab" aria-selected={of === key} className={of === key ? 'primary' : undefined} data-testid={`pareto-of-${key}`} onClick={() => setOf(key)}>
                {OF_LABELS[key]}
              </button>
            ))}
          </div>
          {of !== 'variant' ? (
            <select value={measure} aria-label="Count" data-testid="pareto-measure" onChange={(e) => setMeasure(e.target.value as Measure)}>
              <option value="events">events (frequency)</option>
              <option value="cases">cases (case frequency)</option>
            </select>
          ) : null}
          <button type="button" className="small-button" disabled={!series.bars.length} data-testid="pareto-export-png" onClick={() => void chart.current?.exportImage('png', `${workspace.name}-pareto-${of}`)}>
            Export PNG
          </button>
        </div>
      </header>
      {items.status === 'failed' ? <ErrorPanel error={items.error} title="The Pareto chart could not be computed" /> : null}
      {series.bars.length > BARS_SHOWN ? (
        <p className="muted small">
          The {BARS_SHOWN} largest of {formatCount(series.bars.length)} are drawn; the cumulative share counts them all.
        </p>
      ) : null}
      {series.bars.length ? <PlotlyChart ref={chart} data={figure.data} layout={figure.layout} label={`Pareto chart of ${OF_LABELS[of].toLowerCase()}`} testId="pareto-chart" className="pareto-chart" /> : null}
    </div>
  );
}

function paretoFigure(series: ParetoSeries, unit: string): { data: PlotlyObject[]; layout: PlotlyObject } {
  const bars = series.bars.slice(0, BARS_SHOWN);
  const x = bars.map((b) => b.label);
  return {
    data: [
      { type: 'bar', name: unit, x, y: bars.map((b) => b.value), marker: { color: '#4a78b5' }, hovertemplate: `%{x}<br>%{y:,} ${unit}<extra></extra>` },
      {
        type: 'scatter',
        mode: 'lines+markers',
        name: 'cumulative %',
        x,
        y: bars.map((b) => 100 * b.cumulativeShare),
        yaxis: 'y2',
        line: { color: '#e07b00' },
        hovertemplate: '%{x}<br>cumulative %{y:.1f}%<extra></extra>',
      },
    ],
    layout: {
      margin: { l: 60, r: 60, t: 20, b: 120 },
      showlegend: false,
      xaxis: { type: 'category', tickangle: -40, automargin: true },
      yaxis: { title: { text: unit }, rangemode: 'tozero' },
      yaxis2: { title: { text: 'cumulative %' }, overlaying: 'y', side: 'right', range: [0, 102], tickmode: 'array', tickvals: [0, 20, 40, 60, 80, 100], ticksuffix: '%', showgrid: false },
      shapes: [{ type: 'line', xref: 'paper', x0: 0, x1: 1, yref: 'y2', y0: 80, y1: 80, line: { color: '#b03a2e', dash: 'dash', width: 1 } }],
      annotations: [{ xref: 'paper', x: 1, xanchor: 'right', yref: 'y2', y: 80, yanchor: 'bottom', text: '80%', showarrow: false, font: { color: '#b03a2e', size: 11 } }],
    },
  };
}
