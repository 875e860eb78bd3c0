import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { throwIfCancelled } from '../../errors.ts';
import type { ImportContext } from '../parsed-log.ts';
import { appendXesPiece } from './merge-xes-piece.ts';
import { sniffEncoding, type TextEncodingName } from './xes-input.ts';
import type { XesLogReader } from './xes-log-reader.ts';
import { PIECE_ROOT, type XesPieceResult } from './xes-piece-types.ts';
import { findTraceSplit } from './xes-split.ts';
import type { XesTokenizer } from './xes-tokenizer.ts';

/** Below this a file reads faster in one pass than a thread starts and the pieces merge (issue 11). */
export const XES_SPLIT_THRESHOLD_BYTES = 8 << 20;
/** Fewer cores and the second thread only competes with the first. */
const MIN_CORES = 2;
/**
 * The share of the file the import's own thread reads: more than half, because the other thread
 * first starts (its start-up costs about what reading a few MB does) and the merge comes after.
 */
const FIRST_PIECE_SHARE = 0.52;
const HEAD_BYTES = 256;

/** A split in progress: the other thread reads from `at` on while this one reads up to it. */
export interface XesSplit {
  at: number;
  encoding: TextEncodingName;
  piece: Promise<XesPieceResult | null>;
  stop: AbortController;
}

/**
 * Starts reading the second piece of a large XES file on another thread, as early as the split
 * is known, so that the thread's start overlaps this thread's reading; null when the file is read
 * in one pass (no runner, small, gzipped, UTF-16, too few cores, no clean `<trace` to split at).
 */
export async function startXesSplit(
  path: string,
  fileSize: number,
  ctx: ImportContext,
  timezone: string | undefined,
  maxPendingTextChars: number,
): Promise<XesSplit | null> {
  const run = ctx.runXesPiece;
  if (run === undefined || fileSize <= (ctx.xesSplitThresholdBytes ?? XES_SPLIT_THRESHOLD_BYTES)) return null;
  if (ctx.xesSplitFrom === undefined && availableParallelism() < MIN_CORES) return null;
  const encoding = sniffEncoding(await readHead(path));
  if (encoding === 'utf16le') return null;
  const at = await findTraceSplit(path, ctx.xesSplitFrom ?? Math.floor(fileSize * FIRST_PIECE_SHARE), fileSize);
  if (at <= 0) return null;
  const stop = new AbortController();
  const forward = () => stop.abort();
  ctx.signal?.addEventListener('abort', forward, { once: true });
  const piece = run({ path, fileName: ctx.fileName, start: at, encoding, timezone, maxPendingTextChars }, stop.signal)
    .catch(() => null)
    .finally(() => ctx.signal?.removeEventListener('abort', forward));
  return { at, encoding, piece, stop };
}

/**
 * Once this thread has read the file up to the split: when the split is clean (the tokenizer and
 * reader stand between children of `<log>`, nothing open, the same encoding) and the piece read
 * well, appends it and answers true; otherwise stops the piece and answers false, and the caller
 * reads on from the split in one pass, which gives the same log or the same error.
 */
export async function finishXesSplit(
  split: XesSplit,
  tokenizer: XesTokenizer,
  reader: XesLogReader,
  encoding: TextEncodingName,
  signal: AbortSignal | undefined,
): Promise<boolean> {
  if (encoding !== split.encoding || !tokenizer.betweenChildrenOf(PIECE_ROOT) || !reader.atLogLevel()) {
    split.stop.abort();
    return false;
  }
  // The piece counts lines from 1 at the split; this tokenizer has counted up to it.
  const lineOffset = tokenizer.line - 1;
  const result = await split.piece;
  throwIfCancelled(signal);
  if (result === null || result.kind !== 'part') return false;
  return appendXesPiece(reader, result, lineOffset);
}

async function readHead(path: string): Promise<Buffer> {
  const head = Buffer.alloc(HEAD_BYTES);
  const file = await open(path, 'r');
  try {
    const { bytesRead } = await file.read(head, 0, HEAD_BYTES, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}
