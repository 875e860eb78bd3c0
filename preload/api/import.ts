/**
 * The calls that bring a log in: a CSV preview with the proposed mapping, the import job, and
 * what an import set aside.
 */
import type { CallKinds, JobStarted } from './calls.ts';

/** A file the user chose: a local path (Electron, CLI) or bytes uploaded to the local host. */
export type FileRef = { kind: 'path'; path: string } | { kind: 'upload'; uploadId: string; name: string };

export const ATTRIBUTE_TYPES = ['string', 'number', 'date', 'boolean'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

/** How the columns of a CSV become an event log. Names are header names. */
export interface ColumnMapping {
  case: string;
  activity: string;
  timestamp: string;
  resource?: string | null;
  startTimestamp?: string | null;
  /** Identifier of a timestamp format from the inference (see TimestampFormatGuess.id). */
  timestampFormat?: string | null;
  /** IANA zone applied to timestamps that carry no offset. Defaults to the machine's zone. */
  timezone?: string | null;
  /**
   * Columns kept as attributes with their type; absent means "all other columns, inferred".
   * `numberFormat` (number columns) says how numbers are written; absent means as detected.
   */
  attributes?: { name: string; type: AttributeType; numberFormat?: NumberFormat }[];
}

/**
 * How a column writes its numbers: the decimal mark and the thousands separator ('' for none;
 * ' ' also matches the no-break spaces spreadsheets write). "1.234,5" is { ',', '.' }.
 */
export interface NumberFormat {
  decimal: '.' | ',';
  thousands: '' | ',' | '.' | ' ' | "'";
}

export interface TimestampFormatGuess {
  /** Stable identifier, e.g. 'iso8601', 'ymd-slash', 'dmy-dot', 'mdy-slash', 'epoch-s'. */
  id: string;
  /** What the user sees, e.g. 'DD.MM.YYYY HH:MM'. */
  label: string;
  /** Share of non-empty sampled values this format parses, 0..1. */
  parsedShare: number;
  /** True when values carry an offset or Z; false means the time zone setting applies. */
  hasOffset: boolean;
  /** Why this format was chosen when another reading was possible (e.g. day/month order). */
  note?: string;
}

export interface ColumnProfile {
  name: string;
  index: number;
  inferredType: AttributeType;
  /** Present when the column looks like timestamps. */
  timestampFormat?: TimestampFormatGuess;
  /** Present when every sampled value reads as a number: how they are written. */
  numberFormat?: NumberFormat;
  emptyCount: number;
  /** Distinct values among the sampled rows (the first 2,000). */
  distinctCount: number;
  /**
   * True when the file has rows beyond the sample, so `distinctCount` is a lower bound (show
   * "≥ 2,000", not "2,000"); `emptyCount` is then counted in the sample too.
   */
  distinctCapped?: boolean;
  sample: string[];
}

export interface CsvPreview {
  fileName: string;
  fileSize: number;
  encoding: 'utf-8' | 'latin1';
  hasBom: boolean;
  delimiter: string;
  quote: string;
  header: string[];
  /** First rows as text, at most 20. */
  rows: string[][];
  columns: ColumnProfile[];
  suggested: ColumnMapping;
  /** Sentences that explain the guesses (delimiter, encoding, day/month order, …). */
  notes: string[];
}

export interface ImportRequest {
  workspace: string;
  file: FileRef;
  /** CSV only; absent fields are inferred. */
  mapping?: Partial<ColumnMapping>;
  /** Import even when more than 1% of rows are rejected. */
  acceptRejects?: boolean;
  /**
   * Merge lifecycle:transition start/complete pairs into one event with a start time (default
   * true); false keeps every lifecycle event as its own event.
   */
  pairLifecycle?: boolean;
}

export interface RejectedRow {
  line: number;
  reason: string;
}

export interface ImportSummary {
  importId: number;
  format: 'csv' | 'xes';
  cases: number;
  events: number;
  activities: number;
  variants: number;
  /** ISO 8601 UTC; null for an empty log. */
  timeRange: [string, string] | null;
  rejectedRows: number;
  rejectedSample: RejectedRow[];
  mapping: ColumnMapping | null;
  notes: string[];
}

export interface ImportRecord {
  id: number;
  fileName: string;
  fileSize: number;
  sha256: string;
  format: 'csv' | 'xes';
  mapping: ColumnMapping | null;
  cases: number;
  events: number;
  rejectedRows: number;
  importedAt: string;
  user: string;
  appVersion: string;
  current: boolean;
}

export interface ImportCalls {
  previewCsv(file: FileRef): Promise<CsvPreview>;
  /** Starts an import job; its progress and end arrive as JobEvents of kind 'import'. */
  startImport(request: ImportRequest): Promise<JobStarted>;
  /** Rows an import set aside, with line and reason, in file order (at most `limit`, default 1000). */
  rejectedRows(workspace: string, importId: number, limit?: number): Promise<RejectedRow[]>;
}

export const IMPORT_CALLS = {
  previewCsv: 'call',
  startImport: 'job',
  rejectedRows: 'call',
} as const satisfies CallKinds<ImportCalls>;
