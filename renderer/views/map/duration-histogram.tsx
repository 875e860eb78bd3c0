import { useMemo, useState } from 'react';
import { PlotlyChart } from '../../components/plotly-chart.tsx';
import { durationHistogramFigure } from './duration-histogram-figure.ts';

/** Durations of the selected activity or path as a histogram in days, hours, minutes or seconds. */
export function DurationHistogram({ seconds, label }: { seconds: number[]; label: string }) {
  const [logScale, setLogScale] = useState(false);
  const figure = useMemo(() => durationHistogramFigure(seconds, label, logScale), [seconds, label, logScale]);
  if (seconds.length === 0) return <p className="muted small">No durations to show.</p>;
  return (
    <>
      <label className="small histogram-log">
        <input
          type="checkbox"
          checked={logScale}
          data-testid="histogram-log"
          onChange={(e) => setLogScale(e.target.checked)}
        />{' '}
        log scale
      </label>
      <PlotlyChart
        data={figure.data}
        layout={figure.layout}
        label={`Histogram of ${label.toLowerCase()}${logScale ? ', counts on a log scale' : ''}`}
        className="map-histogram"
        testId="duration-histogram"
      />
    </>
  );
}
