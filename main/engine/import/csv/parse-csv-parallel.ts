import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { ColumnMapping, RejectedRow } from '../../../../preload/api.ts';
import { throwIfCancelled } from '../../errors.ts';
import { REJECTED_SAMPLE_LIMIT, type ImportContext } from '../parsed-log.ts';
import type { CsvHead } from './csv-head.ts';
import { CsvEventReader, type RowsOutcome } from './csv-event-reader.ts';
import type { CsvPieceResult } from './csv-piece-types.ts';
import type { ImportPlan } from './import-plan.ts';

/** Below this a file parses faster in one pass than threads start and merge (issue 11). */
export const PARALLEL_THRESHOLD_BYTES = 8 << 20;
const MAX_PIECES = 8;
/**
 * Fewer cores than this and the pieces cannot win. Measured on 2 busy cores (issue 11, 1M events,
 * 76 MB, bundled piece thread): 5.5-7.3 s wall in 2 pieces against 3.3-4.8 s in one pass, and
 * 2.3-2.5 s of CPU against 1.0-1.5 s: each fresh thread pays ~0.6 s CPU (start, cold JIT, head
 * analysis), and the merge (~0.4 s) and the sort (~0.35 s) stay on one thread. By that count 4
 * cores only break even; 8 should gain about a fifth. Not yet measured on such a machine.
 */
const MIN_CORES = 8;

/** Pieces for this machine: one per core up to MAX_PIECES, or 1 (one pass) below MIN_CORES. */
export function defaultPieceCount(cores = availableParallelism()): number {
  return cores < MIN_CORES ? 1 : Math.min(cores, MAX_PIECES);
}
const LF = 10;
const SCAN_BYTES = 1 << 16;

/**
 * Parses the file in pieces on worker threads and merges them in file order into one builder,
 * with the result of the one-pass parse: the same events, dictionaries in order of first
 * appearance, rejected rows with their true lines. Pieces start after a line break; a line break
 * inside a quoted field is not a row's end, and then the piece before does not end where the
 * next starts (`aligned`). In that case, or when a piece fails (a quote never closed, an
 * oversized header), null: the caller parses in one pass, which also words any error exactly.
 */
export async function parseCsvInParallel(
  path: string,
  mapping: Partial<ColumnMapping>,
  head: CsvHead,
  plan: ImportPlan,
  fileSize: number,
  ctx: ImportContext,
): Promise<RowsOutcome | null> {
  const run = ctx.runCsvPiece!;
  const pieces = ctx.parallelPieces ?? defaultPieceCount();
  if (pieces < 2) return null;
  const starts = await pieceStarts(path, fileSize, pieces, head.dialect.bomLength);
  if (starts.length < 2) return null;
  // One signal for all pieces: when one fails the others are stopped, not left running.
  const stop = new AbortController();
  const forward = () => stop.abort();
  ctx.signal?.addEventListener('abort', forward, { once: true });
  let done = 0;
  let results: CsvPieceResult[];
  try {
    results = await Promise.all(
      starts.map(async (start, k) => {
        const end = k + 1 < starts.length ? starts[k + 1] : fileSize;
        const result = await run(
          { path, mapping, fileName: ctx.fileName, start, end, first: k === 0, last: k === starts.length - 1 },
          stop.signal,
        );
        done += end - start;
        ctx.onProgress?.(done, fileSize);
        return result;
      }),
    );
  } catch {
    stop.abort();
    throwIfCancelled(ctx.signal);
    return null;
  } finally {
    ctx.signal?.removeEventListener('abort', forward);
  }
  throwIfCancelled(ctx.signal);
  if (results[0].headerPending || results.some((r) => !r.aligned)) return null;

  const reader = new CsvEventReader(head, plan, ctx.fileName);
  const rejected: RejectedRow[] = [];
  let rowsRead = 0;
  let rejectedCount = 0;
  let invalidUtf8 = false;
  let lineOffset = 0;
  for (const r of results) {
    reader.builder.appendPart(r.part, lineOffset);
    for (const row of r.rejected) {
      if (rejected.length >= REJECTED_SAMPLE_LIMIT) break;
      rejected.push({ line: row.line + lineOffset, reason: row.reason });
    }
    rowsRead += r.rowsRead;
    rejectedCount += r.rejectedCount;
    invalidUtf8 ||= r.invalidUtf8;
    lineOffset += r.lines;
  }
  return { reader, rowsRead, rejectedCount, rejected, invalidUtf8 };
}

/**
 * Where the pieces start: 0, then for each even share of the file the byte after the first line
 * break at or past it (so a share starting right after a break keeps it). Shares that find no
 * break before the next one are merged into the piece before.
 */
export async function pieceStarts(path: string, fileSize: number, count: number, bomLength: number): Promise<number[]> {
  const starts = [0];
  const file = await open(path, 'r');
  try {
    const window = Buffer.allocUnsafe(SCAN_BYTES);
    for (let k = 1; k < count; k++) {
      let position = Math.max(
        bomLength,
        bomLength + Math.floor(((fileSize - bomLength) * k) / count) - 1,
        starts[starts.length - 1],
      );
      let start = -1;
      while (position < fileSize) {
        const { bytesRead } = await file.read(window, 0, SCAN_BYTES, position);
        if (bytesRead === 0) break;
        const at = window.subarray(0, bytesRead).indexOf(LF);
        if (at >= 0) {
          start = position + at + 1;
          break;
        }
        position += bytesRead;
      }
      if (start < 0 || start >= fileSize) break;
      if (start > starts[starts.length - 1]) starts.push(start);
    }
  } finally {
    await file.close();
  }
  return starts;
}
