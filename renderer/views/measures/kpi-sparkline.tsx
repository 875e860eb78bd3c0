import type { KpiPeriodValue } from '../../../preload/api.ts';
import { sparklineLevel, sparklineRange } from './sparkline-scale.ts';

/**
 * A tile's series as a small SVG line: one segment per run of periods with a value (a period with
 * no completed case is a gap, not a zero; a period alone between gaps is a dot), the last value
 * marked, scaled robustly so one outlier does not flatten the rest. No chart library for 10 tiles.
 */
export function KpiSparkline({ series, label }: { series: KpiPeriodValue[]; label: string }) {
  const width = 160;
  const height = 36;
  const values = series.map((s) => s.value).filter((v): v is number => v !== null);
  if (values.length === 0) return <div className="kpi-sparkline kpi-sparkline-empty" />;
  const range = sparklineRange(values);
  const x = (i: number) => (series.length > 1 ? (i / (series.length - 1)) * (width - 4) + 2 : width / 2);
  const y = (v: number) => height - 3 - sparklineLevel(v, range) * (height - 6);
  const runs: string[] = [];
  let run: string[] = [];
  series.forEach((s, i) => {
    if (s.value === null) {
      if (run.length) runs.push(run.join(' '));
      run = [];
    } else run.push(`${x(i).toFixed(1)},${y(s.value).toFixed(1)}`);
  });
  if (run.length) runs.push(run.join(' '));
  const lastIndex = series.map((s) => s.value !== null).lastIndexOf(true);
  return (
    <svg
      className="kpi-sparkline"
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
      data-testid="kpi-sparkline"
    >
      {runs.map((points, k) => {
        if (points.includes(' ')) return <polyline key={k} points={points} vectorEffect="non-scaling-stroke" />;
        const [cx, cy] = points.split(',');
        return <circle key={k} cx={cx} cy={cy} r={1.2} className="kpi-sparkline-lone" />;
      })}
      <circle cx={x(lastIndex)} cy={y(series[lastIndex]!.value!)} r={2.5} />
    </svg>
  );
}
