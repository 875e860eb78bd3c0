import { useEffect, useMemo, useRef, useState } from 'react';
import {
  MEASURE_PERIODS,
  type ChartPointCases,
  type LogFilter,
  type ChartType,
  type MeasurePeriod,
  type UserFacingError,
  type VariantInfo,
} from '../../../preload/api.ts';
import { toUserFacingError } from '../../api/gemba-error.ts';
import { currentFilters, setFilters, useLogFilters } from '../../app/filter-store.ts';
import { useWorkbench, useWorkspace } from '../../app/workbench.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { knownZone } from '../../components/format.ts';
import { PlotlyChart, type PlotlyChartHandle, type PlotlyPoint } from '../../components/plotly-chart.tsx';
import { useAsync } from '../../components/use-async.ts';
import { FilterChips } from '../map/filter-bar.tsx';
import { unitLabel } from '../measures/measure-format.ts';
import { chartName } from '../measures/measures-editor.tsx';
import { AdvicePanel } from './advice-panel.tsx';
import { ChartToolbar } from './chart-toolbar.tsx';
import { CapabilityPanel } from './capability-panel.tsx';
import { controlChartFigure, scaleTitle } from './chart-figure.ts';
import { SignalList } from './signal-list.tsx';
import { chartRequest, DEFAULT_SETTINGS, type ChartSettings } from './chart-settings.ts';
import { CompareMaps, type MapSide } from './compare-maps.tsx';
import { PointPanel } from './point-panel.tsx';
import { SettingsPanel } from './settings-panel.tsx';
import './control-chart-view.css';
import { UnfixedErrorsBanner } from '../quality/unfixed-errors-banner.tsx';

const UNIT_CHARTS: ChartType[] = ['imr', 'ewma', 'cusum'];

/**
 * A measure of the workspace on a control chart: measure, activity and period pickers, the chart
 * type, the chooser's advice, the tests, baseline and phases, capability, PNG/SVG export. A click
 * on a point filters every view to its cases and offers the process map of them.
 */
export function ControlChartView() {
  const { api, logVersion, environment, route, navigate } = useWorkbench();
  const workspace = useWorkspace();
  const params = route.params;
  const timeZone = knownZone(environment.timezone);
  const filters = useLogFilters(workspace.path);
  // A chip made from a chart point holds that point's cases: charting only them would leave one point.
  const chartFilters = useMemo(() => filters.filter((f) => f.kind !== 'cases'), [filters]);
  const ignoredChips = filters.length - chartFilters.length;
  const info = useAsync(() => api.measures(workspace.path), [api, workspace.path]);
  const options = useAsync(() => api.filterOptions(workspace.path), [api, workspace.path, logVersion]);
  const measures = info.value?.measures ?? [];
  const measure = measures.find((m) => m.name === params.measure) ?? measures[0];
  const period = (MEASURE_PERIODS as readonly string[]).includes(params.period ?? '')
    ? (params.period as MeasurePeriod)
    : 'week';
  const byUnit = params.per === 'case';
  const chart = params.chart as ChartType | undefined;
  const activity = measure?.takesActivity ? params.activity : undefined;

  const [settings, setSettings] = useState<ChartSettings>(DEFAULT_SETTINGS);
  const [selected, setSelected] = useState<number | null>(null);
  const [pointCases, setPointCases] = useState<ChartPointCases | null>(null);
  const [pointError, setPointError] = useState<UserFacingError | null>(null);
  const [pointVariants, setPointVariants] = useState<VariantInfo[] | null>(null);
  const [drawMs, setDrawMs] = useState<number | null>(null);
  const [comparing, setComparing] = useState(false);
  const chartRef = useRef<PlotlyChartHandle>(null);
  const appliedChip = useRef<string | null>(null);

  // Points are numbered per chart: another measure, period, chart or filter renumbers them.
  const shapeKey = JSON.stringify([measure?.name, activity, period, byUnit, chart, chartFilters, logVersion]);
  useEffect(() => {
    setSettings((s) => ({
      ...s,
      exclude: [],
      phases: [],
      baseline: s.baseline.mode === 'dates' ? s.baseline : { mode: 'all' },
    }));
    setSelected(null);
    setPointCases(null);
  }, [shapeKey]);

  // A log or Box-Cox scale belongs to a measured value; another measure starts on its own scale.
  useEffect(() => setSettings((s) => (s.transform === 'none' ? s : { ...s, transform: 'none' })), [measure?.name]);

  const request = useMemo(
    () =>
      measure
        ? chartRequest({ measure: measure.name, activity, period, chart, byUnit, timeZone }, settings, chartFilters)
        : null,
    [measure, activity, period, chart, byUnit, timeZone, settings, chartFilters],
  );
  const requestKey = JSON.stringify(request);
  const result = useAsync(
    () => (request ? api.controlChart(workspace.path, request) : Promise.resolve(null)),
    [api, workspace.path, requestKey, logVersion],
  );
  const view = result.value;
  // A failed redraw shows its error, not the previous chart as if it were this one.
  const shown = result.status !== 'failed' && view && request && view.measure.name === request.measure ? view : null;

  // The points the first phase's limits come from, as the engine read the baseline (shaded on the chart).
  const baseline = shown?.charts[0]?.baselinePoints ?? null;
  const figure = useMemo(
    () =>
      shown
        ? controlChartFigure(shown, scaleTitle(shown, unitLabel(shown.measure.unit)), {
            selected,
            baseline,
            leftOut: settings.exclude,
          })
        : null,
    [shown, selected, baseline, settings.exclude],
  );

  // The point's cases against the baseline's (cases completed in its periods), or every other case.
  const compareSides = useMemo((): { left: MapSide; right: MapSide } | null => {
    if (!comparing || !pointCases || !shown || selected === null) return null;
    const point = shown.points[selected]!;
    const right: MapSide = {
      title: shown.byUnit ? `Case ${point.caseId}` : `${shown.period} of ${point.label}`,
      filters: [...chartFilters, pointCases.filter],
    };
    if (baseline) {
      const from = shown.points[baseline[0]]!.from;
      const to = shown.points[baseline[1]]!.to;
      const range: LogFilter = { kind: 'timeRange', mode: 'completed', from, to };
      return {
        left: {
          title: `Baseline: cases completed ${from.slice(0, 10)} to ${to.slice(0, 10)}`,
          filters: [...chartFilters, range],
        },
        right,
      };
    }
    return {
      left: { title: 'Every other case', filters: [...chartFilters, { ...pointCases.filter, negate: true }] },
      right,
    };
  }, [comparing, pointCases, shown, selected, baseline, chartFilters]);

  const go = (change: Record<string, string | undefined>) => {
    const next: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...params, ...change })) if (v !== undefined && v !== '') next[k] = v;
    navigate('control-chart', next);
  };

  const openPoint = (point: PlotlyPoint) => {
    const index = typeof point.customdata === 'number' ? point.customdata : null;
    if (index === null || !request) return;
    setSelected(index);
    setComparing(false);
    setPointCases(null);
    setPointError(null);
    setPointVariants(null);
    api.chartPointCases(workspace.path, request, index).then(
      (found) => {
        // What the cases behind the point did: their variants, most frequent first.
        api
          .variantList(workspace.path, [...chartFilters, found.filter])
          .then(setPointVariants, () => setPointVariants([]));
        // Selecting a point changes nothing elsewhere: filtering every view is the user's explicit choice.
        setPointCases(found);
      },
      (error: unknown) => setPointError(toUserFacingError(error)),
    );
  };
  // One chip per chart: filtering to another point's cases replaces the previous point's chip.
  const applyChip = (found: ChartPointCases) => {
    const kept = currentFilters().filter((f) => JSON.stringify(f) !== appliedChip.current);
    appliedChip.current = JSON.stringify(found.filter);
    setFilters([...kept, found.filter]);
  };
  const chipApplied =
    pointCases !== null && filters.some((f) => JSON.stringify(f) === JSON.stringify(pointCases.filter));
  const removeChip = () => {
    setFilters(currentFilters().filter((f) => JSON.stringify(f) !== appliedChip.current));
    appliedChip.current = null;
  };
  const toggle = (key: 'exclude' | 'phases', index: number) =>
    setSettings((s) => ({
      ...s,
      [key]: s[key].includes(index) ? s[key].filter((i) => i !== index) : [...s[key], index],
    }));

  const charts = byUnit ? UNIT_CHARTS : (measure?.charts ?? []);
  const current = shown?.chart ?? chart;
  // Capability needs measured values: the charts of measurements, not of shares or counts.
  const measured = shown ? ['I', 'Xbar', 'EWMA', 'CUSUM'].includes(shown.charts[0]!.name) : true;
  const fileName = shown
    ? `${shown.measure.name}-${shown.chart}-${shown.byUnit ? 'by-case' : shown.period}`
    : 'control-chart';

  return (
    <div className="view" data-testid="control-chart-view">
      <header className="view-header">
        <div>
          <h1>Control chart{measure ? `: ${measure.title}` : ''}</h1>
          <p className="muted" data-testid="cc-sentence">
            {measure?.sentence}
            {shown
              ? ` · ${shown.basis.fileName}${shown.basis.fixesInForce.length ? `, ${shown.basis.fixesInForce.length} data-quality fixes` : ''}`
              : ''}
          </p>
        </div>
        <div className="button-row">
          <button
            type="button"
            disabled={!shown}
            onClick={() => void chartRef.current?.exportImage('png', fileName)}
            data-testid="cc-export-png"
          >
            Save PNG
          </button>
          <button
            type="button"
            disabled={!shown}
            onClick={() => void chartRef.current?.exportImage('svg', fileName)}
            data-testid="cc-export-svg"
          >
            Save SVG
          </button>
        </div>
      </header>
      <UnfixedErrorsBanner />

      <ChartToolbar
        measures={measures}
        measure={measure}
        activity={activity}
        activities={options.value?.activities ?? []}
        period={period}
        byUnit={byUnit}
        charts={charts}
        current={current}
        go={go}
      />
      <FilterChips compact />
      {ignoredChips ? (
        <p className="muted small" data-testid="cc-ignored-chips">
          {ignoredChips === 1
            ? 'The filter to one chart point’s cases applies'
            : `The ${ignoredChips} filters to chart points’ cases apply`}{' '}
          to the other views, not to this chart: it still charts every case, so the point stays among its neighbours.
        </p>
      ) : null}

      {info.status === 'failed' ? (
        <ErrorPanel error={info.error} title="The measurement schema could not be read" />
      ) : null}
      {result.status === 'failed' ? (
        <ErrorPanel error={result.error} title="The control chart could not be drawn" />
      ) : null}
      <div className="cc-layout">
        <div className="stack">
          <section
            className={`panel cc-chart-panel${result.status === 'loading' ? ' cc-stale' : ''}`}
            aria-busy={result.status === 'loading'}
          >
            {figure && shown ? (
              <>
                <PlotlyChart
                  ref={chartRef}
                  data={figure.data}
                  layout={figure.layout}
                  onClick={openPoint}
                  onDrawn={setDrawMs}
                  label={`${chartName(shown.chart)} chart of ${shown.measure.title}`}
                  testId="cc-chart"
                  className="cc-chart"
                />
                <p className="muted small cc-caption" data-testid="cc-caption">
                  {shown.points.length} points ·{' '}
                  {new Set(shown.charts.flatMap((c) => c.signals.map((s) => s.index))).size} signalling (a point
                  signalling on both charts counts once) · a red square is marked with the lowest test it fails; hover
                  it for every test · click a point for its cases
                  {drawMs !== null ? ` · drawn in ${Math.round(drawMs)} ms` : ''}
                </p>
                <SignalList
                  view={shown}
                  selected={selected}
                  onOpen={(index) =>
                    openPoint({ curveNumber: 0, pointIndex: index, x: index, y: null, customdata: index })
                  }
                />
              </>
            ) : result.status === 'loading' ? (
              <p className="muted">Computing the chart…</p>
            ) : null}
          </section>
          {shown && selected !== null ? (
            <PointPanel
              view={shown}
              index={selected}
              cases={pointCases}
              variants={pointVariants}
              error={pointError}
              unit={shown.measure.unit}
              excluded={settings.exclude.includes(selected)}
              phaseStart={settings.phases.includes(selected)}
              filtered={chipApplied}
              onFilter={() => pointCases && applyChip(pointCases)}
              onOpenMap={() => {
                if (pointCases && !chipApplied) applyChip(pointCases);
                navigate('map');
              }}
              onOpenCases={() => {
                if (pointCases && !chipApplied) applyChip(pointCases);
                navigate('cases');
              }}
              onCompare={() => setComparing(true)}
              compareLabel={baseline ? 'Beside the baseline’s map' : 'Beside every other case’s map'}
              onRemoveFilter={removeChip}
              onToggleExclude={() => toggle('exclude', selected)}
              onTogglePhase={() => toggle('phases', selected)}
              onClose={() => setSelected(null)}
            />
          ) : null}
          {compareSides ? (
            <CompareMaps left={compareSides.left} right={compareSides.right} onClose={() => setComparing(false)} />
          ) : null}
          {shown?.advice ? (
            <AdvicePanel
              advice={shown.advice}
              current={shown.chart}
              transform={settings.transform}
              onUse={(c) => go({ chart: c })}
              onTransform={(transform) => setSettings((s) => ({ ...s, transform }))}
            />
          ) : null}
          {shown ? (
            <CapabilityPanel
              report={shown.capability}
              unit={shown.measure.unit}
              settings={settings}
              onChange={setSettings}
              measured={measured}
            />
          ) : null}
          {shown?.notes.length ? (
            <ul className="notes small" data-testid="cc-notes">
              {shown.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          ) : null}
        </div>
        <SettingsPanel view={shown} chart={current} settings={settings} onChange={setSettings} />
      </div>
    </div>
  );
}
