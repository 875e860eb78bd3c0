import type { PlotlyFigure } from '../../components/plotly-figure.ts';

const UNITS: [string, number, number][] = [
  // unit, seconds per unit, used when the longest duration is at least twice one unit
  ['days', 86400, 2 * 86400],
  ['hours', 3600, 2 * 3600],
  ['minutes', 60, 120],
];

/** The unit a histogram of these durations reads best in: days, hours, minutes or seconds. */
export function histogramUnit(seconds: readonly number[]): { unit: string; size: number } {
  let max = -Infinity;
  for (const s of seconds) if (s > max) max = s;
  for (const [unit, size, from] of UNITS) if (max >= from) return { unit, size };
  return { unit: 'seconds', size: 1 };
}

/**
 * Durations of the selected activity or path as a 30-bin histogram in the unit that reads best.
 * With `logScale` the counts axis is logarithmic, so the few very long durations of a skewed
 * process stay visible beside the many short ones.
 */
export function durationHistogramFigure(seconds: readonly number[], label: string, logScale = false): PlotlyFigure {
  const { unit, size } = histogramUnit(seconds);
  return {
    data: [
      {
        type: 'histogram',
        x: seconds.map((s) => s / size),
        marker: { color: '#1f5f99' },
        nbinsx: 30,
        hovertemplate: `%{x} ${unit}<br>%{y} times<extra></extra>`,
      },
    ],
    layout: {
      margin: { l: 40, r: 8, t: 8, b: 36 },
      height: 180,
      xaxis: { title: { text: `${label} (${unit})`, font: { size: 11 } } },
      yaxis: logScale
        ? { type: 'log', title: { text: 'count (log scale)', font: { size: 11 } } }
        : { title: { text: 'count', font: { size: 11 } } },
      bargap: 0.05,
    },
  };
}
