import { useMemo } from 'react';
import {
  CAPABILITY_METHODS,
  type CapabilityIndices,
  type CapabilityReport,
  type MeasureUnit,
} from '../../../preload/api.ts';
import { PlotlyChart } from '../../components/plotly-chart.tsx';
import { formatMeasure, significant, unitLabel } from '../measures/measure-format.ts';
import { capabilityFigure } from './capability-figure.ts';
import { isBadNumber, type ChartSettings } from './chart-settings.ts';

const METHOD_LABELS: Record<(typeof CAPABILITY_METHODS)[number], string> = {
  auto: 'Let the normality check decide',
  normal: 'Normal',
  'box-cox': 'Box-Cox transformation',
  lognormal: 'Lognormal',
  weibull: 'Weibull',
};

const index = (v: number | null) => (v === null ? '—' : v.toFixed(2));
const ppm = (v: number) => (v === 0 ? '0' : v < 1 ? '< 1' : significant(Math.round(v)));

/**
 * Capability against the user's specs, in the measure's unit (a one-sided USL is the common case
 * for durations): the indices, observed and expected ppm, the normality check and the model used
 * with the reason, and the histogram with the fitted curve and the spec lines.
 */
export function CapabilityPanel({
  report,
  unit,
  settings,
  onChange,
  measured,
}: {
  report: CapabilityReport | null;
  unit: MeasureUnit;
  settings: ChartSettings;
  onChange(next: ChartSettings): void;
  /** False for shares and counts: capability needs measured values. */
  measured: boolean;
}) {
  const set = <K extends keyof ChartSettings>(key: K, value: ChartSettings[K]) =>
    onChange({ ...settings, [key]: value });
  const figure = useMemo(() => (report ? capabilityFigure(report, unitLabel(unit)) : null), [report, unit]);
  const field = (key: 'lsl' | 'usl' | 'specTarget', label: string) => (
    <label className="field cc-number">
      <span className="field-label">{label}</span>
      <input
        type="text"
        inputMode="decimal"
        value={settings[key]}
        aria-invalid={isBadNumber(settings[key])}
        onChange={(e) => set(key, e.target.value)}
        data-testid={`cc-${key}`}
      />
    </label>
  );
  return (
    <section className="panel cc-capability" data-testid="cc-capability">
      <h2>Capability</h2>
      {!measured ? (
        <p className="muted small">
          Capability is for measured values such as durations; for a share or a count, the centre line of its chart is
          the capability.
        </p>
      ) : (
        <>
          <p className="muted small">
            Specification limits in {unitLabel(unit)}; for a duration the upper limit alone is the usual case.
          </p>
          <div className="cc-params">
            {field('lsl', 'LSL')}
            {field('usl', 'USL')}
            {field('specTarget', 'Target')}
            <label className="field">
              <span className="field-label">Model</span>
              <select
                value={settings.capabilityMethod}
                onChange={(e) => set('capabilityMethod', e.target.value as ChartSettings['capabilityMethod'])}
                data-testid="cc-capability-method"
              >
                {CAPABILITY_METHODS.map((m) => (
                  <option key={m} value={m}>
                    {METHOD_LABELS[m]}
                  </option>
                ))}
              </select>
            </label>
          </div>
        </>
      )}
      {report ? (
        <div className="cc-capability-body">
          <div>
            <p data-testid="cc-capability-reason">{report.reason}</p>
            <table className="data-table compact cc-indices" data-testid="cc-indices">
              <tbody>
                <IndexRows
                  title={report.chosen === 'normal' ? 'Within (short term)' : `${report.chosen} model`}
                  values={report.indices}
                  kind="within"
                />
                <IndexRows title="Overall (long term)" values={report.indices} kind="overall" />
                <tr>
                  <th>ppm</th>
                  <td>observed {ppm(report.observedPpm.total)}</td>
                  <td>expected {ppm(report.expectedPpm.total)}</td>
                </tr>
                <tr>
                  <th>Data</th>
                  <td>
                    n {report.n}, mean {formatMeasure(report.mean, unit)}
                  </td>
                  <td>
                    σ within {formatMeasure(report.sigmaWithin, unit)}, overall{' '}
                    {formatMeasure(report.sigmaOverall, unit)}
                  </td>
                </tr>
                <tr>
                  <th>Normality</th>
                  <td colSpan={2}>
                    Anderson–Darling A² = {report.normality.ad.toFixed(3)}, p ={' '}
                    {report.normality.pValue < 0.005 ? '< 0.005' : report.normality.pValue.toFixed(3)}
                  </td>
                </tr>
              </tbody>
            </table>
          </div>
          {figure ? (
            <PlotlyChart
              data={figure.data}
              layout={figure.layout}
              label="Capability histogram with fitted curve and spec limits"
              testId="cc-capability-histogram"
              className="cc-histogram"
            />
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function IndexRows({ title, values, kind }: { title: string; values: CapabilityIndices; kind: 'within' | 'overall' }) {
  const [both, lower, upper, k] =
    kind === 'within' ? (['cp', 'cpl', 'cpu', 'cpk'] as const) : (['pp', 'ppl', 'ppu', 'ppk'] as const);
  if (values[both] === null && values[lower] === null && values[upper] === null) return null;
  const name = (key: string) => key.charAt(0).toUpperCase() + key.slice(1);
  return (
    <tr>
      <th>{title}</th>
      <td>
        {[both, lower, upper]
          .filter((key) => values[key] !== null)
          .map((key) => `${name(key)} ${index(values[key])}`)
          .join(' · ')}
      </td>
      <td>
        <strong>
          {name(k)} {index(values[k])}
        </strong>
      </td>
    </tr>
  );
}
