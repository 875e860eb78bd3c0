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

/**
 * Below this a file reads faster in one pass: the thread's start, its cold code and the merge cost
 * about 0.1-0.2 s whatever the size (issue 11 measurements below).
 */
export const XES_SPLIT_THRESHOLD_BYTES = 64 << 20;
/**
 * Fewer cores and the split does not pay. Measured on 2 busy cores (issue 11, whole `gemba import`
 * processes from the bundle, alternating GEMBA_IMPORT_THREADS=1 and the split, medians, the bench
 * at raised priority): 100k events (34 MB) 0.68 s wall / 0.89 s CPU in one pass against 0.74 s /
 * 1.17 s split; 300k events (102 MB) 1.35 s / 1.70 s against 1.25 s / 2.06 s; 1M events (340 MB)
 * 4.9 s CPU against 5.7 s, and no faster. Each thread's parse has its own garbage collection and
 * compiler threads, and the import's thread also hashes the file (sha256, ~0.3 s per 100 MB here),
 * so two parsing threads oversubscribe two cores. With four or more cores that work has room; not
 * yet measured on such a machine. GEMBA_IMPORT_THREADS=2 splits on any machine.
 */
const MIN_CORES = 4;
/**
 * The share of the file the import's own thread reads: less than half, because that thread also
 * hashes the file meanwhile, and merges after; the other thread first starts (~50 ms).
 */
const FIRST_PIECE_SHARE = 0.45;
const HEAD_BYTES = 256;

/**
 * Whether this machine splits a large XES file: with MIN_CORES cores or more; GEMBA_IMPORT_THREADS
 * decides instead when set, as for CSV (1: one pass; 2 or more: split in two).
 */
export function splitWanted(cores = availableParallelism(), setting = process.env.GEMBA_IMPORT_THREADS): boolean {
  const chosen = setting ? Number.parseInt(setting, 10) : NaN;
  if (chosen >= 1) return chosen >= 2;
  return cores >= MIN_CORES;
}

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
  if (ctx.xesSplitFrom === undefined && !splitWanted()) return null;
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
