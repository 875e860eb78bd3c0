import type { ColumnMapping, RejectedRow } from '../../../preload/api.ts';
import type { EventLog } from '../eventlog/index.ts';
import type { CsvPieceRunner } from './csv/csv-piece-types.ts';
import type { XesPieceRunner } from './xes/xes-piece-types.ts';

/** What every parser receives: where to report progress and how it is told to stop. */
export interface ImportContext {
  /** The file name the user knows, for error messages (the path may be a temp upload). */
  fileName: string;
  signal?: AbortSignal;
  /** Called now and then (not per row) with bytes of the *input file* consumed so far. */
  onProgress?(bytesRead: number, totalBytes: number): void;
  /** Ceiling on decompressed bytes for .gz input; defaults to DEFAULT_DECOMPRESSED_CEILING. */
  maxDecompressedBytes?: number;
  /** Parses a piece of a CSV file on a worker thread; absent, CSV files are parsed in one pass. */
  runCsvPiece?: CsvPieceRunner;
  /** CSV files larger than this are parsed in pieces (when `runCsvPiece` is given); tests lower it. */
  parallelThresholdBytes?: number;
  /** How many pieces; defaults to the machine's cores (at most 8). Tests ask for more to cut files finely. */
  parallelPieces?: number;
  /** Reads the second piece of an XES file on a worker thread; absent, XES files are read in one pass. */
  runXesPiece?: XesPieceRunner;
  /** XES files larger than this are read in two pieces (when `runXesPiece` is given); tests lower it. */
  xesSplitThresholdBytes?: number;
  /** Byte offset from which the XES split is looked for (by default a share of the file); tests set it. */
  xesSplitFrom?: number;
  /** Told where an XES file was split and whether the pieces merged (false: read on in one pass). For tests. */
  onXesSplit?(at: number, merged: boolean): void;
}

/** At most this many rejected rows are kept with their reasons; the count is always exact. */
export const REJECTED_SAMPLE_LIMIT = 10_000;

/** What every parser returns: the log, and everything it had to set aside. */
export interface ParsedLog {
  log: EventLog;
  /** Data rows (CSV) or events (XES) read, accepted or not. */
  rowsRead: number;
  rejectedCount: number;
  /** The first REJECTED_SAMPLE_LIMIT rejected rows, in file order. */
  rejected: RejectedRow[];
  /** The mapping actually used (CSV), with inferred parts filled in; null for XES. */
  mapping: ColumnMapping | null;
  /** Sentences for the user about what was inferred or fixed (encoding, delimiter, day/month). */
  notes: string[];
}
