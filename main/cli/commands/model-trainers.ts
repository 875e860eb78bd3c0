import type { EventLog } from '../../engine/eventlog/event-log.ts';
import type { Workspace } from '../../engine/workspace/workspace.ts';
import { driftSince, scoreFindings, trainAnomalyModel } from '../../../models/anomaly/index.ts';
import { FindingsStore, ModelRegistry, type DataBasis, type ModelKind } from '../../../models/registry/index.ts';
import type { ParsedArgs } from '../args.ts';
import { flag, flagValues } from '../args.ts';
import { InputError } from '../../engine/errors.ts';
import { compactLog } from '../../engine/eventlog/compact-log.ts';
import { machineTimeZone } from '../../engine/import/timestamps/index.ts';
import { bottlenecksNow, trainBottleneckModel, trainRunningCaseModel, bottleneckEntry, runningCaseEntry, type RunningCaseTarget } from '../../../models/predict/index.ts';

/** What one trainer gets: the current log (filters as a mask), its basis, the workspace, the command's flags. */
export interface TrainInput {
  workspace: Workspace;
  log: EventLog;
  mask: Uint8Array | null;
  basis: Omit<DataBasis, 'cases' | 'events'>;
  args: ParsedArgs;
  onProgress: (phase: string, done: number) => void;
}

/** What `gemba train --json` prints per model. */
export interface TrainOutcome {
  kind: ModelKind;
  modelVersion: string;
  dataFingerprint: string;
  metrics: Record<string, number | string | null>;
  trainingMs: number;
  findings?: Record<string, number>;
  /** Feature drift of the current log against the previous version's training data (PSI, largest first). */
  driftSincePrevious?: { model: string; features: { feature: string; psi: number; level: string }[]; shifted: number };
}

export interface ModelTrainer {
  kind: ModelKind;
  summary: string;
  /** Extra flags the trainer reads (added to the command's value flags). */
  valueFlags: readonly string[];
  /** Null when the log supports this model, else why not (then `gemba train` without --model skips it). */
  unsupported(log: EventLog, args: ParsedArgs): string | null;
  train(input: TrainInput): Promise<TrainOutcome>;
}

const anomalyTrainer: ModelTrainer = {
  kind: 'anomaly',
  summary: 'case anomalies (tail-probability ensemble over process-aware features), scored into findings and exception types',
  valueFlags: ['timezone'],
  unsupported: (log) => (log.caseCount < 50 ? `it needs at least 50 cases (the log has ${log.caseCount})` : null),
  async train({ workspace, log, mask, basis, args, onProgress }) {
    // Hours and weekdays in the zone people worked in: --timezone, else the machine's (as calendars).
    const timeZone = flag(args, 'timezone') ?? machineTimeZone();
    const registry = new ModelRegistry(workspace);
    const previous = registry.latest('anomaly');
    const drift = previous ? driftSince(log, previous, mask) : null;
    const model = registry.save(trainAnomalyModel(log, { basis, mask, timeZone }, { onProgress }));
    onProgress('scoring findings', 1);
    const { findings } = await scoreFindings(log, model, { mask });
    new FindingsStore(workspace).record(model.id, basis.importId, findings);
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
        ? { driftSincePrevious: { model: previous.label, features: drift.slice(0, 5), shifted: drift.filter((d) => d.level === 'shift').length } }
        : {}),
    };
  },
};


// Running-case and bottleneck models (models/predict). Training is a pure function; here it is
// stored in the registry with its evaluation, and bottleneck findings are recorded.

/** The log the trainers see: only the cases the filters keep. */
function keptLog(log: EventLog, mask: Uint8Array | null): EventLog {
  if (!mask) return log;
  const keep = new Uint8Array(log.eventCount);
  for (let c = 0; c < log.caseCount; c++) if (mask[c]) keep.fill(1, log.caseStart[c], log.caseStart[c + 1]);
  return compactLog(log, { keep });
}

function runningCaseTrainer(kind: 'remaining-time' | 'sla-breach' | 'outcome', summary: string, target: (args: ParsedArgs) => RunningCaseTarget, needs: (args: ParsedArgs) => string | null): ModelTrainer {
  return {
    kind,
    summary,
    valueFlags: ['sla', 'outcome', 'end-activity', 'segment-by', 'timezone'],
    unsupported: (log, args) => needs(args) ?? (log.caseCount < 50 ? `it needs at least 50 cases (the log has ${log.caseCount})` : null),
    async train({ workspace, log, mask, basis, args, onProgress }) {
      const started = performance.now();
      const data = keptLog(log, mask);
      const endActivities = flagValues(args, 'end-activity');
      const { model, evaluation } = trainRunningCaseModel(data, target(args), {
        endActivities: endActivities.length ? endActivities : undefined,
        segmentBy: flag(args, 'segment-by'),
        timeZone: flag(args, 'timezone') ?? machineTimeZone(),
        onProgress: (step) => onProgress(step.message, step.fraction),
      });
      const record = new ModelRegistry(workspace).save(runningCaseEntry(model, evaluation, { ...basis, cases: data.caseCount, events: data.eventCount }, performance.now() - started));
      return { kind, modelVersion: record.label, dataFingerprint: record.dataFingerprint, metrics: record.metrics, trainingMs: record.trainingMs };
    },
  };
}

/** --sla HOURS as a positive number, or null when absent. */
export function slaHoursOf(args: ParsedArgs): number | null {
  const text = flag(args, 'sla');
  if (text === undefined) return null;
  const hours = Number(text);
  if (!(hours > 0) || !Number.isFinite(hours)) throw new InputError(`--sla must be a positive number of hours, not "${text}".`, { hint: 'For example --sla 72 for three days.' });
  return hours;
}

const remainingTimeTrainer = runningCaseTrainer('remaining-time', 'remaining time of running cases (GBDT on prefixes, against the benchmarks’ baselines)', () => ({ kind: 'remaining-time' }), () => null);
const slaBreachTrainer = runningCaseTrainer(
  'sla-breach',
  'probability that a running case breaches the SLA (--sla HOURS)',
  (args) => ({ kind: 'sla-breach', slaHours: slaHoursOf(args)! }),
  (args) => (slaHoursOf(args) === null ? 'it needs the SLA in hours (--sla HOURS)' : null),
);
const outcomeTrainer = runningCaseTrainer(
  'outcome',
  'probability that a running case will reach an activity (--outcome ACTIVITY: escalation, rework, a defect step)',
  (args) => ({ kind: 'outcome', activity: flag(args, 'outcome')! }),
  (args) => (flag(args, 'outcome') === undefined ? 'it needs the activity to predict (--outcome ACTIVITY)' : null),
);

const bottleneckTrainer: ModelTrainer = {
  kind: 'bottleneck',
  summary: 'per activity, how its waiting time responds to workload; bottleneck findings name where waits will build',
  valueFlags: ['end-activity', 'timezone'],
  unsupported: (log) => (log.caseCount < 50 ? `it needs at least 50 cases (the log has ${log.caseCount})` : null),
  async train({ workspace, log, mask, basis, args, onProgress }) {
    const started = performance.now();
    const data = keptLog(log, mask);
    const endActivities = flagValues(args, 'end-activity');
    const model = trainBottleneckModel(data, { endActivities: endActivities.length ? endActivities : undefined, timeZone: flag(args, 'timezone') ?? machineTimeZone(), onProgress: (s) => onProgress(s.message, s.fraction) });
    const record = new ModelRegistry(workspace).save(bottleneckEntry(model, { ...basis, cases: data.caseCount, events: data.eventCount }, performance.now() - started));
    const findings = bottlenecksNow(data, model).map((f) => ({ ...f, id: `${record.label.replace(' ', '-')}:${f.activity}`, modelVersion: record.label, dataFingerprint: record.dataFingerprint }));
    new FindingsStore(workspace).record(record.id, basis.importId, findings);
    return { kind: 'bottleneck', modelVersion: record.label, dataFingerprint: record.dataFingerprint, metrics: record.metrics, trainingMs: record.trainingMs, findings: { bottleneck: findings.length } };
  },
};

export const PREDICTION_TRAINERS: readonly ModelTrainer[] = [remainingTimeTrainer, slaBreachTrainer, outcomeTrainer, bottleneckTrainer];

/** The models `gemba train` can train, in the order it trains them; add a trainer here and it is offered. */
export const MODEL_TRAINERS: readonly ModelTrainer[] = [anomalyTrainer, ...PREDICTION_TRAINERS];
