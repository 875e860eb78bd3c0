import { useMemo } from 'react';
import { PlotlyChart } from '../../components/plotly-chart.tsx';
import { durationHistogramFigure } from './duration-histogram-figure.ts';

/** Durations of the selected activity or path as a histogram in days, hours, minutes or seconds. */
export function DurationHistogram({ seconds, label }: { seconds: number[]; label: string }) {
  const figure = useMemo(() => durationHistogramFigure(seconds, label), [seconds, label]);
  if (seconds.length === 0) return <p className="muted small">No durations to show.</p>;
  return (
    <PlotlyChart
      data={figure.data}
      layout={figure.layout}
      label={`Histogram of ${label.toLowerCase()}`}
      className="map-histogram"
      testId="duration-histogram"
    />
  );
}
