import { useEffect, useState } from 'react';
import type { ModelsOverview, TrainableModel, UserFacingError } from '../../../preload/api.ts';
import { toUserFacingError } from '../../api/gemba-error.ts';
import { useLogFilters } from '../../app/filter-store.ts';
import { useWorkbench, useWorkspace } from '../../app/workbench.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { progressPercent, plural } from '../../components/format.ts';
import { ProgressBar } from '../../components/progress-bar.tsx';
import { useAsync } from '../../components/use-async.ts';
import { FilterChips } from '../map/filter-bar.tsx';
import { ModelVersions } from './model-versions.tsx';
import { RecentActivity } from './recent-activity.tsx';
import { trainingFraction, trainingPhase, useTrainingJob } from './training-job.ts';
import '../findings/findings.css';
import { SelectField } from '../../components/select-field.tsx';

export const MODEL_WORDS: Record<TrainableModel, { title: string; what: string }> = {
  anomaly: {
    title: 'Unusual cases',
    what: 'what is usual in this process, and the cases that depart from it (findings, exception types)',
  },
  'remaining-time': { title: 'Remaining time', what: 'how long each running case still needs' },
  'sla-breach': { title: 'SLA risk', what: 'the probability that a running case breaches the SLA' },
  outcome: { title: 'Outcome', what: 'the probability that a running case reaches an activity (escalation, rework…)' },
  bottleneck: {
    title: 'Bottlenecks',
    what: 'how each activity’s wait responds to workload, and where waits will build',
  },
};

/**
 * The local models: train them on the log (a job on its own thread, with progress per model and
 * cancel; the map stays responsive meanwhile), then every stored version with its metrics beside
 * the baselines it must beat, the data it was trained on and how the data drifted since.
 */
export function ModelsView() {
  const { api, logVersion, navigate } = useWorkbench();
  const workspace = useWorkspace();
  const [version, setVersion] = useState(0);
  const overview = useAsync(() => api.models(workspace.path), [api, workspace.path, logVersion, version]);
  const job = useTrainingJob(api, () => setVersion((v) => v + 1));

  return (
    <div className="view" data-testid="models-view">
      <header className="view-header">
        <div>
          <h1>Models</h1>
          <p className="muted">
            Trained and run on this machine (ONNX, CPU). Every model is versioned with the data it learned from.
          </p>
        </div>
        <div className="button-row">
          <button type="button" onClick={() => navigate('findings')} data-testid="models-to-findings">
            Findings
          </button>
          <button type="button" onClick={() => navigate('running')} data-testid="models-to-running">
            Running cases
          </button>
        </div>
      </header>
      {overview.status === 'failed' ? (
        <ErrorPanel error={overview.error} title="The models could not be listed" />
      ) : null}
      {overview.value ? <TrainPanel overview={overview.value} job={job} /> : null}
      {overview.value ? <ModelVersions versions={overview.value.versions} /> : <p className="muted">Loading…</p>}
      <RecentActivity version={version} />
    </div>
  );
}

function TrainPanel({ overview, job }: { overview: ModelsOverview; job: ReturnType<typeof useTrainingJob> }) {
  const { api, navigate } = useWorkbench();
  const workspace = useWorkspace();
  const filters = useLogFilters(workspace.path);
  const available = overview.trainable.filter((t) => t.available).map((t) => t.kind);
  const [chosen, setChosen] = useState<TrainableModel[]>(() =>
    available.filter(
      (k) =>
        k === 'anomaly' ||
        k === 'remaining-time' ||
        k === 'bottleneck' ||
        (k === 'sla-breach' && overview.slaHours !== null),
    ),
  );
  const startingSla = overview.slaHours ?? overview.suggestedSlaHours;
  const [sla, setSla] = useState(startingSla !== null ? String(startingSla) : '');
  const [outcome, setOutcome] = useState('');
  const [segmentBy, setSegmentBy] = useState('');
  const predicting = chosen.some((k) => k === 'remaining-time' || k === 'sla-breach' || k === 'outcome');
  const slaValue = Number(sla.replace(',', '.'));
  const slaProblem =
    chosen.includes('sla-breach') && !(sla.trim() !== '' && Number.isFinite(slaValue) && slaValue > 0)
      ? 'The SLA risk model needs the SLA as a number of hours above 0, e.g. 72.'
      : null;
  const [error, setError] = useState<UserFacingError | null>(null);
  const [starting, setStarting] = useState(false);
  useEffect(() => {
    if (outcome === '' && chosen.includes('outcome') && overview.activities.length > 0)
      setOutcome(overview.activities[0]);
  }, [chosen, outcome, overview.activities]);

  const toggle = (kind: TrainableModel) =>
    setChosen((c) => (c.includes(kind) ? c.filter((k) => k !== kind) : [...c, kind]));
  const train = async () => {
    setError(null);
    setStarting(true);
    try {
      const slaHours = sla.trim() === '' ? undefined : slaValue;
      const { jobId } = await api.startTraining(workspace.path, {
        models: chosen,
        ...(chosen.includes('sla-breach') && slaHours !== undefined ? { slaHours } : {}),
        ...(chosen.includes('outcome') && outcome ? { outcome } : {}),
        ...(filters.length ? { filters } : {}),
        ...(predicting && segmentBy ? { segmentBy } : {}),
      });
      job.start(jobId);
    } catch (e) {
      setError(toUserFacingError(e));
    } finally {
      setStarting(false);
    }
  };
  const running = job.running;
  const fraction = running ? trainingFraction(running) : null;
  const phase = running ? trainingPhase(running.phase) : null;

  return (
    <section className="panel train-form" data-testid="train-panel">
      <h2 className="plain-title">Train</h2>
      <div className="train-models" role="group" aria-label="Models to train">
        {overview.trainable.map((t) => (
          <label key={t.kind} className="checkbox" title={t.reason ?? MODEL_WORDS[t.kind].what}>
            <input
              type="checkbox"
              checked={chosen.includes(t.kind)}
              disabled={!t.available || running !== null}
              onChange={() => toggle(t.kind)}
              data-testid={`train-model-${t.kind}`}
            />
            <span>
              <strong>{MODEL_WORDS[t.kind].title}</strong>{' '}
              <span className="muted small">{t.available ? MODEL_WORDS[t.kind].what : t.reason}</span>
            </span>
          </label>
        ))}
      </div>
      <div className="button-row">
        {chosen.includes('sla-breach') ? (
          <label className="field">
            <span className="field-label">SLA in hours</span>
            <input
              type="text"
              inputMode="decimal"
              value={sla}
              onChange={(e) => setSla(e.target.value)}
              data-testid="train-sla"
              aria-label="SLA in hours"
            />
            <span className="muted small">
              {overview.slaHours !== null
                ? 'the SLA target of the measures'
                : overview.suggestedSlaHours !== null
                  ? `suggested: 9 in 10 completed cases finish within ${overview.suggestedSlaHours} h`
                  : 'no SLA target set in the measures'}
            </span>
          </label>
        ) : null}
        {chosen.includes('outcome') ? (
          <SelectField
            label="Outcome: reaching the activity"
            value={outcome}
            choices={overview.activities}
            onChange={setOutcome}
            testId="train-outcome"
          />
        ) : null}
        {predicting && overview.attributes.length > 0 ? (
          <SelectField
            label="Fairness view by"
            value={segmentBy}
            none="no segment"
            choices={overview.attributes}
            onChange={setSegmentBy}
            testId="train-segment"
          />
        ) : null}
      </div>
      {filters.length > 0 ? (
        <div className="small">
          Trains on the cases the filters keep: <FilterChips compact />
        </div>
      ) : (
        <p className="muted small">Trains on every case of the log (filters in force would narrow it).</p>
      )}
      {slaProblem ? (
        <p className="problems small" data-testid="train-problem">
          {slaProblem}
        </p>
      ) : null}
      <div className="button-row">
        <button
          type="button"
          className="primary"
          disabled={chosen.length === 0 || running !== null || starting || slaProblem !== null}
          onClick={() => void train()}
          data-testid="start-training"
        >
          {chosen.length > 1 ? `Train ${chosen.length} models` : 'Train'}
        </button>
      </div>
      {running ? (
        <div data-testid="training-progress" aria-live="polite">
          <ProgressBar fraction={fraction} label="Training progress" />
          <div className="progress-facts">
            <span data-testid="training-phase">
              {phase?.model ? (
                <strong>{MODEL_WORDS[phase.model as TrainableModel]?.title ?? phase.model}</strong>
              ) : null}{' '}
              {phase?.step === 'queued' ? 'waiting to start…' : phase?.step}
            </span>
            <span data-testid="training-percent">{fraction !== null ? `${progressPercent(fraction)}%` : ''}</span>
            <span>
              {running.total > 1
                ? `model ${Math.min(running.total, Math.floor(running.done) + 1)} of ${running.total}`
                : ''}
            </span>
          </div>
          <p className="muted small">
            Training runs on a thread of its own: the map and the other views keep answering. Cancelling stores nothing
            of the model in hand.
          </p>
          <button type="button" onClick={job.cancel} data-testid="cancel-training">
            Cancel training
          </button>
        </div>
      ) : null}
      {error ? <ErrorPanel error={error} title="Training could not start" onDismiss={() => setError(null)} /> : null}
      {job.error ? <ErrorPanel error={job.error} title="Training failed" /> : null}
      {job.cancelled ? (
        <p className="notice">
          Training cancelled. Models finished before the cancel are kept; the one in hand was not stored.
        </p>
      ) : null}
      {job.result ? (
        <div className="notes" data-testid="training-result">
          <p>
            Trained {job.result.models.map((m) => m.modelVersion).join(', ')}.
            {job.result.models.some((m) => m.findings) ? (
              <>
                {' '}
                {plural(
                  job.result.models.reduce((s, m) => s + Object.values(m.findings ?? {}).reduce((a, b) => a + b, 0), 0),
                  'finding',
                )}
                .{' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => navigate('findings')}
                  data-testid="open-findings"
                >
                  Open the findings
                </button>
              </>
            ) : null}
          </p>
          {job.result.skipped.map((s) => (
            <p key={s.kind} className="muted small">
              {MODEL_WORDS[s.kind].title}: skipped, {s.reason}.
            </p>
          ))}
        </div>
      ) : null}
    </section>
  );
}
