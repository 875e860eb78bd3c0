import type {
  ChartPointCases,
  ControlChartView,
  MeasureUnit,
  UserFacingError,
  VariantInfo,
} from '../../../preload/api.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { formatDuration, formatPercent, plural } from '../../components/format.ts';
import { significant } from '../measures/measure-format.ts';
import { signalsByPoint, tickText } from './chart-figure.ts';

const VARIANTS_SHOWN = 5;

/**
 * The point the user clicked: what it stands for, the tests it fails, and the way to its cases —
 * their variants, and explicit actions: filter every view to them, open them on the map or in the
 * case table (which filters too, as it says) — plus taking it out of the limits or starting a new
 * phase at it. A click only selects: nothing elsewhere changes until the user asks.
 */
export function PointPanel({
  view,
  index,
  cases,
  variants,
  error,
  unit,
  excluded,
  phaseStart,
  filtered,
  onFilter,
  onOpenMap,
  onOpenCases,
  onCompare,
  compareLabel,
  onRemoveFilter,
  onToggleExclude,
  onTogglePhase,
  onClose,
}: {
  view: ControlChartView;
  index: number;
  cases: ChartPointCases | null;
  /** The variants of those cases, most frequent first (null while they load). */
  variants: VariantInfo[] | null;
  error: UserFacingError | null;
  unit: MeasureUnit;
  excluded: boolean;
  phaseStart: boolean;
  /** Whether every view is filtered to this point's cases now. */
  filtered: boolean;
  onFilter(): void;
  onOpenMap(): void;
  onOpenCases(): void;
  /** Opens the map of these cases beside the map of the baseline's (or every other case's). */
  onCompare(): void;
  compareLabel: string;
  onRemoveFilter(): void;
  onToggleExclude(): void;
  onTogglePhase(): void;
  onClose(): void;
}) {
  const point = view.points[index];
  if (!point) return null;
  const failed = view.charts.flatMap((c) => (signalsByPoint(c).get(index) ?? []).map((s) => ({ chart: c.name, ...s })));
  return (
    <section className="panel cc-point" data-testid="cc-point">
      <div className="cc-point-head">
        <h2 className="plain-title">
          {view.byUnit
            ? `Case ${point.caseId}`
            : `${view.period[0]!.toUpperCase()}${view.period.slice(1)} of ${point.label}`}
        </h2>
        <button type="button" className="small-button" onClick={onClose} aria-label="Close the point">
          ✕
        </button>
      </div>
      <p className="muted small">
        {view.byUnit ? tickText(point.from) : `${tickText(point.from)} to ${tickText(point.to)} (${view.timeZone})`} ·
        point {index + 1} of {view.points.length}
      </p>
      <ul className="cc-point-values">
        {view.charts.map((c) => (
          <li key={c.name}>
            {c.name} = {c.points[index] === null || c.points[index] === undefined ? '—' : significant(c.points[index]!)}{' '}
            {c.name === 'P' || c.name === 'NP' || c.name === 'C' || c.name === 'U' ? '' : unit === 'share' ? '' : unit}
          </li>
        ))}
      </ul>
      {failed.length ? (
        <ul className="cc-point-signals" data-testid="cc-point-signals">
          {failed.map((s) => (
            <li key={`${s.chart}-${s.rule}`}>
              {s.chart}: {s.description}
            </li>
          ))}
        </ul>
      ) : (
        <p className="small muted">No test for special causes fails here.</p>
      )}
      {error ? <ErrorPanel error={error} title="The cases behind this point could not be found" /> : null}
      {cases ? (
        <>
          {filtered ? (
            <p className="small" data-testid="cc-point-filter">
              Every view is filtered to its {plural(cases.cases, 'case')}.{' '}
              <button type="button" className="link-button" onClick={onRemoveFilter}>
                Remove the filter
              </button>
            </p>
          ) : (
            <p className="small" data-testid="cc-point-filter">
              {plural(cases.cases, 'case')} behind this point.{' '}
              <button type="button" className="link-button" onClick={onFilter} data-testid="cc-filter-point">
                Filter every view to these cases
              </button>
            </p>
          )}
          {variants?.length ? (
            <div className="cc-point-variants" data-testid="cc-point-variants">
              <h3>Their variants</h3>
              <ol>
                {variants.slice(0, VARIANTS_SHOWN).map((v) => (
                  <li key={v.rank} title={v.activities.join(' → ')}>
                    <span className="cc-variant-path">{v.activities.join(' → ')}</span>
                    <span className="muted small">
                      {' '}
                      {plural(v.count, 'case')} ({formatPercent(v.share, 0)}) · mean{' '}
                      {formatDuration(v.meanDurationSeconds)}
                    </span>
                  </li>
                ))}
              </ol>
              {variants.length > VARIANTS_SHOWN ? (
                <p className="muted small">and {plural(variants.length - VARIANTS_SHOWN, 'other variant')}</p>
              ) : null}
            </div>
          ) : null}
          <div className="button-row">
            <button
              type="button"
              className="primary"
              onClick={onOpenMap}
              data-testid="cc-open-map"
              title={filtered ? undefined : 'Filters every view to these cases and opens the map'}
            >
              {filtered ? 'Open on the map' : 'Filter and open on the map'}
            </button>
            <button type="button" onClick={onCompare} data-testid="cc-compare-maps">
              {compareLabel}
            </button>
            <button
              type="button"
              onClick={onOpenCases}
              data-testid="cc-open-cases"
              title={filtered ? undefined : 'Filters every view to these cases and opens the case table'}
            >
              {filtered ? 'Show the cases' : 'Filter and show the cases'}
            </button>
          </div>
        </>
      ) : error ? null : (
        <p className="muted small">Finding its cases…</p>
      )}
      <div className="button-row cc-point-limits">
        <button type="button" className="small-button" onClick={onToggleExclude} data-testid="cc-exclude-point">
          {excluded ? 'Put back into the limits' : 'Leave out of the limits'}
        </button>
        {index > 0 ? (
          <button type="button" className="small-button" onClick={onTogglePhase} data-testid="cc-phase-point">
            {phaseStart ? 'No new phase here' : 'Start a new phase here'}
          </button>
        ) : null}
      </div>
    </section>
  );
}
