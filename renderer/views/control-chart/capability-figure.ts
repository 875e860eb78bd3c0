import type { CapabilityReport } from '../../../preload/api.ts';
import type { PlotlyObject } from '../../components/plotly-figure.ts';
import { significant } from '../measures/measure-format.ts';
import { COLORS } from './chart-figure.ts';

/** The capability histogram: the values in bins, the fitted model's density scaled to counts, and the spec lines. */
export function capabilityFigure(
  report: CapabilityReport,
  unitTitle: string,
): { data: PlotlyObject[]; layout: PlotlyObject } {
  const { bins, curve, lsl, usl } = report.histogram;
  const data: PlotlyObject[] = [
    {
      type: 'bar',
      name: 'values',
      x: bins.map((b) => (b.start + b.end) / 2),
      y: bins.map((b) => b.count),
      width: bins.map((b) => b.end - b.start),
      marker: { color: 'rgba(31,95,153,0.55)', line: { color: '#ffffff', width: 1 } },
      hovertext: bins.map((b) => `${significant(b.start)} – ${significant(b.end)} ${unitTitle}: ${b.count}`),
      hoverinfo: 'text',
    },
    {
      type: 'scatter',
      mode: 'lines',
      name: `${report.chosen} fit`,
      x: curve.map((p) => p.x),
      y: curve.map((p) => p.y),
      line: { color: COLORS.center, width: 2 },
      hoverinfo: 'skip',
    },
  ];
  const specs: [string, number | null | undefined, string][] = [
    ['LSL', lsl, COLORS.signal],
    ['USL', usl, COLORS.signal],
    ['target', report.specs.target, COLORS.center],
  ];
  const shown = specs.filter((s): s is [string, number, string] => s[1] !== null && s[1] !== undefined);
  return {
    data,
    layout: {
      height: 260,
      margin: { l: 48, r: 16, t: 26, b: 44 },
      showlegend: false,
      bargap: 0,
      xaxis: { title: { text: unitTitle, font: { size: 11 } }, zeroline: false },
      yaxis: { title: { text: 'count', font: { size: 11 } } },
      shapes: shown.map(([, x, color]) => ({
        type: 'line',
        xref: 'x',
        x0: x,
        x1: x,
        yref: 'paper',
        y0: 0,
        y1: 1,
        line: { color, width: 2, dash: 'dash' },
      })),
      annotations: shown.map(([name, x, color]) => ({
        xref: 'x',
        x,
        yref: 'paper',
        y: 1,
        yanchor: 'bottom',
        text: `${name} ${significant(x)}`,
        showarrow: false,
        font: { size: 10, color },
      })),
    },
  };
}
