import { formatCount } from './format.ts';

/**
 * Events per day as a plain SVG area: no chart library needed for one series, and it scales to
 * years of days because it draws a single path.
 */
export function Sparkline({ points, label }: { points: { day: string; count: number }[]; label: string }) {
  const width = 600;
  const height = 80;
  if (points.length === 0) return <p className="muted">No events.</p>;
  const max = Math.max(1, ...points.map((p) => p.count));
  const step = points.length > 1 ? width / (points.length - 1) : 0;
  const y = (count: number) => height - 2 - (count / max) * (height - 6);
  const coords = points.map((p, i) => `${(points.length > 1 ? i * step : width / 2).toFixed(2)},${y(p.count).toFixed(2)}`);
  const line = `M${coords.join(' L')}`;
  const area = `${line} L${points.length > 1 ? width : width / 2},${height} L${points.length > 1 ? 0 : width / 2},${height} Z`;
  const peak = points.reduce((best, p) => (p.count > best.count ? p : best), points[0]!);
  return (
    <figure className="sparkline" data-testid="events-per-day">
      <svg viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" role="img" aria-label={label}>
        <path d={area} className="sparkline-area" />
        <path d={line} className="sparkline-line" vectorEffect="non-scaling-stroke" />
      </svg>
      <figcaption className="sparkline-caption">
        <span>{points[0]!.day}</span>
        <span>
          peak {formatCount(peak.count)} on {peak.day} · {formatCount(points.length)} days
        </span>
        <span>{points[points.length - 1]!.day}</span>
      </figcaption>
    </figure>
  );
}
