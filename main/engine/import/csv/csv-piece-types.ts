import type { ColumnMapping, RejectedRow } from '../../../../preload/api.ts';
import type { BuilderPart } from '../../eventlog/index.ts';

/** One piece of a CSV file to parse on its own thread: the byte range [start, end). */
export interface CsvPieceInput {
  path: string;
  /** The mapping as the user gave it: each piece completes it exactly as the whole parse does. */
  mapping: Partial<ColumnMapping>;
  fileName: string;
  start: number;
  end: number;
  /** The piece at the file's start (after the BOM): its first row is the header, if any. */
  first: boolean;
  /** The piece at the file's end: a last row without newline ends there. */
  last: boolean;
}

/** A piece's events in file order, with line numbers counted from the piece's start (line 1). */
export interface CsvPieceResult {
  part: BuilderPart;
  rowsRead: number;
  rejectedCount: number;
  rejected: RejectedRow[];
  invalidUtf8: boolean;
  /** Line breaks in the piece: what the next piece's lines are shifted by. */
  lines: number;
  /** The piece's last row ended exactly at `end` (no quote or row left open). */
  aligned: boolean;
  /** The first piece ended before its header line was read (then the split is unusable). */
  headerPending: boolean;
}

/** Runs one piece, on a worker thread in the app (service/csv-piece-runner.ts), in-process in tests. */
export type CsvPieceRunner = (input: CsvPieceInput, signal: AbortSignal) => Promise<CsvPieceResult>;
