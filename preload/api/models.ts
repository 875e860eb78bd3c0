/**
 * Local models: training (a job on a thread of its own), the model versions with their metrics,
 * baselines and drift, the findings each with its explanation, and the running cases with their
 * remaining time and SLA risk. Governance: every user action on a finding is audited, and the
 * audit trail is readable here.
 */
import type { LogBasis } from './analysis.ts';
import type { LogFilter } from './filters.ts';
import type { CallKinds, JobStarted } from './calls.ts';

/** Every model Gemba can train (models/registry/model-kinds.ts keeps the same names). */
export const TRAINABLE_MODELS = ['anomaly', 'remaining-time', 'sla-breach', 'outcome', 'bottleneck'] as const;
export type TrainableModel = (typeof TRAINABLE_MODELS)[number];

export const FINDING_KINDS = ['anomaly', 'exception-type', 'bottleneck'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const FINDING_STATUSES = ['open', 'accepted', 'dismissed'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export interface TrainingRequest {
  /** The models to train; every model the log supports when absent. */
  models?: TrainableModel[];
  /** The SLA in hours for the SLA-breach model (default: the measures' SLA target, else none). */
  slaHours?: number;
  /** The activity whose reaching the outcome model predicts (an escalation, a rework step…). */
  outcome?: string;
  /** Activities that end a case; inferred from the log when absent. */
  endActivities?: string[];
  /** Train on the cases these filters keep (the filters in force in the views). */
  filters?: LogFilter[];
  /** IANA zone people worked in, for hours and weekdays of the features; default the machine's zone. */
  timeZone?: string;
  /** A case attribute to show the running-case models' metrics and fairness view by. */
  segmentBy?: string;
}

/** One model a training job produced. */
export interface TrainedModel {
  kind: TrainableModel;
  /** "anomaly v3". */
  modelVersion: string;
  dataFingerprint: string;
  metrics: Record<string, number | string | null>;
  trainingMs: number;
  /** Findings the model's scoring produced, by kind. */
  findings?: Record<string, number>;
  /** Feature drift of the log now against the previous version's training data (PSI, largest first). */
  driftSincePrevious?: { model: string; features: FeatureDriftFigure[]; shifted: number };
}

export interface TrainingResult {
  models: TrainedModel[];
  /** Models not trained, and why (e.g. no SLA given for the SLA-breach model). */
  skipped: { kind: TrainableModel; reason: string }[];
}

/** A score of the model or of a baseline it is measured against, in the metric's unit. */
export interface BaselineFigure {
  name: string;
  value: number;
  /** True for the model's own figure. */
  model?: boolean;
}

export interface FeatureDriftFigure {
  feature: string;
  /** Population stability index: < 0.1 stable, 0.1–0.25 some shift, > 0.25 a shift worth retraining for. */
  psi: number;
  level: 'stable' | 'some shift' | 'shift';
}

/** One stored model version as the Models panel lists it. */
export interface ModelVersionInfo {
  id: number;
  kind: TrainableModel;
  version: number;
  /** "anomaly v3": what findings and the audit trail call it. */
  label: string;
  /** The version findings and predictions use: the newest of its kind that beats its best baseline (else the newest). */
  current: boolean;
  createdAt: string;
  user: string;
  appVersion: string;
  trainingMs: number;
  dataFingerprint: string;
  /** What it was trained on: import, file, fixes, filters, cases, events. */
  basis: {
    importId: number;
    fileName: string;
    sha256: string;
    cases: number;
    events: number;
    fixes: number;
    filters: number;
  };
  /** True when the workspace's current import or fixes differ from what it was trained on. */
  stale: boolean;
  metrics: Record<string, number | string | null>;
  /** The metric the baselines are compared on ("MAE (hours)", "AUC"), or null. */
  baselineMetric: string | null;
  /** The model's figure beside each baseline's (lower is better for errors, higher for AUC). */
  baselines: BaselineFigure[];
  /**
   * Set when a baseline decides whether the version is used: it loses to its best baseline (not
   * used while an earlier version wins; used with this warning when none does), or it is in use
   * because newer versions lost.
   */
  baselineWarning: string | null;
  /** Feature drift, largest first (top 10): between the training data and the cases now. */
  drift: FeatureDriftFigure[];
  /** Where the drift was measured, in words. */
  driftBasis: string | null;
  /**
   * The fairness view of a running-case model trained with `segmentBy`: per segment of the test
   * period's running cases, the error (MAE in hours, or Brier score), flag and outcome rates, and a
   * warning where a segment is flagged or mispredicted out of proportion.
   */
  fairness: { by: string; error: string; segments: SegmentFairness[] } | null;
}

/** One segment's figures in the fairness view. */
export interface SegmentFairness {
  segment: string;
  rows: number;
  /** Regression: mean absolute error; probability: Brier score. */
  error: number;
  /** Probability models: share of rows flagged (probability ≥ threshold) and share actually positive. */
  flagRate?: number;
  positiveRate?: number;
  auc?: number;
  warning?: string;
}

export interface ModelsOverview {
  versions: ModelVersionInfo[];
  /** The models a training can produce on this log, with why not where it cannot. */
  trainable: { kind: TrainableModel; available: boolean; reason: string | null }[];
  /** Activities of the log, for the outcome and end-activity choices. */
  activities: string[];
  /** Case and event attributes, for the segment the fairness view compares. */
  attributes: string[];
  /** The SLA target of the workspace's measures, in hours, when one is set. */
  slaHours: number | null;
  /** When none is set: a starting SLA, the time within which 9 in 10 completed cases finish (rounded up). */
  suggestedSlaHours: number | null;
}

export interface FindingContribution {
  feature: string;
  /** The feature's value for this case (null when missing). */
  value: number | null;
  /** Its TreeSHAP contribution, in the unit of the explanation (`explanationUnit`). */
  contribution: number;
}

/** One finding in the shape `gemba findings --json` prints, with its review state. */
export interface FindingSummary {
  id: string;
  kind: FindingKind;
  case?: string;
  activity?: string;
  score: number;
  /** Share of training cases scoring lower (0..1). */
  confidence: number;
  /** Model output; equals baseValue + Σ contribution. */
  prediction: number;
  baseValue: number;
  explanation: FindingContribution[];
  /** The top conditions in words. */
  conditions: string[];
  kpiEffect: Record<string, number | string | null>;
  modelVersion: string;
  dataFingerprint: string;
  status: FindingStatus;
  comments: { at: string; user: string; text: string }[];
}

export interface FindingsRequest {
  kind?: FindingKind;
  status?: FindingStatus;
  /** At most this many, highest score first. */
  top?: number;
  /** Only findings about cases these filters keep (findings about no single case stay). */
  filters?: LogFilter[];
}

/**
 * Models in use that learned from other data than the log now (another import, other fixes):
 * their findings or forecasts describe that data. `retrain` trains them again with the same
 * settings (SLA, outcome, end activities, filters) on the log now.
 */
export interface StaleModels {
  models: string[];
  retrain: TrainingRequest;
}

export interface FindingsList {
  findings: FindingSummary[];
  /** The models behind these findings that were trained on other data, or null. */
  stale: StaleModels | null;
  /** Findings of the current models before `top`, kind, status and filters. */
  total: number;
  counts: { kind: FindingKind; status: FindingStatus; n: number }[];
}

/** One audit entry: who did what when (imports, fixes, training, scoring, actions on findings). */
export interface AuditEntry {
  id: number;
  at: string;
  user: string;
  appVersion: string;
  action: string;
  importId: number | null;
  details: unknown;
}

export interface FindingDetail extends FindingSummary {
  /** The case's index for caseDetail, when the case is in the current log. */
  caseIndex: number | null;
  /** What the explanation adds up to, in words ("anomaly score: how many times rarer than usual"). */
  explanationUnit: string;
  /** The model's training-data basis and when it was trained. */
  model: { label: string; createdAt: string; dataFingerprint: string; basis: ModelVersionInfo['basis'] };
  /** The audit entries about this finding, newest first. */
  audit: AuditEntry[];
  /** For an exception type: its unusual cases, highest score first (empty for other kinds). */
  members: { findingId: string; case: string; score: number }[];
  /**
   * For an unusual case: its events whose wait, resource or hour is unusual for their activity,
   * most unusual first; `position` is the event's place in the case (0 = first, as caseDetail lists them).
   */
  unusualEvents: {
    position: number;
    activity: string;
    cause: 'wait' | 'resource' | 'hour';
    reason: string;
    at: string;
    score: number;
  }[];
}

export interface FindingUpdate {
  status?: FindingStatus;
  comment?: string;
}

export interface RunningCasesRequest {
  filters?: LogFilter[];
  /** At most this many, highest SLA risk first (then longest remaining time). */
  top?: number;
  endActivities?: string[];
}

export interface RunningCaseRow {
  case: string;
  /** Index for caseDetail. */
  caseIndex: number;
  events: number;
  lastActivity: string;
  lastEventAt: string;
  elapsedSeconds: number;
  remainingSeconds: number | null;
  expectedEnd: string | null;
  slaBreachProbability: number | null;
  outcome: { activity: string; probability: number } | null;
  /** Why: the remaining-time model's contributions (else the SLA model's, else the outcome model's). */
  explanation: FindingContribution[];
  /** What the contributions add up to with `baseValue`: e.g. "remaining hours" or "log-odds of SLA breach". */
  explanationUnit: string;
  baseValue: number;
  /** Sum of the contributions not listed: baseValue + Σ explanation + rest = the model's raw score. */
  otherFeatures: number;
  /** The explained model's raw score (in `explanationUnit`). */
  rawScore: number;
}

export interface RunningCasesView {
  basis: LogBasis;
  /** The moment predicted from: the log's last event. */
  now: string;
  endActivities: string[];
  /** Running cases in the (filtered) log, before `top`. */
  runningCases: number;
  /** Running cases with an SLA-breach probability of 0.5 or more. */
  atRisk: number;
  /** The model versions used. */
  models: string[];
  /** The models used that were trained on other data, or null. */
  stale: StaleModels | null;
  /** Warnings of the models used that lose to their best baseline (shown beside the forecasts). */
  baselineWarnings: string[];
  /** The SLA the breach model was trained for, in hours. */
  slaHours: number | null;
  cases: RunningCaseRow[];
}

export interface UnusualEventsRequest {
  /** Only this case's events (its id as in the imported file); absent: every case. */
  case?: string;
  /** At most this many, most unusual first (default 20). */
  top?: number;
}

/** An event whose wait, resource or hour is unusual for its activity. */
export interface UnusualEvent {
  case: string;
  activity: string;
  /** Index of the event in the log. */
  event: number;
  score: number;
  cause: 'wait' | 'resource' | 'hour';
  reason: string;
  /** When the event completed (ISO 8601, UTC). */
  at: string;
}

export interface UnusualEvents {
  /** Whose usual waits, resources and hours the events are measured against: the newest anomaly model's label, or 'the current log'. */
  statistics: string;
  events: UnusualEvent[];
}

export interface ModelsCalls {
  /** Trains models on the current log as a job (kind 'train') on a thread of its own; progress per model. */
  startTraining(workspace: string, request: TrainingRequest): Promise<JobStarted>;
  models(workspace: string): Promise<ModelsOverview>;
  findings(workspace: string, request: FindingsRequest): Promise<FindingsList>;
  finding(workspace: string, id: string): Promise<FindingDetail>;
  /** Accept, dismiss or reopen a finding and/or comment on it; each is an audit entry. */
  updateFinding(workspace: string, id: string, update: FindingUpdate): Promise<FindingDetail>;
  runningCases(workspace: string, request: RunningCasesRequest): Promise<RunningCasesView>;
  /** Events unusual for their activity, against the newest anomaly model's statistics (the current log's when none is trained). */
  unusualEvents(workspace: string, request: UnusualEventsRequest): Promise<UnusualEvents>;
  /** The newest audit entries of the workspace, newest first. */
  auditTrail(workspace: string, request: { limit?: number }): Promise<AuditEntry[]>;
}

export const MODELS_CALLS = {
  startTraining: 'job',
  models: 'call',
  findings: 'call',
  finding: 'call',
  updateFinding: 'call',
  runningCases: 'call',
  unusualEvents: 'call',
  auditTrail: 'call',
} as const satisfies CallKinds<ModelsCalls>;
