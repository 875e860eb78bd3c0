import type {
  AuditEntry,
  FindingDetail,
  FindingsList,
  FindingsRequest,
  FindingStatus,
  FindingSummary,
  FindingUpdate,
  ModelsOverview,
  RunningCasesRequest,
  LogBasis,
  LogFilter,
  RunningCasesView,
  StaleModels,
  TrainableModel,
  TrainingRequest,
} from '../../preload/api.ts';
import { TRAINABLE_MODELS } from '../../preload/api.ts';
import { filterMask } from '../engine/analysis/index.ts';
import { InputError } from '../engine/errors.ts';
import type { EventLog } from '../engine/eventlog/index.ts';
import { eventAnomalies, exceptionTypeIdOf, type AnomalyModelDetails } from '../../models/anomaly/index.ts';
import type { ProcessStatistics } from '../../models/features/index.ts';
import {
  modelInUse,
  predictForRunningCases,
  resolveEndActivities,
  runningCaseModelOf,
  type RunningCaseModels,
  type RunningCaseTarget,
} from '../../models/predict/index.ts';
import { completedCases } from '../../models/predict/end-activities.ts';
import { suggestedSlaTarget } from '../engine/measures/index.ts';
import { FindingsStore, ModelRegistry, type Finding, type ModelRecord } from '../../models/registry/index.ts';
import type { JobWork } from './job-queue.ts';
import type { RunOnThread } from './job-kinds.ts';
import { logRulesOut, measuresSlaHours, trainModels, whyNotTrainable, type TrainingInput } from './model-training.ts';
import { baselineWarning, basisSummary, isStale, modelVersionInfo } from './model-versions.ts';
import type { WorkspaceSessions } from './workspace-sessions.ts';

/** The training thread's module: the TypeScript file in development, the bundle beside this one when built. */
const TRAINING_ENTRY = new URL(
  import.meta.url.endsWith('.ts') ? '../worker/training-thread.ts' : './training-thread.js',
  import.meta.url,
);

const SLA_RISK = 0.5;
const AUDIT_DEFAULT = 200;

/**
 * The models calls of GembaApi over a workspace: training as a job on a thread of its own, the
 * stored model versions, the findings (review state and audit) and the running cases' forecasts.
 */
export class ModelsService {
  /** Forecasts per loaded log and model versions: the list, its filters and a case's row reuse one scoring. */
  private readonly forecasts = new WeakMap<EventLog, Map<string, ReturnType<typeof predictForRunningCases>>>();

  constructor(
    private readonly sessions: WorkspaceSessions,
    private readonly runOnThread?: RunOnThread,
  ) {}

  /** The body of a training job: checked here (so a bad request fails the call), run on its own thread. */
  trainingWork(workspace: string, request: TrainingRequest): JobWork<'train'> {
    const { log, workspace: ws } = this.sessions.currentLog(workspace);
    const slaHours = request.slaHours ?? measuresSlaHours(ws);
    for (const kind of request.models ?? []) {
      const why = whyNotTrainable(kind, log, request, slaHours);
      if (why) throw new InputError(`The ${kind} model cannot be trained on this log: ${why}.`);
    }
    const input: TrainingInput = { ...request, workspace: ws.path };
    const run = this.runOnThread;
    return (signal, progress) =>
      run ? run(TRAINING_ENTRY, input, signal, progress) : trainModels(input, progress, signal);
  }

  async models(workspace: string): Promise<ModelsOverview> {
    const { log, basis, workspace: ws } = this.sessions.currentLog(workspace);
    const registry = new ModelRegistry(ws);
    const listed = registry.list();
    const inUse = new Map([...new Set(listed.map((m) => m.kind))].map((kind) => [kind, modelInUse(registry, kind)!]));
    const versions = listed.map((m) => {
      const use = inUse.get(m.kind)!;
      const current = use.record.id === m.id;
      return modelVersionInfo(registry.get(m.id), current, current ? log : null, basis, current ? use.passedOver : []);
    });
    const slaHours = measuresSlaHours(ws);
    return {
      versions,
      // SLA and outcome also need a choice, which the panel asks for; here only what the log rules out.
      trainable: TRAINABLE_MODELS.map((kind) => {
        const reason = logRulesOut(kind, log);
        return { kind, available: reason === null, reason };
      }),
      activities: [...log.activities].sort((a, b) => a.localeCompare(b)),
      attributes: [...new Set([...log.caseAttributes, ...log.eventAttributes].map((c) => c.name))].sort((a, b) =>
        a.localeCompare(b),
      ),
      slaHours,
      suggestedSlaHours: slaHours === null ? suggestedSla(log) : null,
    };
  }

  async findings(workspace: string, request: FindingsRequest): Promise<FindingsList> {
    const { log, basis, workspace: ws } = this.sessions.currentLog(workspace);
    const all = new FindingsStore(ws).list();
    const counts = new Map<string, { kind: FindingSummary['kind']; status: FindingStatus; n: number }>();
    for (const f of all) {
      const status = f.status ?? 'open';
      const key = `${f.kind}\u0000${status}`;
      const entry = counts.get(key) ?? { kind: f.kind, status, n: 0 };
      entry.n++;
      counts.set(key, entry);
    }
    const mask = filterMask(log, request.filters);
    const kept = mask ? casesKept(log, mask) : null;
    const registry = new ModelRegistry(ws);
    const behind = [...new Set(all.map((f) => f.modelVersion))]
      .map((label) => modelOf(registry, label))
      .filter((m) => m !== null);
    const findings = all
      .filter(
        (f) =>
          (!request.kind || f.kind === request.kind) && (!request.status || (f.status ?? 'open') === request.status),
      )
      .filter((f) => !kept || f.case === undefined || kept.has(f.case))
      .slice(0, request.top ?? Infinity)
      .map(summary);
    return {
      findings,
      total: all.length,
      counts: [...counts.values()],
      stale: staleModels(
        behind.map((m) => registry.get(m.id)),
        basis,
      ),
    };
  }

  async finding(workspace: string, id: string): Promise<FindingDetail> {
    const { log, workspace: ws } = this.sessions.currentLog(workspace);
    const store = new FindingsStore(ws);
    const finding = store.get(id);
    const registry = new ModelRegistry(ws);
    const model = modelOf(registry, finding.modelVersion);
    const caseIndex = finding.case !== undefined ? log.caseIds.indexOf(finding.case) : -1;
    const audit = ws
      .auditTrail()
      .filter((e) => (e.details as { findingId?: unknown } | null)?.findingId === id)
      .reverse();
    return {
      ...summary(finding),
      caseIndex: caseIndex >= 0 ? caseIndex : null,
      explanationUnit:
        finding.kind === 'bottleneck'
          ? `hours of wait before ${finding.activity ?? 'the activity'}: under the workload at the last moment with the usual work in progress, each cause adding its hours in turn`
          : finding.kind === 'exception-type'
            ? 'anomaly score, averaged over the cases of this type: each feature adds how many times rarer than usual its value is (log10 of 1 + the score is the rarity)'
            : 'anomaly score: each feature adds how many times rarer than usual its value is (log10 of 1 + the score is the rarity)',
      model: {
        label: finding.modelVersion,
        createdAt: model?.createdAt ?? '',
        dataFingerprint: finding.dataFingerprint,
        basis: model ? basisSummary(model) : emptyBasis(),
      },
      audit,
      members:
        finding.kind === 'exception-type' && model
          ? typeMembers(store, id, finding.modelVersion, registry.get(model.id))
          : [],
      unusualEvents:
        finding.kind === 'anomaly' && caseIndex >= 0 && model
          ? unusualEventsOf(log, caseIndex, registry.get(model.id))
          : [],
    };
  }

  async updateFinding(workspace: string, id: string, update: FindingUpdate): Promise<FindingDetail> {
    const ws = this.sessions.get(workspace);
    const store = new FindingsStore(ws);
    if (update.status === undefined && (update.comment === undefined || update.comment.trim() === '')) {
      throw new InputError('Nothing to change: give a status (accepted, dismissed or open) or a comment.');
    }
    const before = store.get(id);
    if (update.status !== undefined && update.status !== (before.status ?? 'open')) store.setStatus(id, update.status);
    if (update.comment !== undefined && update.comment.trim() !== '') store.comment(id, update.comment);
    return this.finding(workspace, id);
  }

  async runningCases(workspace: string, request: RunningCasesRequest): Promise<RunningCasesView> {
    const { log, basis, workspace: ws } = this.sessions.currentLog(workspace);
    const registry = new ModelRegistry(ws);
    const use = (kind: string) => modelInUse(registry, kind)?.record ?? null;
    const records = { remainingTime: use('remaining-time'), slaBreach: use('sla-breach'), outcome: use('outcome') };
    const used = Object.values(records).filter((r): r is ModelRecord => r !== null);
    if (used.length === 0) {
      throw new InputError('No model for running cases is trained yet.', {
        hint: 'Train the remaining-time model (and the SLA-breach model with an SLA) in Models.',
      });
    }
    const key = JSON.stringify([used.map((r) => r.id), request.endActivities ?? null]);
    let cache = this.forecasts.get(log);
    if (!cache) this.forecasts.set(log, (cache = new Map()));
    let forecast = cache.get(key);
    if (!forecast) {
      const models: RunningCaseModels = {};
      if (records.remainingTime) models.remainingTime = runningCaseModelOf(records.remainingTime);
      if (records.slaBreach) models.slaBreach = runningCaseModelOf(records.slaBreach);
      if (records.outcome) models.outcome = runningCaseModelOf(records.outcome);
      forecast = predictForRunningCases(log, models, { endActivities: request.endActivities });
      cache.clear();
      cache.set(key, forecast);
    }
    const mask = filterMask(log, request.filters);
    const kept = mask ? casesKept(log, mask) : null;
    const index = new Map(log.caseIds.map((id, i) => [id, i]));
    const rows = forecast.predictions.filter((p) => !kept || kept.has(p.case));
    const sla = records.slaBreach ? runningCaseModelOf(records.slaBreach).target : null;
    return {
      basis,
      now: forecast.now,
      endActivities: forecast.endActivities,
      runningCases: rows.length,
      atRisk: rows.filter((p) => (p.slaBreachProbability ?? 0) >= SLA_RISK).length,
      models: used.map((r) => r.label),
      stale: staleModels(used, basis),
      baselineWarnings: used.flatMap((r) => {
        const warning = baselineWarning(r, true, []);
        return warning ? [`${r.label}: ${warning}`] : [];
      }),
      slaHours: sla?.kind === 'sla-breach' ? sla.slaHours : null,
      cases: rows.slice(0, request.top ?? Infinity).map((p) => ({ ...p, caseIndex: index.get(p.case) ?? -1 })),
    };
  }

  async auditTrail(workspace: string, request: { limit?: number }): Promise<AuditEntry[]> {
    const entries = this.sessions.get(workspace).auditTrail();
    return entries.reverse().slice(0, request.limit ?? AUDIT_DEFAULT);
  }
}

/** The models among these trained on other data than the log now, with the request that trains them again alike. */
function staleModels(records: readonly ModelRecord[], basis: LogBasis): StaleModels | null {
  const stale = records.filter((r) => isStale(r, basis));
  if (stale.length === 0) return null;
  const retrain: TrainingRequest = { models: [...new Set(stale.map((r) => r.kind as TrainableModel))] };
  for (const r of stale) {
    const details = r.details as { target?: RunningCaseTarget; endActivities?: string[] } | null;
    if (details?.target?.kind === 'sla-breach') retrain.slaHours = details.target.slaHours;
    if (details?.target?.kind === 'outcome') retrain.outcome = details.target.activity;
    // End activities the user named are kept; inferred ones are inferred again on the new data.
    if (r.basis.filters.length) retrain.filters = r.basis.filters as LogFilter[];
  }
  return { models: stale.map((r) => r.label), retrain };
}

/** The unusual cases of an exception type: the model's case findings whose top feature puts them in it. */
function typeMembers(
  store: FindingsStore,
  typeId: string,
  label: string,
  model: ModelRecord,
): FindingDetail['members'] {
  const features = (model.details as AnomalyModelDetails | null)?.features ?? [];
  return store
    .list({ kind: 'anomaly' })
    .filter((f) => f.modelVersion === label && f.case !== undefined && exceptionTypeIdOf(f, features) === typeId)
    .map((f) => ({ findingId: f.id, case: f.case!, score: f.score }));
}

const HOURS_PER_UNIT: Record<string, number> = { seconds: 1 / 3600, minutes: 1 / 60, hours: 1, days: 24 };

/** The measures' suggestion (p90 of completed cases' durations), or null where no case is seen to end. */
function suggestedSla(log: EventLog): number | null {
  let ends: string[];
  try {
    ends = resolveEndActivities(log, undefined);
  } catch {
    return null;
  }
  const target = suggestedSlaTarget(log, completedCases(log, ends));
  return target ? target.value * HOURS_PER_UNIT[target.unit] : null;
}

const UNUSUAL_EVENTS = 5;

/** The case's events that are unusual for their activity, against the statistics the model learned. */
function unusualEventsOf(log: EventLog, caseIndex: number, model: ModelRecord): FindingDetail['unusualEvents'] {
  const only = new Uint8Array(log.caseCount);
  only[caseIndex] = 1;
  return eventAnomalies(log, model.encoding as ProcessStatistics, { top: UNUSUAL_EVENTS, cases: only }).map((e) => ({
    position: e.event - log.caseStart[caseIndex],
    activity: e.activity,
    cause: e.cause,
    reason: e.reason,
    at: e.at,
    score: e.score,
  }));
}

function summary(f: Finding): FindingSummary {
  return { ...f, status: f.status ?? 'open', comments: f.comments ?? [] };
}

function casesKept(log: EventLog, mask: Uint8Array): Set<string> {
  const kept = new Set<string>();
  for (let c = 0; c < log.caseCount; c++) if (mask[c]) kept.add(log.caseIds[c]);
  return kept;
}

function modelOf(registry: ModelRegistry, label: string) {
  return registry.list().find((m) => m.label === label) ?? null;
}

function emptyBasis(): FindingDetail['model']['basis'] {
  return { importId: 0, fileName: '', sha256: '', cases: 0, events: 0, fixes: 0, filters: 0 };
}
