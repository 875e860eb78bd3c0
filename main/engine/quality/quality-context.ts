import type { AppliedFix, ColumnMapping, RejectedRow } from '../../../preload/api.ts';
import type { SchemaSummary } from './schema-summary.ts';

/**
 * What a quality report needs besides the event log: facts only the workspace knows.
 * Everything is optional; a check whose input is absent says it is not applicable.
 */
export interface QualityContext {
  /** Rows the import set aside, with line numbers and reasons (a sample of at most 10,000). */
  rejectedRows?: readonly RejectedRow[];
  /** Exact number of rejected rows, when larger than the sample. */
  rejectedCount?: number;
  /** The column mapping used for the import (CSV), null for XES. */
  mapping?: ColumnMapping | null;
  /** "Now" in epoch ms, for future timestamps; defaults to the clock. */
  now?: number;
  /** Schema of the previous import into the same workspace, for drift. */
  previousSchema?: SchemaSummary | null;
  /** Schema of the current import; computed from the log when absent. */
  currentSchema?: SchemaSummary | null;
  /** Fixes applied to the log the report runs on. */
  fixesInForce?: AppliedFix[];
}
