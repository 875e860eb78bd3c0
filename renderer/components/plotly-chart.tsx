import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { downloadBlob } from './download.ts';
import type { PlotlyObject } from './plotly-figure.ts';

/**
 * The one way the UI draws a plotly.js chart: the library is loaded once, on demand (it is
 * large and most screens never need it); a chart is drawn with `Plotly.react` so an update
 * changes only what changed; it follows its box's size; it is purged when it leaves the screen;
 * every chart gets the same theme; and a chart can be saved as PNG or SVG.
 */

export type { PlotlyFigure, PlotlyObject } from './plotly-figure.ts';
export { downloadBlob } from './download.ts';

/** One point under the pointer, as plotly reports it (only the fields the app reads). */
export interface PlotlyPoint {
  curveNumber: number;
  pointIndex: number;
  x: unknown;
  y: unknown;
  customdata?: unknown;
}

interface PlotlyEvent {
  points?: PlotlyPoint[];
}

interface PlotlyElement extends HTMLDivElement {
  on?(event: string, handler: (event: PlotlyEvent) => void): void;
  removeAllListeners?(event: string): void;
}

interface PlotlyLibrary {
  react(el: HTMLElement, data: PlotlyObject[], layout: PlotlyObject, config: PlotlyObject): Promise<unknown>;
  purge(el: HTMLElement): void;
  toImage(
    el: HTMLElement,
    options: { format: 'png' | 'svg'; width?: number; height?: number; scale?: number },
  ): Promise<string>;
  Plots: { resize(el: HTMLElement): Promise<unknown> | void };
}

let library: Promise<PlotlyLibrary> | null = null;

/** plotly.js, loaded the first time a chart is drawn (a separate chunk of the renderer bundle). */
export function loadPlotly(): Promise<PlotlyLibrary> {
  library ??= import('plotly.js-dist-min').then(
    (module: unknown) => ((module as { default?: unknown }).default ?? module) as PlotlyLibrary,
  );
  return library;
}

/** The app's look (renderer/styles.css): its font, ink and grid colours, no chart background. */
export const CHART_THEME = {
  font: { family: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', size: 11, color: '#1d232a' },
  paper_bgcolor: 'rgba(0,0,0,0)',
  plot_bgcolor: 'rgba(0,0,0,0)',
  colorway: ['#1f5f99', '#c2571a', '#2e7d4f', '#7a4fa0', '#8a6d1c'],
  hoverlabel: { bgcolor: '#ffffff', bordercolor: '#aab2bd', font: { color: '#1d232a' } },
  margin: { l: 56, r: 16, t: 12, b: 40 },
} as const;

const AXIS_THEME = { gridcolor: '#e6e9ee', linecolor: '#aab2bd', zerolinecolor: '#d5dae1', automargin: true } as const;

/** The layout with the theme under it: the caller's values win, axes get the grid colours. */
export function themedLayout(layout: PlotlyObject): PlotlyObject {
  const out: PlotlyObject = { ...CHART_THEME, ...layout };
  for (const [key, value] of Object.entries(layout)) {
    if (/^[xy]axis\d*$/.test(key) && value && typeof value === 'object')
      out[key] = { ...AXIS_THEME, ...(value as PlotlyObject) };
  }
  for (const key of ['xaxis', 'yaxis']) if (!(key in layout)) out[key] = { ...AXIS_THEME };
  return out;
}

/** What a parent can do with a drawn chart. */
export interface PlotlyChartHandle {
  /** Saves the chart as `<fileName>.png` (twice its size on screen, sharp when printed) or `.svg`. */
  exportImage(format: 'png' | 'svg', fileName: string): Promise<void>;
}

export interface PlotlyChartProps {
  data: PlotlyObject[];
  layout: PlotlyObject;
  /** Extra plotly config; the mode bar is off (the app has its own export buttons). */
  config?: PlotlyObject;
  onClick?(point: PlotlyPoint): void;
  /** Called after each draw with its duration in ms (what the 2,000-point goal is measured by). */
  onDrawn?(ms: number): void;
  className?: string;
  testId?: string;
  /** Accessible name of the chart. */
  label: string;
  ref?: Ref<PlotlyChartHandle>;
}

export function PlotlyChart({
  data,
  layout,
  config,
  onClick,
  onDrawn,
  className,
  testId,
  label,
  ref,
}: PlotlyChartProps) {
  const el = useRef<PlotlyElement>(null);
  const clickRef = useRef(onClick);
  const drawnRef = useRef(onDrawn);
  clickRef.current = onClick;
  drawnRef.current = onDrawn;

  useEffect(() => {
    const target = el.current;
    if (!target) return;
    let cancelled = false;
    void loadPlotly().then(async (Plotly) => {
      if (cancelled) return;
      const started = performance.now();
      await Plotly.react(target, data, themedLayout(layout), {
        displayModeBar: false,
        responsive: false,
        displaylogo: false,
        ...config,
      });
      if (cancelled) return;
      target.dataset.drawMs = (performance.now() - started).toFixed(1);
      target.dataset.drawn = String(Number(target.dataset.drawn ?? 0) + 1);
      drawnRef.current?.(performance.now() - started);
      // Plotly.react keeps listeners across redraws; bind the click once per element.
      if (target.dataset.clickBound !== '1' && target.on) {
        target.dataset.clickBound = '1';
        target.on('plotly_click', (event) => {
          const point = event.points?.[0];
          if (point) clickRef.current?.(point);
        });
      }
    });
    return () => {
      cancelled = true;
    };
  }, [data, layout, config]);

  // Follow the box's size (a sidebar opening, the window resized) without redrawing the data.
  useEffect(() => {
    const target = el.current;
    if (!target || typeof ResizeObserver === 'undefined') return;
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (target.dataset.drawn) void loadPlotly().then((Plotly) => Plotly.Plots.resize(target));
      });
    });
    observer.observe(target);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, []);

  useEffect(() => {
    const target = el.current;
    return () => {
      if (target) void loadPlotly().then((Plotly) => Plotly.purge(target));
    };
  }, []);

  useImperativeHandle(
    ref,
    () => ({
      async exportImage(format, fileName) {
        const target = el.current;
        if (!target) return;
        const Plotly = await loadPlotly();
        const { width, height } = target.getBoundingClientRect();
        const url = await Plotly.toImage(target, {
          format,
          width: Math.round(width),
          height: Math.round(height),
          scale: format === 'png' ? 2 : 1,
        });
        await downloadBlob(blobOfDataUrl(url), `${fileName}.${format}`);
      },
    }),
    [],
  );

  return <div ref={el} className={className} data-testid={testId} role="figure" aria-label={label} />;
}

/** plotly's image as a Blob, decoded here because the CSP's connect-src does not let fetch() read data: URLs. */
export function blobOfDataUrl(url: string): Blob {
  const comma = url.indexOf(',');
  const head = url.slice(5, comma);
  const type = head.split(';')[0] || 'application/octet-stream';
  const body = url.slice(comma + 1);
  if (head.endsWith(';base64')) {
    const bytes = atob(body);
    const out = new Uint8Array(bytes.length);
    for (let i = 0; i < bytes.length; i++) out[i] = bytes.charCodeAt(i);
    return new Blob([out], { type });
  }
  return new Blob([decodeURIComponent(body)], { type });
}
