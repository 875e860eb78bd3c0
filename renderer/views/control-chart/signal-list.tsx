import type { ControlChartView } from '../../../preload/api.ts';
import { signalsByPoint, tickText } from './chart-figure.ts';

const SHOWN = 30;

/**
 * The signals as text under the chart: what the red squares say, readable without a mouse (and by
 * a screen reader), each opening its point as a click on the chart does.
 */
export function SignalList({
  view,
  selected,
  onOpen,
}: {
  view: ControlChartView;
  selected: number | null;
  onOpen(index: number): void;
}) {
  const rows = view.charts.flatMap((chart) =>
    [...signalsByPoint(chart)].map(([index, tests]) => ({ index, chart: chart.name, tests })),
  );
  rows.sort((a, b) => a.index - b.index || a.chart.localeCompare(b.chart));
  if (rows.length === 0) return <p className="muted small cc-caption">No point fails the tests chosen.</p>;
  return (
    <details className="cc-signals" data-testid="cc-signals">
      <summary className="small">
        {rows.length} signal{rows.length === 1 ? '' : 's'}: which points, which tests
      </summary>
      <ul>
        {rows.slice(0, SHOWN).map((r) => (
          <li key={`${r.chart}-${r.index}`} className={selected === r.index ? 'row-current' : undefined}>
            <button type="button" className="link-button" onClick={() => onOpen(r.index)}>
              {tickText(view.points[r.index]?.label ?? String(r.index))}
              {view.byUnit && view.points[r.index]?.caseId ? ` (case ${view.points[r.index]!.caseId})` : ''}
            </button>{' '}
            <span className="small">
              {r.chart}: {r.tests.map((t) => t.description).join('; ')}
            </span>
          </li>
        ))}
      </ul>
      {rows.length > SHOWN ? <p className="muted small">and {rows.length - SHOWN} more.</p> : null}
    </details>
  );
}
