import type { ChartTransform, ChartType, ControlChartView, RuleSelection } from '../../../preload/api.ts';
import { isBadNumber, RULE_PRESETS, testsOf, toggleTest, type Baseline, type ChartSettings } from './chart-settings.ts';

/**
 * Tests for special causes (a preset or each switched on its own, each with its K), the scale
 * measured values are charted on (log or Box-Cox for heavy-tailed durations), where the limits come from
 * (all points, the first N, a date range), the points left out and the phases, and the EWMA or
 * CUSUM parameters.
 */
export function SettingsPanel({
  view,
  chart,
  settings,
  onChange,
}: {
  view: ControlChartView | null;
  chart: ChartType | undefined;
  settings: ChartSettings;
  onChange(next: ChartSettings): void;
}) {
  const set = <K extends keyof ChartSettings>(key: K, value: ChartSettings[K]) =>
    onChange({ ...settings, [key]: value });
  const on = new Set(testsOf(settings.rules));
  const applied = new Set(view?.charts.flatMap((c) => c.rules) ?? []);
  const preset = Array.isArray(settings.rules) ? 'custom' : settings.rules;
  const numberField = (key: 'lambda' | 'L' | 'k' | 'h' | 'target' | 'sigma', label: string, hint: string) => (
    <label className="field cc-number" title={hint}>
      <span className="field-label">{label}</span>
      <input
        type="text"
        inputMode="decimal"
        value={settings[key]}
        placeholder="default"
        aria-invalid={isBadNumber(settings[key])}
        onChange={(e) => set(key, e.target.value)}
        data-testid={`cc-${key}`}
      />
    </label>
  );
  const current = view?.chart ?? chart;
  return (
    <section className="panel cc-settings" data-testid="cc-settings">
      <h2>Tests for special causes</h2>
      <label className="field">
        <span className="field-label">Preset</span>
        <select
          value={preset}
          onChange={(e) => set('rules', e.target.value === 'custom' ? [...on] : (e.target.value as RuleSelection))}
          data-testid="cc-rules-preset"
        >
          {RULE_PRESETS.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label} ({p.tests.length === 8 ? '1–8' : p.tests.join(', ')})
            </option>
          ))}
          <option value="custom">Chosen one by one</option>
        </select>
      </label>
      <ul className="cc-tests">
        {(view?.tests ?? []).map((t) => (
          <li key={t.rule} className={on.has(t.rule) && !applied.has(t.rule) ? 'cc-test-unused' : undefined}>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={on.has(t.rule)}
                onChange={() => set('rules', toggleTest(settings.rules, t.rule))}
                data-testid={`cc-test-${t.rule}`}
              />
              <span>
                {t.description}
                {on.has(t.rule) && !applied.has(t.rule) ? (
                  <span className="muted small"> — not used on this chart</span>
                ) : null}
              </span>
            </label>
            <label
              className="field cc-test-k"
              title={
                t.rule === 1 ? 'How many σ the limits sit from the centre line' : `K of test ${t.rule}: a whole number`
              }
            >
              <span className="field-label">K</span>
              <input
                type="text"
                inputMode="decimal"
                size={3}
                value={settings.testK[t.rule] ?? ''}
                placeholder={String(t.k)}
                aria-label={`K of test ${t.rule}`}
                aria-invalid={isBadNumber(settings.testK[t.rule] ?? '')}
                onChange={(e) => set('testK', { ...settings.testK, [t.rule]: e.target.value })}
                data-testid={`cc-test-k-${t.rule}`}
              />
            </label>
          </li>
        ))}
      </ul>

      <label
        className="field"
        title="Durations with a long tail (a few extreme cases) break the limits of the raw scale in nearly every period; on the log or Box-Cox scale alarms mean a change in the typical case."
      >
        <span className="field-label">Scale</span>
        <select
          value={settings.transform}
          onChange={(e) => set('transform', e.target.value as ChartTransform)}
          disabled={view !== null && !isMeasured(view)}
          data-testid="cc-transform"
        >
          <option value="none">values as they are</option>
          <option value="log">log</option>
          <option value="box-cox">Box-Cox (λ fitted)</option>
        </select>
      </label>

      <h2>Limits</h2>
      <div className="cc-baseline">
        <label className="field">
          <span className="field-label">Computed from</span>
          <select
            value={settings.baseline.mode}
            onChange={(e) => {
              const mode = e.target.value as Baseline['mode'];
              set(
                'baseline',
                mode === 'first' ? { mode, n: '20' } : mode === 'dates' ? { mode, from: '', to: '' } : { mode },
              );
            }}
            data-testid="cc-baseline-mode"
          >
            <option value="all">all points</option>
            <option value="first">the first points (baseline)</option>
            <option value="dates">a date range (baseline)</option>
          </select>
        </label>
        {settings.baseline.mode === 'first' ? (
          <label className="field cc-number">
            <span className="field-label">Points</span>
            <input
              type="number"
              min={2}
              value={settings.baseline.n}
              onChange={(e) => set('baseline', { mode: 'first', n: e.target.value })}
              data-testid="cc-baseline-n"
            />
          </label>
        ) : null}
        {settings.baseline.mode === 'dates' ? (
          <>
            <DateField
              label="From"
              value={settings.baseline.from}
              onChange={(date) =>
                set('baseline', { ...(settings.baseline as { from: string; to: string }), mode: 'dates', from: date })
              }
              testId="cc-baseline-from"
            />
            <DateField
              label="To"
              value={settings.baseline.to}
              onChange={(date) =>
                set('baseline', { ...(settings.baseline as { from: string; to: string }), mode: 'dates', to: date })
              }
              testId="cc-baseline-to"
            />
          </>
        ) : null}
      </div>
      <p className="small muted">
        {settings.exclude.length ? (
          <>
            {settings.exclude.length} point{settings.exclude.length === 1 ? '' : 's'} left out of the limits (assignable
            causes).{' '}
            <button type="button" className="link-button" onClick={() => set('exclude', [])}>
              Put them back
            </button>
          </>
        ) : (
          'Click a point to leave it out of the limits when its cause is known.'
        )}
      </p>
      <p className="small muted">
        {settings.phases.length ? (
          <>
            {settings.phases.length + 1} phases, each with its own limits.{' '}
            <button type="button" className="link-button" onClick={() => set('phases', [])}>
              One phase again
            </button>
          </>
        ) : (
          'After a process change, click the first point after it and start a new phase there.'
        )}
      </p>
      {current === 'ewma' ? (
        <div className="cc-params">
          {numberField('lambda', 'λ (weight)', 'Weight of the newest point, 0 < λ ≤ 1; default 0.2')}
          {numberField('L', 'L (limit width)', 'Limit width in σ of the EWMA; default 3')}
          {numberField('target', 'Target', 'Process centre; default the baseline mean')}
          {numberField('sigma', 'σ', 'σ of one value; default estimated from the baseline')}
        </div>
      ) : null}
      {current === 'cusum' ? (
        <div className="cc-params">
          {numberField('k', 'k (σ)', 'Reference value in σ; default 0.5, tuned to a 1σ shift')}
          {numberField('h', 'h (σ)', 'Decision interval in σ; default 4')}
          {numberField('target', 'Target', 'Process centre; default the baseline mean')}
          {numberField('sigma', 'σ', 'σ of one value; default estimated from the baseline')}
        </div>
      ) : null}
    </section>
  );
}

/** Log and Box-Cox are for measured values (durations), not for counts and shares. */
function isMeasured(view: ControlChartView): boolean {
  return (
    !['p', 'np', 'c', 'u', 'laney-p', 'laney-u'].includes(view.chart) &&
    view.advice?.dataType !== 'defectives' &&
    view.advice?.dataType !== 'defects'
  );
}

/** A date typed as YYYY-MM-DD (trimmed), as every date in Gemba is written. */
function DateField({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  onChange(date: string): void;
  testId: string;
}) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <input
        type="text"
        inputMode="numeric"
        placeholder="YYYY-MM-DD"
        pattern="\d{4}-\d{2}-\d{2}"
        title="A date as YYYY-MM-DD, like every date in Gemba"
        value={value}
        onChange={(e) => onChange(e.target.value.trim())}
        data-testid={testId}
      />
    </label>
  );
}
