import { describeEventsOverTime } from './events-over-time.ts';

/**
 * Events over time as a plain SVG area: no chart library needed for one series, and it scales
 * to years because it draws a single path. Each point is a bin of `binDays` (1 or 7) UTC days.
 */
export function Sparkline({ points, binDays = 1 }: { points: { day: string; count: number }[]; binDays?: number }) {
  const width = 600;
  const height = 80;
  if (points.length === 0) return <p className="muted">No events.</p>;
  const text = describeEventsOverTime(points, binDays);
  const max = Math.max(1, ...points.map((p) => p.count));
  const step = points.length > 1 ? width / (points.length - 1) : 0;
  const y = (count: number) => height - 2 - (count / max) * (height - 6);
  const coords = points.map(
    (p, i) => `${(points.length > 1 ? i * step : width / 2).toFixed(2)},${y(p.count).toFixed(2)}`,
  );
  const line = `M${coords.join(' L')}`;
  const area = `${line} L${points.length > 1 ? width : width / 2},${height} L${points.length > 1 ? 0 : width / 2},${height} Z`;
  return (
    <figure className="sparkline" data-testid="events-per-day" data-bin-days={binDays}>
      <div className="sparkline-title" data-testid="events-over-time-title">
        {text.title} <span className="muted small">(UTC {binDays === 7 ? 'weeks' : 'days'})</span>
      </div>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={`${text.title}, ${text.span}, ${text.peak}`}
      >
        <path d={area} className="sparkline-area" />
        <path d={line} className="sparkline-line" vectorEffect="non-scaling-stroke" />
      </svg>
      <figcaption className="sparkline-caption">
        <span>{points[0]!.day}</span>
        <span data-testid="events-over-time-peak">
          {text.peak} · {text.span}
        </span>
        <span>{points[points.length - 1]!.day}</span>
      </figcaption>
    </figure>
  );
}
