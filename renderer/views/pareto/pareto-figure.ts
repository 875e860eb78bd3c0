import { plotlyText, type PlotlyFigure } from '../../components/plotly-figure.ts';
import type { ParetoSeries } from './pareto-series.ts';

/** Bars drawn at most; the cumulative share still counts every bar. */
export const BARS_SHOWN = 60;

/** The Pareto chart as plotly data: bars largest first, the cumulative share on a second axis with the 80% line. */
export function paretoFigure(series: ParetoSeries, unit: string): PlotlyFigure {
  const bars = series.bars.slice(0, BARS_SHOWN);
  // Activity, resource and variant names come from the log: category ticks and %{x} read HTML.
  const x = bars.map((b) => plotlyText(b.label));
  return {
    data: [
      {
        type: 'bar',
        name: unit,
        x,
        y: bars.map((b) => b.value),
        marker: { color: '#4a78b5' },
        hovertemplate: `%{x}<br>%{y:,} ${unit}<extra></extra>`,
      },
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
      yaxis2: {
        title: { text: 'cumulative %' },
        overlaying: 'y',
        side: 'right',
        range: [0, 102],
        tickmode: 'array',
        tickvals: [0, 20, 40, 60, 80, 100],
        ticksuffix: '%',
        showgrid: false,
      },
      shapes: [
        {
          type: 'line',
          xref: 'paper',
          x0: 0,
          x1: 1,
          yref: 'y2',
          y0: 80,
          y1: 80,
          line: { color: '#b03a2e', dash: 'dash', width: 1 },
        },
      ],
      annotations: [
        {
          xref: 'paper',
          x: 1,
          xanchor: 'right',
          yref: 'y2',
          y: 80,
          yanchor: 'bottom',
          text: '80%',
          showarrow: false,
          font: { color: '#b03a2e', size: 11 },
        },
      ],
    },
  };
}
