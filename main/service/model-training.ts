import type { LogFilter, TrainableModel, TrainedModel, TrainingRequest, TrainingResult } from '../../preload/api.ts';
import { filterMask } from '../engine/analysis/index.ts';
import { CancelledError, describeInputError, InputError, ReportedError, throwIfCancelled } from '../engine/errors.ts';
import type { EventLog } from '../engine/eventlog/index.ts';
import { workspaceMeasures } from '../engine/measures/index.ts';
import type { Workspace } from '../engine/workspace/index.ts';
import { driftSince, scoreFindings, subLog, trainAnomalyModel } from '../../models/anomaly/index.ts';
import { machineTimeZone } from '../engine/import/timestamps/index.ts';
import {
  bottleneckEntry,
  bottlenecksNow,
  runningCaseEntry,
  trainBottleneckModel,
  trainRunningCaseModel,
  type RunningCaseTarget,
} from '../../models/predict/index.ts';
import { FindingsStore, ModelRegistry, type DataBasis } from '../../models/registry/index.ts';
import type { JobProgress } from './job-queue.ts';
import { WorkspaceSessions } from './workspace-sessions.ts';

/** What a training job's thread is sent: plain JSON (the workspace by its absolute path). */
export interface TrainingInput extends TrainingRequest {
  workspace: string;
}

/** The fewest cases any model learns from: below it "usual" cannot be told from chance. */
export const MIN_TRAINING_CASES = 50;

const HOURS_PER: Record<string, number> = { seconds: 1 / 3600, minutes: 1 / 60, hours: 1, days: 24 };

/** The workspace's SLA target in hours (measures.json), or null when none is set. */
export function measuresSlaHours(ws: Workspace): number | null {
  try {
    const target = workspaceMeasures(ws.path).parameters.slaTarget;
    return target ? target.value * HOURS_PER[target.unit] : null;
  } catch {
    // A broken measures.json is reported by the measures views; training just asks for the SLA.
    return null;
  }
}

/** Why the log itself rules a model out (whatever is chosen), or null. */
export function logRulesOut(kind: TrainableModel, log: EventLog): string | null {
  if (log.caseCount < MIN_TRAINING_CASES)
    return `it needs at least ${MIN_TRAINING_CASES} cases (the log has ${log.caseCount})`;
  return null;
}

/** Null when the log supports the model with this request, else why not, in words. */
export function whyNotTrainable(
  kind: TrainableModel,
  log: EventLog,
  request: TrainingRequest,
  slaHours: number | null,
): string | null {
  const ruledOut = logRulesOut(kind, log);
  if (ruledOut) return ruledOut;
  switch (kind) {
    case 'anomaly':
    case 'remaining-time':
    case 'bottleneck':
      return null;
    case 'sla-breach':
      return slaHours === null
        ? 'it needs the SLA in hours (--sla HOURS on the command line, the SLA field in Models, or an SLA target in the measures)'
        : null;
    case 'outcome':
      if (!request.outcome)
        return 'it needs the activity whose reaching it predicts (--outcome ACTIVITY, or the outcome field in Models): an escalation, a rework step';
      return log.activities.includes(request.outcome) ? null : `"${request.outcome}" is not an activity of this log`;
  }
}

const ORDER: readonly TrainableModel[] = ['anomaly', 'remaining-time', 'sla-breach', 'outcome', 'bottleneck'];

/**
 * One training run: the models asked for (or every model the log supports), each stored in the
 * workspace's registry with its data fingerprint, the anomaly model's findings scored. Runs on a
 * thread of its own (main/worker/training-thread.ts) with its own connection to the workspace,
 * so the engine thread keeps answering the map; progress counts models (done = finished + the
 * share of the one in hand).
 */
export async function trainModels(
  input: TrainingInput,
  progress: JobProgress,
  signal?: AbortSignal,
): Promise<TrainingResult> {
  const sessions = new WorkspaceSessions(input.workspace);
  try {
    const { workspace, log, basis } = sessions.currentLog(input.workspace);
    const slaHours = input.slaHours ?? measuresSlaHours(workspace);
    const filters: LogFilter[] = input.filters ?? [];
    const mask = filterMask(log, filters);
    const wanted = input.models?.length ? ORDER.filter((k) => input.models!.includes(k)) : ORDER;
    const skipped: TrainingResult['skipped'] = [];
    const plan: TrainableModel[] = [];
    for (const kind of wanted) {
      const why = whyNotTrainable(kind, log, input, slaHours);
      if (why === null) plan.push(kind);
      else if (input.models?.length) throw new InputError(`The ${kind} model cannot be trained on this log: ${why}.`);
      else skipped.push({ kind, reason: why });
    }
    if (plan.length === 0)
      throw new InputError('No model can be trained on this log.', {
        hint: skipped.map((s) => `${s.kind}: ${s.reason}.`).join(' '),
      });
    const dataBasis: Omit<DataBasis, 'cases' | 'events'> = {
      importId: basis.importId,
      fileName: basis.fileName,
      sha256: basis.sha256,
      fixesInForce: basis.fixesInForce.map((f) => ({ id: f.id, kind: f.fix.kind })),
      filters,
    };
    // Hours and weekdays in the zone people worked in: as asked, else the machine's (as calendars).
    const zone = input.timeZone ?? machineTimeZone();
    const models: TrainedModel[] = [];
    // Every version stored so far, so a failure can say exactly what the workspace now holds.
    const saved: string[] = [];
    for (const [i, kind] of plan.entries()) {
      throwIfCancelled(signal);
      const step = (phase: string, share: number) =>
        progress(`${kind}: ${phase}`, i + Math.min(1, Math.max(0, share)), plan.length);
      step('starting', 0);
      const context: TrainingContext = {
        ws: workspace,
        log,
        mask,
        basis: dataBasis,
        timeZone: zone,
        step,
        signal,
        saved: (label) => saved.push(label),
      };
      try {
        if (kind === 'anomaly') models.push(await trainAnomaly(context));
        else if (kind === 'bottleneck') models.push(trainBottleneck(context, input.endActivities));
        else
          models.push(trainRunningCase(context, targetOf(kind, input, slaHours), input.endActivities, input.segmentBy));
      } catch (error) {
        // A model the log cannot support (too few completed cases, no waits to learn from) is
        // skipped with its reason; the models before and after it are still trained.
        if (error instanceof InputError) skipped.push({ kind, reason: lowerFirst(describeInputError(error)) });
        else if (error instanceof CancelledError) throw error;
        else throw failedAfter(kind, error, saved);
      }
      progress(`${kind}: done`, i + 1, plan.length);
    }
    if (models.length === 0)
      throw new InputError('No model could be trained on this log.', {
        hint: skipped.map((s) => `${s.kind}: ${s.reason}`).join(' '),
      });
    return { models, skipped };
  } finally {
    sessions.closeAll();
  }
}

/**
 * A fault of ours while training one model, worded with exactly what the workspace now holds:
 * the versions saved before it stay (each is complete and current), nothing else was changed.
 */
export function failedAfter(kind: TrainableModel, error: unknown, saved: readonly string[]): ReportedError {
  const message = error instanceof Error ? error.message : String(error);
  const kept = saved.length
    ? `Saved before it and kept: ${saved.join(', ')}; the ${kind} model was not saved.`
    : 'No model was saved; the workspace was not changed.';
  return new ReportedError({
    kind: 'internal',
    message: `Internal error while training the ${kind} model: ${message}`,
    hint: `${kept} This is a bug in Gemba.`,
  });
}

function targetOf(kind: TrainableModel, request: TrainingRequest, slaHours: number | null): RunningCaseTarget {
  if (kind === 'sla-breach') return { kind, slaHours: slaHours! };
  if (kind === 'outcome') return { kind, activity: request.outcome! };
  return { kind: 'remaining-time' };
}

type Step = (phase: string, share: number) => void;

/** What every model's training gets: the workspace, the log and the cases kept, the data basis, the zone. */
interface TrainingContext {
  ws: Workspace;
  log: EventLog;
  mask: Uint8Array | null;
  basis: Omit<DataBasis, 'cases' | 'events'>;
  timeZone: string;
  step: Step;
  signal?: AbortSignal;
  /** Called with each version as it is stored ("anomaly v3"). */
  saved: (label: string) => void;
}

async function trainAnomaly({
  ws,
  log,
  mask,
  basis,
  timeZone,
  step,
  signal,
  saved,
}: TrainingContext): Promise<TrainedModel> {
  const registry = new ModelRegistry(ws);
  const previous = registry.latest('anomaly');
  const drift = previous ? driftSince(log, mask, previous) : null;
  const model = registry.save(
    trainAnomalyModel(log, { basis, mask, timeZone }, { onProgress: (phase, done) => step(phase, 0.8 * done), signal }),
  );
  saved(model.label);
  step('scoring findings', 0.85);
  const { findings } = await scoreFindings(log, model, { mask }, { signal });
  throwIfCancelled(signal);
  new FindingsStore(ws).record(model.id, basis.importId, findings);
  const counts: Record<string, number> = {};
  for (const f of findings) counts[f.kind] = (counts[f.kind] ?? 0) + 1;
  return {
    kind: 'anomaly',
    modelVersion: model.label,
    dataFingerprint: model.dataFingerprint,
    metrics: model.metrics,
    trainingMs: model.trainingMs,
    findings: counts,
    ...(previous && drift
      ? {
          driftSincePrevious: {
            model: previous.label,
            features: drift.slice(0, 5),
            shifted: drift.filter((d) => d.level === 'shift').length,
          },
        }
      : {}),
  };
}

function trainRunningCase(
  { ws, log, mask, basis, timeZone, step, signal, saved }: TrainingContext,
  target: RunningCaseTarget,
  endActivities: string[] | undefined,
  segmentBy: string | undefined,
): TrainedModel {
  const started = performance.now();
  const training = mask ? subLog(log, mask) : log;
  const { model, evaluation } = trainRunningCaseModel(training, target, {
    endActivities,
    segmentBy,
    timeZone,
    signal,
    onProgress: (s) => step(s.message.toLowerCase(), s.fraction),
  });
  const full: DataBasis = { ...basis, cases: training.caseCount, events: training.eventCount };
  const entry = runningCaseEntry(model, evaluation, full, performance.now() - started);
  // The segment the evaluation was split by, so the fairness view can name it.
  const record = new ModelRegistry(ws).save(segmentBy ? { ...entry, metrics: { ...entry.metrics, segmentBy } } : entry);
  saved(record.label);
  return {
    kind: target.kind,
    modelVersion: record.label,
    dataFingerprint: record.dataFingerprint,
    metrics: record.metrics,
    trainingMs: record.trainingMs,
  };
}

/** Per activity, how its wait responds to workload; findings of kind `bottleneck` name where waits will build now. */
function trainBottleneck(
  { ws, log, mask, basis, timeZone, step, signal, saved }: TrainingContext,
  endActivities: string[] | undefined,
): TrainedModel {
  const started = performance.now();
  const training = mask ? subLog(log, mask) : log;
  const model = trainBottleneckModel(training, {
    endActivities,
    timeZone,
    signal,
    onProgress: (s) => step(s.message.toLowerCase(), 0.9 * s.fraction),
  });
  const record = new ModelRegistry(ws).save(
    bottleneckEntry(
      model,
      { ...basis, cases: training.caseCount, events: training.eventCount },
      performance.now() - started,
    ),
  );
  saved(record.label);
  step('naming where waits build', 0.95);
  const findings = bottlenecksNow(training, model).map((f) => ({
    ...f,
    id: `${record.label.replace(' ', '-')}:${f.activity}`,
    modelVersion: record.label,
    dataFingerprint: record.dataFingerprint,
  }));
  new FindingsStore(ws).record(record.id, basis.importId, findings);
  return {
    kind: 'bottleneck',
    modelVersion: record.label,
    dataFingerprint: record.dataFingerprint,
    metrics: record.metrics,
    trainingMs: record.trainingMs,
    findings: { bottleneck: findings.length },
  };
}

/** "The remaining-time model needs …" reads on after "remaining-time: skipped, ". */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
