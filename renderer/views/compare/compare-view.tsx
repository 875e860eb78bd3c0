import { useMemo, useState } from 'react';
import type { FilterOptions, SegmentComparison } from '../../../preload/api.ts';
import { useLogFilters } from '../../app/filter-store.ts';
import { useWorkbench, useWorkspace } from '../../app/workbench.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { formatCount, plural } from '../../components/format.ts';
import { useAsync } from '../../components/use-async.ts';
import { ShareSlider } from '../../components/share-slider.tsx';
import { MapCanvas } from '../map/map-canvas.tsx';
import { differenceMarks } from './difference-marks.ts';
import { segmentsOf, type SegmentChoice } from './segment-filters.ts';
import '../map/map-view.css';
import './compare-view.css';

/** Differences listed under the maps. */
const ROWS_SHOWN = 25;

/**
 * Two segments of the log side by side: cases started before/after a moment, or an attribute's
 * value A against B. Both maps use the same sliders (case frequency), and what became more or
 * less common — by share of each segment's cases, so segments of different sizes compare — is
 * coloured on both, and listed largest change first.
 */
export function CompareView() {
  const { api, logVersion } = useWorkbench();
  const workspace = useWorkspace();
  const filters = useLogFilters(workspace.path);
  const options = useAsync(() => api.filterOptions(workspace.path), [api, workspace.path, logVersion]);
  const [choice, setChoice] = useState<SegmentChoice | null>(null);
  const [activities, setActivities] = useState(1);
  const [paths, setPaths] = useState(0.5);
  const [threshold, setThreshold] = useState(5);
  const current = choice ?? (options.value ? defaultDate(options.value) : null);
  const segments = current && options.value ? segmentsOf(current, options.value.timeRange) : null;
  const comparison = useAsync<SegmentComparison | null>(
    () =>
      segments
        ? api.compareSegments(workspace.path, {
            a: segments.a,
            b: segments.b,
            filters,
            map: { activities, paths, view: 'frequency', frequencyMeasure: 'case' },
          })
        : Promise.resolve(null),
    [api, workspace.path, logVersion, JSON.stringify(segments), JSON.stringify(filters), activities, paths],
  );
  const result = comparison.value;
  const marksA = useMemo(
    () => (result ? differenceMarks(result.mapA.graph, result.elements, threshold / 100) : null),
    [result, threshold],
  );
  const marksB = useMemo(
    () => (result ? differenceMarks(result.mapB.graph, result.elements, threshold / 100) : null),
    [result, threshold],
  );
  const attributes = options.value
    ? [
        ...options.value.caseAttributes.map((a) => ({ ...a, level: 'case' as const })),
        ...options.value.eventAttributes.map((a) => ({ ...a, level: 'event' as const })),
      ]
    : [];
  const chosen =
    current?.kind === 'attribute'
      ? attributes.find((a) => a.name === current.attribute && a.level === current.level)
      : undefined;

  return (
    <div className="view view-fill compare-view">
      <header className="view-header">
        <div>
          <h1>Compare segments</h1>
          <p className="muted small" data-testid="compare-caption">
            {result
              ? `${result.labelA}: ${plural(result.casesA, 'case')} · ${result.labelB}: ${plural(result.casesB, 'case')}${filters.length ? ` · ${plural(filters.length, 'filter')} applied to both` : ''}`
              : 'Choose two segments.'}
          </p>
        </div>
      </header>
      <div className="compare-form">
        <select
          aria-label="Compare by"
          data-testid="compare-kind"
          value={current?.kind ?? 'date'}
          onChange={(e) =>
            options.value &&
            setChoice(e.target.value === 'date' ? defaultDate(options.value) : defaultAttribute(options.value))
          }
        >
          <option value="date">before / after a moment</option>
          <option value="attribute" disabled={attributes.length === 0}>
            attribute value A vs B
          </option>
        </select>
        {current?.kind === 'date' ? (
          <label>
            split at (UTC){' '}
            <input
              type="datetime-local"
              data-testid="compare-date"
              value={current.at.slice(0, 16)}
              onChange={(e) => setChoice({ kind: 'date', at: `${e.target.value}:00Z` })}
            />
          </label>
        ) : null}
        {current?.kind === 'attribute' ? (
          <>
            <select
              aria-label="Attribute"
              data-testid="compare-attribute"
              value={`${current.level}:${current.attribute}`}
              onChange={(e) => {
                const a = attributes.find((x) => `${x.level}:${x.name}` === e.target.value);
                if (a)
                  setChoice({
                    kind: 'attribute',
                    level: a.level,
                    attribute: a.name,
                    valueA: a.values[0] ?? '',
                    valueB: a.values[1] ?? '',
                  });
              }}
            >
              {attributes.map((a) => (
                <option key={`${a.level}:${a.name}`} value={`${a.level}:${a.name}`}>
                  {a.name} ({a.level})
                </option>
              ))}
            </select>
            {(['valueA', 'valueB'] as const).map((side) => (
              <select
                key={side}
                aria-label={side === 'valueA' ? 'Value A' : 'Value B'}
                data-testid={`compare-${side}`}
                value={current[side]}
                onChange={(e) => setChoice({ ...current, [side]: e.target.value })}
              >
                {(chosen?.values ?? []).map((v) => (
                  <option key={v} value={v}>
                    {v}
                  </option>
                ))}
              </select>
            ))}
          </>
        ) : null}
        <ShareSlider label="Activities" value={activities} testId="compare-activities" onChange={setActivities} />
        <ShareSlider label="Paths" value={paths} testId="compare-paths" onChange={setPaths} />
        <label>
          colour changes of{' '}
          <input
            type="number"
            min={0}
            max={100}
            step={1}
            value={threshold}
            data-testid="compare-threshold"
            aria-label="smallest change coloured, percentage points"
            onChange={(e) => setThreshold(Number(e.target.value))}
          />{' '}
          points or more
        </label>
      </div>
      {options.error ? <ErrorPanel error={options.error} /> : null}
      {comparison.error ? <ErrorPanel error={comparison.error} title="The segments could not be compared" /> : null}
      <p className="compare-legend small">
        <span className="compare-swatch more-in-a-swatch" /> more common in A{' '}
        <span className="compare-swatch more-in-b-swatch" /> more common in B (share of each segment’s cases; figures on
        the maps are cases)
      </p>
      {result ? (
        <>
          <div className="compare-maps">
            {(['A', 'B'] as const).map((side) => (
              <section
                key={side}
                className="compare-pane"
                data-testid={`compare-map-${side}`}
                aria-label={`Segment ${side}`}
              >
                <h2 className="plain-title small">
                  {side}: {side === 'A' ? result.labelA : result.labelB} (
                  {formatCount(side === 'A' ? result.casesA : result.casesB)} cases)
                </h2>
                <div className="map-main compare-map">
                  <MapCanvas
                    svg={side === 'A' ? result.mapA.svg : result.mapB.svg}
                    selected={null}
                    onSelect={() => undefined}
                    marks={side === 'A' ? marksA : marksB}
                  />
                </div>
              </section>
            ))}
          </div>
          <table className="data-table compare-table" data-testid="compare-table">
            <thead>
              <tr>
                <th>Activity or path</th>
                <th className="num">A: cases</th>
                <th className="num">B: cases</th>
                <th className="num">change (points)</th>
              </tr>
            </thead>
            <tbody>
              {result.elements.slice(0, ROWS_SHOWN).map((e) => (
                <tr
                  key={`${e.kind}:${e.from}:${e.to}`}
                  data-testid="compare-row"
                  className={
                    Math.abs(e.shareDifference) * 100 >= threshold
                      ? e.shareDifference > 0
                        ? 'more-in-b-row'
                        : 'more-in-a-row'
                      : undefined
                  }
                >
                  <td>{e.kind === 'activity' ? e.from : `${e.from} → ${e.to}`}</td>
                  <td className="num">
                    {formatCount(e.casesA)} ({(100 * e.shareA).toFixed(1)}%)
                  </td>
                  <td className="num">
                    {formatCount(e.casesB)} ({(100 * e.shareB).toFixed(1)}%)
                  </td>
                  <td className="num">{`${e.shareDifference > 0 ? '+' : ''}${(100 * e.shareDifference).toFixed(1)}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </div>
  );
}

function defaultDate(o: FilterOptions): SegmentChoice {
  // The middle of the log, to the minute.
  const [from, to] = o.timeRange ?? [new Date().toISOString(), new Date().toISOString()];
  const mid = new Date((Date.parse(from) + Date.parse(to)) / 2);
  mid.setUTCSeconds(0, 0);
  return { kind: 'date', at: mid.toISOString() };
}

function defaultAttribute(o: FilterOptions): SegmentChoice {
  const a = [
    ...o.caseAttributes.map((x) => ({ ...x, level: 'case' as const })),
    ...o.eventAttributes.map((x) => ({ ...x, level: 'event' as const })),
  ].find((x) => x.values.length >= 2);
  return a
    ? { kind: 'attribute', level: a.level, attribute: a.name, valueA: a.values[0], valueB: a.values[1] }
    : defaultDate(o);
}
