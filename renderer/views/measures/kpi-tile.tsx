import { useState } from 'react';
import type { KpiTile as Tile, MeasurePeriod } from '../../../preload/api.ts';
import { plural } from '../../components/format.ts';
import { KpiSparkline } from './kpi-sparkline.tsx';
import { describeTrend, formatMeasure } from './measure-format.ts';

const SEGMENTS_SHOWN = 6;

const PER_NOUN: Record<Tile['per'], [string, string]> = {
  'completed case': ['completed case', 'completed cases'],
  event: ['event', 'events'],
  'resource change': ['hand-off', 'hand-offs'],
  period: ['completed case', 'completed cases'],
};

/**
 * One measure as a tile: its value over the filtered log, the sparkline of its periods, the change
 * from the previous period, and the definition in plain words on hover (and for screen readers).
 * Clicking it opens the measure's control chart.
 */
export function KpiTile({ tile, period, onOpen }: { tile: Tile; period: MeasurePeriod; onOpen(): void }) {
  const [allSegments, setAllSegments] = useState(false);
  const trend = describeTrend(tile.trend, tile.unit, period);
  const [one, many] = PER_NOUN[tile.per];
  const segments = tile.segments ?? [];
  // The trend compares the last two periods: say when the last one is only partly in the log.
  const lastPartial = tile.partialPeriods.find((p) => p.index === tile.series.length - 1);
  const shown = allSegments ? segments : segments.slice(0, SEGMENTS_SHOWN);
  return (
    <article
      className={`kpi-tile${tile.problem ? ' kpi-tile-problem' : ''}`}
      data-testid={`kpi-tile-${tile.name}`}
      aria-describedby={`kpi-sentence-${tile.name}`}
    >
      <button
        type="button"
        className="kpi-open"
        onClick={onOpen}
        title={`${tile.sentence}\n\nOpen the control chart of ${tile.title.toLowerCase()}`}
        data-testid="kpi-open"
      >
        <span className="kpi-title">{tile.title}</span>
        <span className="kpi-value" data-testid="kpi-value">
          {formatMeasure(tile.value, tile.unit)}
        </span>
        <span className="kpi-detail muted small">
          {tile.problem
            ? 'not defined for this log yet'
            : tile.per === 'period'
              ? `mean per ${period} over ${plural(tile.n, one, many)}`
              : `over ${plural(tile.n, one, many)}`}
          {tile.median !== null ? ` · median ${formatMeasure(tile.median, tile.unit)}` : ''}
        </span>
      </button>
      <p className="kpi-sentence" id={`kpi-sentence-${tile.name}`} role="tooltip" data-testid="kpi-sentence">
        {tile.sentence}
      </p>
      {tile.problem ? (
        <p className="kpi-problem small" data-testid="kpi-problem">
          {tile.problem}
        </p>
      ) : (
        <>
          <KpiSparkline series={tile.series} label={`${tile.title} per ${period}`} />
          <div
            className={`kpi-trend small kpi-trend-${trend.arrow === '▲' ? 'up' : trend.arrow === '▼' ? 'down' : 'flat'}`}
            data-testid="kpi-trend"
          >
            <span aria-hidden="true">{trend.arrow}</span> {trend.text}
            {lastPartial ? (
              <span
                className="kpi-partial"
                title={`The log ends partway through the ${period} of ${lastPartial.period}`}
                data-testid="kpi-partial"
              >
                {' '}
                · the last {period} is only {Math.round(100 * lastPartial.covered)}% in the log
              </span>
            ) : null}
          </div>
        </>
      )}
      {tile.notes.length ? <p className="muted small kpi-note">{tile.notes.join(' ')}</p> : null}
      {segments.length ? (
        <table className="data-table compact kpi-segments" data-testid="kpi-segments">
          <tbody>
            {shown.map((s) => (
              <tr key={s.segment}>
                <td className="truncate" title={s.segment}>
                  {s.segment}
                </td>
                <td className="num">{formatMeasure(s.value, tile.unit)}</td>
                <td className="num muted">{s.n}</td>
                <td className="kpi-segment-spark">
                  <KpiSparkline series={s.series} label={`${tile.title}, ${s.segment}, per ${period}`} />
                </td>
              </tr>
            ))}
          </tbody>
          {segments.length > SEGMENTS_SHOWN ? (
            <tfoot>
              <tr>
                <td colSpan={4}>
                  <button type="button" className="link-button small" onClick={() => setAllSegments(!allSegments)}>
                    {allSegments ? 'Show fewer' : `Show all ${segments.length} segments`}
                  </button>
                </td>
              </tr>
            </tfoot>
          ) : null}
        </table>
      ) : null}
    </article>
  );
}
