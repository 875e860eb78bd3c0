import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { ImportContext } from '../parsed-log.ts';
import type { CsvHead } from './csv-head.ts';
import type { CsvPieceResult } from './csv-piece-types.ts';
import type { ImportPlan } from './import-plan.ts';

/** Below this a file parses faster in one pass than a thread starts and its part merges (issue 11). */
export const PARALLEL_THRESHOLD_BYTES = 8 << 20;
const MAX_PIECES = 8;
const LF = 10;
const SCAN_BYTES = 1 << 16;

/**
 * Below this many cores a CSV file is parsed in one pass. Measured on 2 cores (issue 11, whole
 * `gemba import` processes alternating, other work paused): 1M events (76 MB) 1.39 s median wall
 * in two pieces against 1.50 s in one pass, for 0.4 s more CPU; 10M events (760 MB) 8.7 s
 * against 11.3 s. It paid only once the merge wrote its translated codes straight into the
 * builder's columns: before, the two were level at 1M.
 */
const MIN_CORES = 2;

/**
 * Pieces for this machine: one per core from MIN_CORES (the calling thread parses the first), up
 * to MAX_PIECES, else 1; GEMBA_IMPORT_THREADS sets the number instead (1: one pass).
 */
export function defaultPieceCount(cores = availableParallelism(), setting = process.env.GEMBA_IMPORT_THREADS): number {
  const chosen = setting ? Number.parseInt(setting, 10) : NaN;
  if (chosen >= 1) return Math.min(chosen, MAX_PIECES);
  return cores < MIN_CORES ? 1 : Math.min(cores, MAX_PIECES);
}

/** What every piece reads its rows with: the head analysis and plan of the whole parse. */
export interface PieceReading {
  head: CsvHead;
  plan: ImportPlan;
  /** Line breaks per byte in the head: how many rows a piece is likely to hold. */
  rowsPerByte: number;
}

/**
 * Past this many rows the columns grow by doubling as usual: a head of blank or near-empty lines
 * (a hostile file, or rows that will all be rejected) must not make a large file reserve
 * gigabytes up front. 16M rows is ~0.6 GB of columns, and 10M-event logs stay below it.
 */
export const MAX_RESERVED_ROWS = 1 << 24;

/**
 * Rows that `bytes` of the file likely hold, a little over, to size a builder's columns once: a
 * guess from the head (quoted line breaks make it high, long rows later in the file low; a low
 * guess only costs the usual doubling), never more than MAX_RESERVED_ROWS.
 */
export function expectedRows(bytes: number, rowsPerByte: number): number {
  return Math.min(Math.ceil(bytes * rowsPerByte * 1.05) + 1024, MAX_RESERVED_ROWS);
}

/** The pieces of a file after its first, running on their threads while this one parses the first. */
export interface CsvPieces {
  /** Where the first piece ends: the byte after a line break. */
  readonly firstEnd: number;
  /** The other pieces' results in file order, or null when one failed or did not end on a row's end. */
  readonly results: Promise<CsvPieceResult[] | null>;
  /** Stops the pieces still running (the caller parses the rest itself, or gave up). */
  stop(): void;
}

/**
 * Cuts the file into pieces and starts all but the first on threads at once, each waiting for
 * `reading` (so a thread boots while the head is analysed). Null when the file does not cut
 * (one core, one long line). A piece fails when its rows do not read as the one-pass parse
 * would: a quote open at its end (a line break inside a quoted field was taken for a row's
 * end) or any error; then `results` is null and the caller reads on from `firstEnd` itself,
 * which is exactly the one-pass parse, errors worded as it words them.
 */
export async function startCsvPieces(
  path: string,
  fileSize: number,
  reading: Promise<PieceReading>,
  ctx: ImportContext,
): Promise<CsvPieces | null> {
  const run = ctx.runCsvPiece;
  const count = ctx.parallelPieces ?? defaultPieceCount();
  if (!run || count < 2) return null;
  const starts = await pieceStarts(path, fileSize, count, 0);
  if (starts.length < 2) return null;
  // One signal for all pieces: when one fails, or the import is cancelled, the others stop.
  const stop = new AbortController();
  const forward = () => stop.abort();
  ctx.signal?.addEventListener('abort', forward, { once: true });
  const running = starts.slice(1).map((start, k) => {
    const end = k + 2 < starts.length ? starts[k + 2] : fileSize;
    const input = reading.then(({ head, plan, rowsPerByte }) => ({
      path,
      fileName: ctx.fileName,
      head,
      plan,
      expectedRows: expectedRows(end - start, rowsPerByte),
      start,
      end,
      last: end === fileSize,
    }));
    return run(input, stop.signal);
  });
  const results = Promise.all(running).then(
    (parts) => (parts.every((p) => p.aligned) ? parts : null),
    () => {
      stop.abort();
      return null;
    },
  );
  void results.finally(() => ctx.signal?.removeEventListener('abort', forward));
  return { firstEnd: starts[1], results, stop: () => stop.abort() };
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
