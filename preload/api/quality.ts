/** Data quality: the checks, and the fixes recorded in the workspace and applied at every load. */
import type { CallKinds } from './calls.ts';

export const QUALITY_SEVERITIES = ['error', 'warning', 'info'] as const;
export type QualitySeverity = (typeof QUALITY_SEVERITIES)[number];

export const QUALITY_CHECK_KINDS = [
  'missing_values',
  'duplicate_events',
  'inconsistent_labels',
  'unparseable_timestamps',
  'future_timestamps',
  'old_timestamps',
  'coarse_timestamps',
  'many_ties',
  'order_conflicts',
  'incomplete_cases',
  'missing_handoffs',
  'delayed_ingestion',
  'schema_drift',
  'outlier_durations',
] as const;
export type QualityCheckKind = (typeof QUALITY_CHECK_KINDS)[number];

/** One row, event or case a check points at; `line` is the source row (CSV line / XES ordinal). */
export interface QualityExample {
  caseId?: string;
  caseIndex?: number;
  line?: number;
  detail: string;
}

/**
 * A fix is a serializable descriptor, applied to the raw import each time the log is loaded;
 * the raw import itself is never changed.
 */
export type QualityFix =
  | { kind: 'merge_labels'; description: string; params: { map: Record<string, string> } }
  | { kind: 'drop_duplicates'; description: string; params: Record<string, never> }
  | {
      kind: 'drop_incomplete_cases';
      description: string;
      /** A case is kept when it starts with one of `startActivities` and ends with one of
       *  `endActivities`; with `keepRunning`, a case with a usual start whose last event is at or
       *  after `runningAfter` (ISO) is kept as still running. */
      params: { startActivities: string[]; endActivities: string[]; keepRunning: boolean; runningAfter: string | null };
    }
  | {
      kind: 'set_timezone';
      description: string;
      /** Naive timestamps were read as wall-clock time in `fromZone`; read them in `toZone` instead.
       *  Zones are IANA names, 'UTC', or fixed offsets like '+02:00'. */
      params: { fromZone: string; toZone: string };
    }
  | {
      kind: 'exclude_bad_timestamps';
      description: string;
      /** Events before `notBefore` or after `notAfter` (ISO; null = no bound) are excluded; with
       *  scope 'cases', every case holding such an event is dropped whole (otherwise a finished
       *  case that loses its last, misdated event would look running). Default 'events'. */
      params: { notBefore: string | null; notAfter: string | null; scope?: 'events' | 'cases' };
    };

export type QualityFixKind = QualityFix['kind'];

export interface QualityCheck {
  kind: QualityCheckKind;
  title: string;
  severity: QualitySeverity;
  /** False when the log has nothing this check can look at (e.g. no second import to compare). */
  applicable: boolean;
  count: number;
  /** What the count counts, in the user's words ("events", "cases", "labels", …). */
  unit: string;
  explanation: string;
  examples: QualityExample[];
  /** Per-column or per-label figures where a check has them. */
  breakdown?: { label: string; count: number; detail?: string }[];
  fix: QualityFix | null;
}

/** A fix recorded in the workspace's audit of fixes, in the order it is applied. */
export interface AppliedFix {
  id: number;
  fix: QualityFix;
  appliedAt: string;
  user: string;
}

export interface QualityReport {
  /** Traffic light: red when any check is an error, amber when any is a warning, else green. */
  health: 'green' | 'amber' | 'red';
  summary: { errors: number; warnings: number; infos: number };
  events: number;
  cases: number;
  checks: QualityCheck[];
  /** Fixes applied to the log the checks ran on, oldest first. */
  fixesInForce: AppliedFix[];
  /** Zone timestamps without an offset are now read in: the last time-zone fix's target, else the import's zone; null when unknown (XES). A new time-zone fix starts from it. */
  naiveTimeZone: string | null;
  computedMs: number;
}

export interface QualityCalls {
  qualityReport(workspace: string): Promise<QualityReport>;
  /** Records a fix and returns the fixes now in force. */
  applyFix(workspace: string, fix: QualityFix): Promise<AppliedFix[]>;
  /** Removes a recorded fix and returns the fixes now in force. */
  undoFix(workspace: string, fixId: number): Promise<AppliedFix[]>;
}

export const QUALITY_CALLS = {
  qualityReport: 'call',
  applyFix: 'call',
  undoFix: 'call',
} as const satisfies CallKinds<QualityCalls>;
