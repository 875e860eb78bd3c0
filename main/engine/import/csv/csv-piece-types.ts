import type { RejectedRow } from '../../../../preload/api.ts';
import type { BuilderPart } from '../../eventlog/index.ts';
import type { CsvHead } from './csv-head.ts';
import type { ImportPlan } from './import-plan.ts';

/**
 * One piece of a CSV file after its first to parse on a thread of its own: the byte range
 * [start, end), which starts at a line break, so its first row is data.
 */
export interface CsvPieceInput {
  path: string;
  fileName: string;
  /** The whole parse's head analysis and plan: every piece reads its rows exactly as the first. */
  head: CsvHead;
  plan: ImportPlan;
  /** Events to size the piece's columns for (a guess from the head). */
  expectedRows: number;
  start: number;
  end: number;
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
}

/**
 * Runs one piece, on a worker thread in the app (service/csv-piece-runner.ts), in-process in tests.
 * The input is a promise so that a thread can boot while the head is still being analysed.
 */
export type CsvPieceRunner = (input: Promise<CsvPieceInput>, signal: AbortSignal) => Promise<CsvPieceResult>;
