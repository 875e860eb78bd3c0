import type { RejectedRow } from '../../../../preload/api.ts';
import { partBuffers, type BuilderPart } from '../../eventlog/index.ts';
import type { XesReadTallies } from './xes-read-tallies.ts';

/** The piece is read as the content of this root; the whole parse checks that its root is named so. */
export const PIECE_ROOT = 'log';

/**
 * The second piece of an XES file, read on a thread of its own while the import's thread reads the
 * first: from the `<trace` at byte `start` to the end of the file, as children of `<log>`.
 */
export interface XesPieceInput {
  path: string;
  fileName: string;
  start: number;
  /** As the whole parse read it from the file's head; UTF-16 files are never split. */
  encoding: 'utf8' | 'latin1';
  /** The import's time zone option, so that times without offset are placed as in the one pass. */
  timezone: string | undefined;
  maxPendingTextChars: number;
}

/** The piece's events in file order, lines counted from the piece's start (line 1). */
export interface XesPiecePart {
  kind: 'part';
  part: BuilderPart;
  eventsRead: number;
  rejectedCount: number;
  rejected: RejectedRow[];
  tallies: XesReadTallies;
}

/** The piece cannot be read apart (see xes-piece-rules.ts), or it is damaged: the one pass reads on. */
export interface XesPieceRefused {
  kind: 'whole file';
  why: string;
}

export type XesPieceResult = XesPiecePart | XesPieceRefused;

/** Runs the piece, on a worker thread in the app (service/xes-piece-runner.ts), in-process in tests. */
export type XesPieceRunner = (input: XesPieceInput, signal: AbortSignal) => Promise<XesPieceResult>;

/** The buffers of a piece's columns: moved to the merging thread, not copied. */
export function xesPieceBuffers(result: XesPieceResult): ArrayBuffer[] {
  return result.kind === 'part' ? partBuffers(result.part) : [];
}
