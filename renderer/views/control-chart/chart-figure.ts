import type { ControlChartSeries, ControlChartView } from '../../../preload/api.ts';
import { plotlyText, type PlotlyObject } from '../../components/plotly-figure.ts';
import { significant } from '../measures/measure-format.ts';

/**
 * A control chart as plotly traces: the statistic per point, centre line and limits (steps where
 * they vary with n or by phase), signals marked with the lowest test they fail and a tooltip that
 * names every test, points left out of the limits hollow, phase boundaries, the baseline shaded.
 * Two-part charts (I-MR, Xbar-R, Xbar-S) share the x axis. Points are at 0, 1, 2, … (the subgroup
 * number, as Minitab plots them) with dates as tick labels, so a gap in time never squeezes them.
 */

export const COLORS = {
  point: '#1f5f99',
  signal: '#b3261e',
  limit: '#c2571a',
  center: '#2e7d4f',
  excluded: '#8a94a3',
  selected: '#e07b00',
  phase: '#6b7480',
} as const;

/** What the click handler gets back from a point: its index in the chart. */
export const POINT_INDEX = 'index';

export interface FigureOptions {
  /** The point whose cases are open, ringed. */
  selected: number | null;
  /** Points used for the limits of the first phase when a baseline is set: shaded. */
  baseline: [number, number] | null;
  /** Points the user left out of the limits (assignable causes): hollow. */
  leftOut: readonly number[];
}

/**
 * Above this many points a chart is drawn as a line without a marker per point: plotly's SVG
 * markers cost about 0.1 ms each (I-MR of 2,000 points: about 540 ms with a marker per point,
 * 45 ms without; bench/control-chart-draw.bench.ts), and at that density they merge into the line anyway.
 * Signals, left-out and selected points keep their markers; hover and click work on the line.
 */
export const MARKERS_UP_TO = 300;
/** Beyond this many signalling points their test numbers are left to the hover and the signal list. */
export const MAX_NUMBERED_SIGNALS = 25;

/** One value per point (constant limits repeat); NaN becomes a gap. */
export function perPoint(value: number | number[], m: number): (number | null)[] {
  const at = (i: number) => (Array.isArray(value) ? value[i] : value);
  return Array.from({ length: m }, (_, i) => {
    const v = at(i);
    return v === undefined || !Number.isFinite(v) ? null : v;
  });
}

/** Per signalling point: every test it fails, lowest first. */
export function signalsByPoint(
  chart: Pick<ControlChartSeries, 'signals'>,
): Map<number, { rule: number; description: string }[]> {
  const out = new Map<number, { rule: number; description: string }[]>();
  for (const s of chart.signals) {
    const list = out.get(s.index) ?? [];
    if (!list.some((x) => x.rule === s.rule)) list.push({ rule: s.rule, description: s.description });
    out.set(s.index, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.rule - b.rule);
  return out;
}

/** Text from the log (a case id) inside plotly's hover text: shown as typed, never as markup. */
export const escapeHoverText = plotlyText;

/** Short tick text: the date of an ISO label, or the label itself. */
export function tickText(label: string): string {
  return /^\d{4}-\d{2}-\d{2}T/.test(label) ? label.slice(0, 10) : label;
}

function ticks(labels: readonly string[]): { tickvals: number[]; ticktext: string[] } {
  const m = labels.length;
  const step = Math.max(1, Math.ceil(m / 10));
  const tickvals: number[] = [];
  for (let i = 0; i < m; i += step) tickvals.push(i);
  return { tickvals, ticktext: tickvals.map((i) => plotlyText(tickText(labels[i]!))) };
}

const isTwoPart = (view: ControlChartView) => view.charts.length > 1;

function seriesTraces(
  view: ControlChartView,
  chart: ControlChartSeries,
  part: number,
  options: FigureOptions,
): PlotlyObject[] {
  const m = chart.points.length;
  const x = Array.from({ length: m }, (_, i) => i);
  const yaxis = part === 0 ? 'y' : 'y2';
  const cusum = chart.name === 'CUSUM';
  const left = new Set(options.leftOut);
  const signals = signalsByPoint(chart);
  const what = cusum ? 'upper CUSUM' : chart.name;
  const dense = m > MARKERS_UP_TO;
  const hover = chart.points.map((v, i) => {
    const p = view.points[i];
    const lines = [
      `<b>${escapeHoverText(tickText(chart.labels[i] ?? ''))}</b>${view.byUnit && p?.caseId ? ` · case ${escapeHoverText(p.caseId)}` : ''}`,
      `${what} = ${v === null ? '—' : significant(v)}`,
    ];
    if (!cusum && chart.n[i] !== undefined && !view.byUnit)
      lines.push(`n = ${chart.n[i]}${p ? ` · ${p.cases} case${p.cases === 1 ? '' : 's'}` : ''}`);
    if (p?.covered !== undefined)
      lines.push(`<i>only ${Math.round(100 * p.covered)}% of this ${view.period} is in the log: read it with care</i>`);
    if (left.has(i)) lines.push('<i>left out of the limits (assignable cause)</i>');
    else if (options.baseline && (i < options.baseline[0] || i > options.baseline[1]))
      lines.push('<i>not in the baseline</i>');
    for (const s of signals.get(i) ?? []) lines.push(`<span style="color:${COLORS.signal}">${s.description}</span>`);
    lines.push('<i>click: filter to its cases</i>');
    return lines.join('<br>');
  });
  const markerTrace = (name: string, at: number[], marker: PlotlyObject, extra: PlotlyObject = {}): PlotlyObject => ({
    type: 'scatter',
    mode: 'markers',
    name,
    x: at,
    y: at.map((i) => chart.points[i]),
    yaxis,
    marker,
    hovertext: at.map((i) => hover[i]),
    hoverinfo: 'text',
    customdata: at,
    ...extra,
  });
  const traces: PlotlyObject[] = [
    {
      type: 'scatter',
      mode: dense ? 'lines' : 'lines+markers',
      name: what,
      x,
      y: chart.points,
      yaxis,
      line: { color: COLORS.point, width: 1 },
      marker: { color: COLORS.point, size: 6 },
      hovertext: hover,
      hoverinfo: 'text',
      customdata: x,
      connectgaps: false,
    },
  ];
  // Periods the log covers only partly (its first or last): a ringed point, so a drop there is not read as a change.
  const partial = view.byUnit ? [] : x.filter((i) => view.points[i]?.covered !== undefined && chart.points[i] !== null);
  if (partial.length)
    traces.push(
      markerTrace(`part of a ${view.period}`, partial, {
        color: 'rgba(0,0,0,0)',
        size: 13,
        symbol: 'circle-open',
        line: { color: COLORS.excluded, width: 1.5, dash: 'dot' },
      }),
    );
  const leftOut = [...left].filter((i) => i < m && chart.points[i] !== null).sort((a, b) => a - b);
  if (leftOut.length)
    traces.push(
      markerTrace(`${what} left out`, leftOut, {
        color: '#ffffff',
        size: 8,
        symbol: 'circle-open',
        line: { color: COLORS.excluded, width: 2 },
      }),
    );
  if (cusum && chart.lower) {
    traces.push({
      type: 'scatter',
      mode: 'lines+markers',
      name: 'lower CUSUM',
      x,
      y: chart.lower.map((v) => -v),
      yaxis,
      line: { color: COLORS.point, width: 1, dash: 'dot' },
      marker: { color: COLORS.point, size: m > 500 ? 3 : 5 },
      hovertext: chart.lower.map(
        (v, i) =>
          `<b>${plotlyText(tickText(chart.labels[i] ?? ''))}</b><br>lower CUSUM = ${significant(v)} (drawn as −${significant(v)})`,
      ),
      hoverinfo: 'text',
      customdata: x,
    });
  }
  // A constant line is two points, not one per point: cheaper to lay out on a long chart.
  const limit = (value: number | number[], name: string, color: string, dash: string): PlotlyObject => ({
    type: 'scatter',
    mode: 'lines',
    name,
    x: Array.isArray(value) ? x : [-0.5, m - 0.5],
    y: Array.isArray(value) ? perPoint(value, m) : Number.isFinite(value) ? [value, value] : [null, null],
    yaxis,
    line: { color, width: 1.2, dash, shape: Array.isArray(value) ? 'hvh' : 'linear' },
    hoverinfo: 'skip',
  });
  traces.push(
    limit(chart.ucl, 'UCL', COLORS.limit, 'solid'),
    limit(chart.center, cusum ? 'target' : 'centre', COLORS.center, 'solid'),
    limit(chart.lcl, 'LCL', COLORS.limit, 'solid'),
  );
  if (signals.size > 0) {
    const at = [...signals.keys()].sort((a, b) => a - b);
    // Test numbers over more than a few dozen squares merge into a red band: then the squares
    // alone, the tests in their hover text and in the signal list below the chart.
    const numbered = at.length <= MAX_NUMBERED_SIGNALS && !dense;
    traces.push(
      markerTrace(
        `${what} signals`,
        at,
        { color: COLORS.signal, size: dense ? 7 : 9, symbol: 'square' },
        {
          mode: numbered ? 'markers+text' : 'markers',
          ...(numbered
            ? {
                text: at.map((i) => String(signals.get(i)![0]!.rule)),
                textposition: 'top center',
                textfont: { color: COLORS.signal, size: 11 },
              }
            : {}),
        },
      ),
    );
  }
  if (options.selected !== null && options.selected < m && chart.points[options.selected] !== null) {
    traces.push({
      type: 'scatter',
      mode: 'markers',
      name: 'selected',
      x: [options.selected],
      y: [chart.points[options.selected]],
      yaxis,
      marker: { color: 'rgba(0,0,0,0)', size: 16, line: { color: COLORS.selected, width: 2.5 } },
      hoverinfo: 'skip',
    });
  }
  return traces;
}

/**
 * "UCL = 12.3" beside the last point of each line, as Minitab labels them, and at the end of every
 * earlier phase. UCL sits above its line and LCL below, so the three never print over each other
 * when the limits are close.
 */
function limitLabels(chart: ControlChartSeries, part: number): PlotlyObject[] {
  const m = chart.points.length;
  const yref = part === 0 ? 'y' : 'y2';
  const cusum = chart.name === 'CUSUM';
  const centreName = cusum ? 'target' : chart.name === 'Xbar' ? 'X̄' : chart.name === 'I' ? 'X̄' : `${chart.name}̄`;
  const ends: number[] = [];
  for (let i = 1; i < chart.phase.length; i++) if (chart.phase[i] !== chart.phase[i - 1]) ends.push(i - 1);
  const at = (index: number, last: boolean) =>
    (
      [
        ['UCL', perPoint(chart.ucl, m)[index], COLORS.limit, 'bottom'],
        [centreName, perPoint(chart.center, m)[index], COLORS.center, 'middle'],
        ['LCL', perPoint(chart.lcl, m)[index], COLORS.limit, 'top'],
      ] as [string, number | null | undefined, string, string][]
    )
      .filter((entry): entry is [string, number, string, string] => entry[1] !== null && entry[1] !== undefined)
      .map(([name, value, color, yanchor]) =>
        last
          ? {
              xref: 'paper',
              x: 1,
              xanchor: 'left',
              yref,
              y: value,
              yanchor,
              text: `${name}=${significant(value)}`,
              showarrow: false,
              font: { size: 10, color },
            }
          : {
              xref: 'x',
              x: index + 0.5,
              xanchor: 'right',
              yref,
              y: value,
              yanchor,
              text: `${name}=${significant(value)}`,
              showarrow: false,
              font: { size: 9, color },
            },
      );
  return [...ends.flatMap((e) => at(e, false)), ...at(m - 1, true)];
}

function phaseShapes(chart: ControlChartSeries): { shapes: PlotlyObject[]; annotations: PlotlyObject[] } {
  const shapes: PlotlyObject[] = [];
  const annotations: PlotlyObject[] = [];
  for (let i = 1; i < chart.phase.length; i++) {
    if (chart.phase[i] === chart.phase[i - 1]) continue;
    shapes.push({
      type: 'line',
      xref: 'x',
      x0: i - 0.5,
      x1: i - 0.5,
      yref: 'paper',
      y0: 0,
      y1: 1,
      line: { color: COLORS.phase, width: 1, dash: 'dash' },
    });
    annotations.push({
      xref: 'x',
      x: i - 0.5,
      xanchor: 'left',
      yref: 'paper',
      y: 1,
      yanchor: 'bottom',
      text: `phase ${chart.phase[i]! + 1}`,
      showarrow: false,
      font: { size: 10, color: COLORS.phase },
    });
  }
  return { shapes, annotations };
}

/** The axis title of the charted quantity: the unit, or its log or Box-Cox transform. */
export function scaleTitle(view: Pick<ControlChartView, 'transform'>, unit: string): string {
  const t = view.transform;
  if (!t) return unit;
  const of = t.shift ? `(${unit} + ${t.shift})` : unit;
  return t.name === 'log' ? `ln ${of}` : `Box-Cox λ = ${t.lambda} of ${of}`;
}

export function controlChartFigure(
  view: ControlChartView,
  unitTitle: string,
  options: FigureOptions,
): { data: PlotlyObject[]; layout: PlotlyObject } {
  const two = isTwoPart(view);
  const data = view.charts.flatMap((chart, part) => seriesTraces(view, chart, part, options));
  const first = view.charts[0]!;
  const { shapes, annotations } = phaseShapes(first);
  if (options.baseline) {
    shapes.push({
      type: 'rect',
      xref: 'x',
      x0: options.baseline[0] - 0.5,
      x1: options.baseline[1] + 0.5,
      yref: 'paper',
      y0: 0,
      y1: 1,
      fillcolor: 'rgba(31,95,153,0.06)',
      line: { width: 0 },
      layer: 'below',
    });
    annotations.push({
      xref: 'x',
      x: options.baseline[0] - 0.5,
      xanchor: 'left',
      yref: 'paper',
      y: 1,
      yanchor: 'bottom',
      text: 'baseline',
      showarrow: false,
      font: { size: 10, color: COLORS.point },
    });
  }
  const axisTitle = (chart: ControlChartSeries) =>
    chart.name === 'MR' || chart.name === 'R' || chart.name === 'S'
      ? `${chart.name} (${unitTitle})`
      : chart.name === 'CUSUM'
        ? `CUSUM (${unitTitle})`
        : `${chart.name} (${unitTitle})`;
  const layout: PlotlyObject = {
    height: two ? 460 : 340,
    margin: { l: 64, r: 86, t: 22, b: 56 },
    showlegend: false,
    hovermode: 'closest',
    dragmode: 'zoom',
    xaxis: {
      ...ticks(first.labels),
      range: [-0.5, first.points.length - 0.5],
      anchor: two ? 'y2' : 'y',
      zeroline: false,
      showgrid: false,
    },
    yaxis: { title: { text: axisTitle(first), font: { size: 11 } }, domain: two ? [0.4, 1] : [0, 1], zeroline: false },
    shapes,
    annotations: [...annotations, ...view.charts.flatMap((chart, part) => limitLabels(chart, part))],
  };
  if (two)
    layout.yaxis2 = {
      title: { text: axisTitle(view.charts[1]!), font: { size: 11 } },
      domain: [0, 0.3],
      anchor: 'x',
      zeroline: false,
    };
  return { data, layout };
}
