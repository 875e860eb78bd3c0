import { TRAINABLE_MODELS, type ModelVersionInfo } from '../../../preload/api.ts';
import { useTimeFormat } from '../../app/time-format.ts';
import { formatCount, formatDuration } from '../../components/format.ts';
import { keyInWords } from '../findings/finding-words.ts';

const METRIC_HIDDEN = new Set(['model']);
const KIND_ORDER: readonly string[] = TRAINABLE_MODELS;

/**
 * The running-case metrics in words: which figure is measured where (every event of the test
 * cases, or the test period's running cases, which forecasts face) and against what.
 */
const METRIC_WORDS: Record<string, string> = {
  testPrefixes: 'Test rows (every event of the test cases)',
  maeHours: 'Mean error at every event of the test cases',
  bestBaseline: 'Best baseline there',
  bestBaselineMaeHours: 'Its mean error there',
  workInProgressMaeHours: 'Mean error on the test period’s running cases',
  workInProgressBestBaseline: 'Best baseline on those running cases',
  workInProgressBestBaselineMaeHours: 'Its mean error on those running cases',
  improvementOverBestBaseline: 'Improvement over that baseline (negative: worse)',
  auc: 'AUC at every event of the test cases',
  brier: 'Brier score there',
  workInProgressAuc: 'AUC on the test period’s running cases',
  workInProgressBrier: 'Brier score on those running cases',
};

export function metricLabel(key: string): string {
  return METRIC_WORDS[key] ?? keyInWords(key);
}

export function metricText(key: string, value: number | string | null): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  if (/Hours$/.test(key)) return formatDuration(value * 3600);
  if (/improvement|share|rate/i.test(key)) return `${(100 * value).toFixed(1)}%`;
  return Number.isInteger(value) ? formatCount(value) : value.toFixed(3);
}

/** The current version of each model as a card, then every older version in one table. */
export function ModelVersions({ versions }: { versions: ModelVersionInfo[] }) {
  // One card per kind in the order they are trained (anomaly first), not by date.
  const current = versions
    .filter((v) => v.current)
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  const older = versions.filter((v) => !v.current);
  if (versions.length === 0) {
    return (
      <p className="muted" data-testid="no-models">
        No model is trained on this workspace yet.
      </p>
    );
  }
  return (
    <>
      {current.map((v) => (
        <ModelCard key={v.id} model={v} />
      ))}
      {older.length > 0 ? <OlderVersions versions={older} /> : null}
    </>
  );
}

function ModelCard({ model }: { model: ModelVersionInfo }) {
  const times = useTimeFormat();
  const best = model.baselines.length > 1 ? bestOf(model) : null;
  // Errors of remaining time are hours: shown as durations ("10,315 d"), AUCs as they are.
  const hours = /hours/i.test(model.baselineMetric ?? '');
  return (
    <section className="panel model-card" data-testid="model-card" data-model={model.kind}>
      <h2 className="plain-title">
        <span data-testid="model-label">{model.label}</span>{' '}
        {model.stale ? (
          <span
            className="badge"
            title="The current import or its fixes differ from what the model learned from"
            data-testid="model-stale"
          >
            trained on other data
          </span>
        ) : null}
      </h2>
      <p className="muted small">
        trained <span title={times.title(model.createdAt)}>{times.moment(model.createdAt)}</span> by {model.user} in{' '}
        {formatDuration(model.trainingMs / 1000)} on {formatCount(model.basis.cases)} cases,{' '}
        {formatCount(model.basis.events)} events of {model.basis.fileName}
        {model.basis.fixes ? `, ${model.basis.fixes} fixes` : ''}
        {model.basis.filters ? `, ${model.basis.filters} filters` : ''} · data{' '}
        <span className="mono">{model.dataFingerprint}</span> · Gemba {model.appVersion}
      </p>
      {model.baselineWarning ? (
        <p className="notice" role="status" data-testid="model-baseline-warning">
          {model.baselineWarning}
        </p>
      ) : null}
      <div className="two-columns">
        <div>
          <h3>Metrics</h3>
          <dl className="facts" data-testid="model-metrics">
            {Object.entries(model.metrics)
              .filter(([k]) => !METRIC_HIDDEN.has(k))
              .map(([k, v]) => (
                <div key={k} className="fact">
                  <dt>{metricLabel(k)}</dt>
                  <dd>{metricText(k, v)}</dd>
                </div>
              ))}
          </dl>
        </div>
        {model.baselines.length > 0 ? (
          <div>
            <h3>Against the baselines</h3>
            <p className="muted small">{model.baselineMetric}</p>
            <table className="data-table compact" data-testid="model-baselines">
              <tbody>
                {model.baselines.map((b) => (
                  <tr key={b.name} className={b.model ? 'row-current' : undefined}>
                    <td>{b.model ? <strong>{b.name}</strong> : b.name}</td>
                    <td className="num">
                      {!Number.isFinite(b.value) ? '—' : hours ? formatDuration(b.value * 3600) : b.value.toFixed(3)}
                    </td>
                    <td className="small">{best === b.name ? 'best' : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </div>
      {model.fairness ? <Fairness fairness={model.fairness} /> : null}
      {model.drift.length > 0 ? (
        <>
          <h3>Drift</h3>
          <p className="muted small">
            Population stability index, {model.driftBasis}: under 0.1 stable, 0.1–0.25 some shift, over 0.25 a shift
            worth retraining for.
          </p>
          <table className="data-table compact" data-testid="model-drift">
            <thead>
              <tr>
                <th>Feature</th>
                <th className="num">PSI</th>
                <th>Level</th>
              </tr>
            </thead>
            <tbody>
              {model.drift.map((d) => (
                <tr key={d.feature}>
                  <td>{d.feature}</td>
                  <td className="num">{d.psi.toFixed(3)}</td>
                  <td
                    className={
                      d.level === 'shift' ? 'drift-shift' : d.level === 'some shift' ? 'drift-some' : undefined
                    }
                  >
                    {d.level}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}

/** Errors and flag rates per segment side by side, a warning where one is out of proportion. */
function Fairness({ fairness }: { fairness: NonNullable<ModelVersionInfo['fairness']> }) {
  const probabilities = fairness.segments.some((s) => s.flagRate !== undefined);
  const warned = fairness.segments.filter((s) => s.warning);
  const percent = (x: number | undefined) =>
    x === undefined || !Number.isFinite(x) ? '—' : `${(100 * x).toFixed(1)}%`;
  return (
    <>
      <h3>Fairness by {fairness.by}</h3>
      <p className="muted small">
        On the test period’s running cases, per {fairness.by}: {fairness.error}
        {probabilities ? ', how often cases are flagged against how often the outcome happens' : ''}.{' '}
        {warned.length ? `${warned.length} out of proportion.` : 'No segment is out of proportion.'}
      </p>
      <div className="table-scroll">
        <table className="data-table compact" data-testid="model-fairness">
          <thead>
            <tr>
              <th>{fairness.by}</th>
              <th className="num">Rows</th>
              <th className="num">{fairness.error}</th>
              {probabilities ? (
                <>
                  <th className="num">Flagged</th>
                  <th className="num">Happened</th>
                </>
              ) : null}
              <th>Warning</th>
            </tr>
          </thead>
          <tbody>
            {fairness.segments.map((s) => (
              <tr key={s.segment}>
                <td>{s.segment}</td>
                <td className="num">{formatCount(s.rows)}</td>
                <td className="num">{Number.isFinite(s.error) ? s.error.toFixed(3) : '—'}</td>
                {probabilities ? (
                  <>
                    <td className="num">{percent(s.flagRate)}</td>
                    <td className="num">{percent(s.positiveRate)}</td>
                  </>
                ) : null}
                <td className={s.warning ? 'drift-shift small' : 'small'} title={s.warning}>
                  {s.warning ?? ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Lower is better for errors, higher for AUC: the metric's sentence says which. */
function bestOf(model: ModelVersionInfo): string | null {
  const higher = /higher is better/.test(model.baselineMetric ?? '');
  const finite = model.baselines.filter((b) => Number.isFinite(b.value));
  if (finite.length === 0) return null;
  return finite.reduce((a, b) => ((higher ? b.value > a.value : b.value < a.value) ? b : a)).name;
}

function OlderVersions({ versions }: { versions: ModelVersionInfo[] }) {
  const times = useTimeFormat();
  return (
    <section className="panel">
      <h2 className="plain-title">Earlier versions</h2>
      <div className="table-scroll">
        <table className="data-table compact model-versions" data-testid="older-versions">
          <thead>
            <tr>
              <th>Model</th>
              <th>Trained</th>
              <th>Data</th>
              <th className="num">Cases</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.id}>
                <td>{v.label}</td>
                <td title={times.title(v.createdAt)}>{times.moment(v.createdAt)}</td>
                <td className="mono">{v.dataFingerprint}</td>
                <td className="num">{formatCount(v.basis.cases)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
