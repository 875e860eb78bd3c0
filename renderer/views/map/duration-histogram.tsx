import { useEffect, useRef } from 'react';

interface PlotlyLike {
  react(el: HTMLElement, data: unknown[], layout: unknown, config: unknown): Promise<unknown>;
  purge(el: HTMLElement): void;
}

/** Durations of the selected activity or path as a histogram in days or hours (plotly, loaded on demand). */
export function DurationHistogram({ seconds, label }: { seconds: number[]; label: string }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const target = el.current;
    if (!target || seconds.length === 0) return;
    let cancelled = false;
    const max = Math.max(...seconds);
    const [unit, size] = max >= 2 * 86400 ? ['days', 86400] : max >= 2 * 3600 ? ['hours', 3600] : max >= 120 ? ['minutes', 60] : ['seconds', 1];
    import('plotly.js-dist-min').then((module) => {
      if (cancelled) return;
      const Plotly = ((module as { default?: unknown }).default ?? module) as PlotlyLike;
      void Plotly.react(
        target,
        [{ type: 'histogram', x: seconds.map((s) => s / size), marker: { color: '#1f5f99' }, nbinsx: 30, hovertemplate: `%{x} ${unit}<br>%{y} times<extra></extra>` }],
        {
          margin: { l: 40, r: 8, t: 8, b: 36 },
          height: 180,
          xaxis: { title: { text: `${label} (${unit})`, font: { size: 11 } } },
          yaxis: { title: { text: 'count', font: { size: 11 } } },
          bargap: 0.05,
          paper_bgcolor: 'rgba(0,0,0,0)',
          plot_bgcolor: 'rgba(0,0,0,0)',
        },
        { displayModeBar: false, responsive: true, staticPlot: false },
      );
    });
    return () => {
      cancelled = true;
    };
  }, [seconds, label]);
  useEffect(() => {
    const target = el.current;
    return () => {
      if (target) import('plotly.js-dist-min').then((m) => (((m as { default?: unknown }).default ?? m) as PlotlyLike).purge(target));
    };
  }, []);
  if (seconds.length === 0) return <p className="muted small">No durations to show.</p>;
  return <div ref={el} className="map-histogram" data-testid="duration-histogram" />;
}
