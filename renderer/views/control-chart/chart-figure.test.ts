import { describe, expect, it } from 'vitest';
import type { ControlChartSeries, ControlChartView } from '../../../preload/api.ts';
import {
  controlChartFigure,
  escapeHoverText,
  scaleTitle,
  MARKERS_UP_TO,
  MAX_NUMBERED_SIGNALS,
  perPoint,
  signalsByPoint,
  tickText,
} from './chart-figure.ts';

const series = (over: Partial<ControlChartSeries>): ControlChartSeries => ({
  name: 'I',
  points: [1, 2, 9, 2, 1],
  labels: ['2024-01-01', '2024-01-08', '2024-01-15', '2024-01-22', '2024-01-29'],
  n: [1, 1, 1, 1, 1],
  center: 2,
  lcl: -1,
  ucl: 5,
  signals: [],
  excluded: [],
  baselinePoints: null,
  phase: [0, 0, 0, 0, 0],
  rules: [1],
  zoneSigma: [1, 1, 1, 1, 1],
  estimates: [],
  ...over,
});

const view = (charts: ControlChartSeries[]): ControlChartView =>
  ({
    charts,
    byUnit: false,
    points: charts[0]!.labels.map((label) => ({ label, from: label, to: label, cases: 3 })),
  }) as unknown as ControlChartView;

const trace = (figure: ReturnType<typeof controlChartFigure>, name: string) =>
  figure.data.find((t) => t.name === name)!;

describe('controlChartFigure', () => {
  it('marks a signal with its lowest test number and names every test it fails in the tooltip', () => {
    const chart = series({
      signals: [
        {
          index: 2,
          rule: 5,
          description: 'Test 5: 2 out of 3 points more than 2 standard deviations from center line (same side)',
        },
        { index: 2, rule: 1, description: 'Test 1: 1 point more than 3 standard deviations from center line' },
      ],
    });
    const figure = controlChartFigure(view([chart]), 'hours', { selected: null, baseline: null, leftOut: [] });
    const signals = trace(figure, 'I signals');
    expect(signals.x).toEqual([2]);
    expect(signals.y).toEqual([9]);
    expect(signals.text).toEqual(['1']);
    const tooltip = (signals.hovertext as string[])[0]!;
    expect(tooltip).toContain('Test 1: 1 point more than 3 standard deviations');
    expect(tooltip).toContain('Test 5: 2 out of 3 points');
    expect(tooltip.indexOf('Test 1')).toBeLessThan(tooltip.indexOf('Test 5'));
    expect(signals.customdata).toEqual([2]);
  });

  it('draws points the user left out hollow; points after a baseline say so on hover', () => {
    const figure = controlChartFigure(view([series({ excluded: [0, 3] })]), 'hours', {
      selected: null,
      baseline: [0, 3],
      leftOut: [0, 3],
    });
    const left = trace(figure, 'I left out');
    expect(left.x).toEqual([0, 3]);
    expect(left.y).toEqual([1, 2]);
    expect(left.marker).toMatchObject({ symbol: 'circle-open' });
    const points = trace(figure, 'I');
    expect((points.hovertext as string[])[3]).toContain('left out of the limits (assignable cause)');
    expect((points.hovertext as string[])[4]).toContain('not in the baseline');
    expect((points.hovertext as string[])[1]).toContain('n = 1 · 3 cases');
    expect(points.mode).toBe('lines+markers');
  });

  it('a dense chart is a line: markers only where they mean something', () => {
    const m = MARKERS_UP_TO + 1;
    const labels = Array.from({ length: m }, (_, i) => String(i));
    const dense = series({
      points: labels.map(() => 1),
      labels,
      n: labels.map(() => 1),
      phase: labels.map(() => 0),
      signals: [{ index: 5, rule: 1, description: 'Test 1' }],
    });
    const figure = controlChartFigure(view([dense]), 'hours', { selected: null, baseline: null, leftOut: [] });
    expect(trace(figure, 'I').mode).toBe('lines');
    expect(trace(figure, 'I signals').x).toEqual([5]);
  });

  it('limits varying with n are steps; constant ones straight lines; a phase change is a dashed line', () => {
    const xbar = series({ name: 'Xbar', ucl: [5, 6, 5, 5, 5], lcl: [-1, -2, -1, -1, -1], phase: [0, 0, 0, 1, 1] });
    const s = series({ name: 'S', ucl: 4, lcl: 0, center: 1.5, phase: [0, 0, 0, 1, 1] });
    const figure = controlChartFigure(view([xbar, s]), 'hours', { selected: null, baseline: [0, 2], leftOut: [] });
    const ucls = figure.data.filter((t) => t.name === 'UCL');
    expect(ucls.map((t) => (t.line as { shape: string }).shape)).toEqual(['hvh', 'linear']);
    expect(ucls[1]!.yaxis).toBe('y2');
    expect(figure.layout.yaxis2).toMatchObject({ domain: [0, 0.3] });
    const shapes = figure.layout.shapes as { type: string; x0: number }[];
    expect(shapes.filter((sh) => sh.type === 'line').map((sh) => sh.x0)).toEqual([2.5]);
    expect(shapes.find((sh) => sh.type === 'rect')).toMatchObject({ x0: -0.5, x1: 2.5 });
    const labels = (figure.layout.annotations as { text: string }[]).map((a) => a.text);
    expect(labels).toEqual(expect.arrayContaining(['phase 2', 'baseline', 'UCL=5', 'X̄=2', 'LCL=-1', 'UCL=4']));
    // Phase 1's limits are labelled at its last point (index 2: UCL 5, LCL −1), UCL above its line and LCL below.
    const phase1 = (
      figure.layout.annotations as { text: string; x: number; xref: string; yref: string; yanchor: string }[]
    ).filter((a) => a.xref === 'x' && a.x === 2.5 && a.yref === 'y');
    expect(phase1.map((a) => [a.text, a.yanchor])).toEqual([
      ['UCL=5', 'bottom'],
      ['X̄=2', 'middle'],
      ['LCL=-1', 'top'],
    ]);
  });

  it('draws the lower CUSUM below zero against −H', () => {
    const cusum = series({
      name: 'CUSUM',
      points: [0, 0.5, 5],
      lower: [0, 1, 0],
      ucl: 4,
      lcl: -4,
      center: 0,
      labels: ['1', '2', '3'],
      n: [1, 1, 1],
      phase: [0, 0, 0],
    });
    const figure = controlChartFigure(view([cusum]), 'hours', { selected: 1, baseline: null, leftOut: [] });
    expect(trace(figure, 'lower CUSUM').y).toEqual([-0, -1, -0]);
    expect(trace(figure, 'selected').x).toEqual([1]);
  });
});

describe('helpers', () => {
  it('one value per point, gaps for what is not a number', () => {
    expect(perPoint(3, 2)).toEqual([3, 3]);
    expect(perPoint([1, Number.NaN, 2], 3)).toEqual([1, null, 2]);
  });
  it('signals grouped per point, duplicates dropped, lowest test first', () => {
    const grouped = signalsByPoint({
      signals: [
        { index: 4, rule: 2, description: 'b' },
        { index: 4, rule: 2, description: 'b' },
        { index: 4, rule: 1, description: 'a' },
      ],
    });
    expect(grouped.get(4)!.map((s) => s.rule)).toEqual([1, 2]);
  });
  it('a case id is shown as typed, never as plotly markup', () => {
    expect(escapeHoverText('<a href="//x">c&1</a>')).toBe('&lt;a href="//x"&gt;c&amp;1&lt;/a&gt;');
    const byCase = {
      ...view([series({})]),
      byUnit: true,
      points: [{ label: 'a', from: 'a', to: 'a', cases: 1, caseId: '<b>c1</b>' }],
    } as unknown as ControlChartView;
    const figure = controlChartFigure(byCase, 'hours', { selected: null, baseline: null, leftOut: [] });
    expect((trace(figure, 'I').hovertext as string[])[0]).toContain('case &lt;b&gt;c1&lt;/b&gt;');
  });
  it('tick labels from the log are shown as typed, never as plotly markup', () => {
    const hostile = view([
      series({ points: [1], labels: ['<a href="https://example.org">c&1</a>'], n: [1], phase: [0] }),
    ]);
    const figure = controlChartFigure(hostile, 'hours', { selected: null, baseline: null, leftOut: [] });
    const ticks = JSON.stringify(
      Object.values(figure.layout).map((axis) => (axis as { ticktext?: string[] } | null)?.ticktext ?? []),
    );
    expect(ticks).toContain('&lt;a href=\\"https://example.org\\"&gt;c&amp;1&lt;/a&gt;');
    expect(ticks).not.toContain('<a');
  });
  it('the lower CUSUM hover shows a label from the log as typed', () => {
    const cusum = series({
      name: 'CUSUM',
      points: [0],
      lower: [1],
      ucl: 4,
      lcl: -4,
      center: 0,
      labels: ['<i>c1</i>'],
      n: [1],
      phase: [0],
    });
    const figure = controlChartFigure(view([cusum]), 'hours', { selected: null, baseline: null, leftOut: [] });
    expect((trace(figure, 'lower CUSUM').hovertext as string[])[0]).toMatch(
      /^<b>&lt;i&gt;c1&lt;\/i&gt;<\/b><br>lower CUSUM = 1/,
    );
  });
  it('ticks show the date of an instant', () => {
    expect(tickText('2024-03-04T10:15:00.000Z')).toBe('2024-03-04');
    expect(tickText('2024-03-04')).toBe('2024-03-04');
  });
});

describe('scaleTitle', () => {
  it('names the scale the chart is on, so a log axis is never read as hours', () => {
    expect(scaleTitle({ transform: null }, 'hours')).toBe('hours');
    expect(scaleTitle({ transform: { name: 'log', lambda: null, shift: 0 } }, 'hours')).toBe('ln hours');
    expect(scaleTitle({ transform: { name: 'box-cox', lambda: 0.25, shift: 0.5 } }, 'hours')).toBe(
      'Box-Cox λ = 0.25 of (hours + 0.5)',
    );
  });
});

describe('periods the log covers only partly', () => {
  it('rings the last point and says on hover how much of its week is in the log', () => {
    const base = view([
      series({ points: [4, 4, 11], labels: ['2024-01-01', '2024-01-08', '2024-01-15'], n: [3, 2, 2] }),
    ]);
    const points = base.points.map((p, i) => (i === 2 ? { ...p, covered: 80 / 168 } : p));
    const figure = controlChartFigure({ ...base, period: 'week', points }, 'hours', {
      selected: null,
      baseline: null,
      leftOut: [],
    });
    const ring = figure.data.find((t) => t.name === 'part of a week')!;
    expect(ring.x).toEqual([2]);
    expect((ring.hovertext as string[])[0]).toContain('only 48% of this week is in the log');
  });

  it('numbers a few signals with their test, and leaves many to the hover and the list', () => {
    const few = series({
      name: 'I',
      points: [9, 1, 9],
      ucl: 5,
      lcl: 0,
      center: 2,
      labels: ['a', 'b', 'c'],
      n: [1, 1, 1],
      phase: [0, 0, 0],
      signals: [0, 2].map((index) => ({ index, rule: 1, description: 'Test 1' })),
    });
    expect(
      trace(controlChartFigure(view([few]), 'hours', { selected: null, baseline: null, leftOut: [] }), 'I signals')
        .mode,
    ).toBe('markers+text');
    const m = MAX_NUMBERED_SIGNALS + 1;
    const many = series({
      name: 'I',
      points: Array(m).fill(9),
      ucl: 5,
      lcl: 0,
      center: 2,
      labels: Array.from({ length: m }, (_, i) => String(i)),
      n: Array(m).fill(1),
      phase: Array(m).fill(0),
      signals: Array.from({ length: m }, (_, index) => ({ index, rule: 1, description: 'Test 1' })),
    });
    const band = trace(
      controlChartFigure(view([many]), 'hours', { selected: null, baseline: null, leftOut: [] }),
      'I signals',
    );
    expect(band.mode).toBe('markers');
    expect(band.text).toBeUndefined();
  });
});
