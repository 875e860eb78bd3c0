import { open, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { ColumnMapping, ImportSummary } from '../../../preload/api.ts';
import { logCounts } from '../analysis/index.ts';
import { InputError, throwIfCancelled } from '../errors.ts';
import { sha256OfFile } from './fingerprint.ts';
import type { Workspace } from './workspace.ts';
import { parseCsvLog } from '../import/csv/index.ts';
import { startsWithGzipMagic } from '../import/index.ts';
import type { ImportContext, ParsedLog } from '../import/index.ts';
import { parseXesLog } from '../import/xes/index.ts';
import { pairLifecycleTransitions } from '../eventlog/index.ts';

/** More rejected rows than this share refuses the import unless the user accepts them. */
export const REJECT_THRESHOLD = 0.01;
const REASONS_SHOWN = 3;

export type ImportPhase = 'reading' | 'checking' | 'saving';

export interface ImportOptions {
  /** CSV column mapping; absent parts are inferred. For XES only `timezone` applies. */
  mapping?: Partial<ColumnMapping>;
  acceptRejects?: boolean;
  /** The name the user knows the file by (uploads arrive under a temp path). */
  fileName?: string;
  signal?: AbortSignal;
  onProgress?(phase: ImportPhase, done: number, total: number): void;
  maxDecompressedBytes?: number;
  /** Merge lifecycle start/complete pairs into events with start times (default true). */
  pairLifecycle?: boolean;
  /** Parses pieces of a large CSV file on worker threads (see ImportContext.runCsvPiece). */
  runCsvPiece?: ImportContext['runCsvPiece'];
  /** Reads the second piece of a large XES file on a worker thread (see ImportContext.runXesPiece). */
  runXesPiece?: ImportContext['runXesPiece'];
}

/**
 * Imports an event-log file into a workspace: parse, check, then commit atomically.
 * Until the final commit nothing in the workspace changes, so a failure or a cancel anywhere
 * before it leaves the workspace exactly as it was.
 */
export async function importLog(
  workspace: Workspace,
  path: string,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const fileName = options.fileName ?? basename(path);
  const size = await fileSize(path, fileName);
  const format = await detectFormat(path, fileName);
  // Hashed alongside the parse; stopped (and its file handle closed) if the import ends early.
  const hashing = new AbortController();
  const fingerprint = sha256OfFile(path, hashing.signal);
  fingerprint.catch(() => undefined);
  try {
    return await parseCheckAndCommit(workspace, path, fileName, size, format, fingerprint, options);
  } finally {
    hashing.abort();
  }
}

async function parseCheckAndCommit(
  workspace: Workspace,
  path: string,
  fileName: string,
  size: number,
  format: 'csv' | 'xes',
  fingerprint: Promise<string>,
  options: ImportOptions,
): Promise<ImportSummary> {
  const ctx: ImportContext = {
    fileName,
    signal: options.signal,
    maxDecompressedBytes: options.maxDecompressedBytes,
    runCsvPiece: options.runCsvPiece,
    runXesPiece: options.runXesPiece,
    onProgress: (done, total) => options.onProgress?.('reading', done, total),
  };
  const parsed =
    format === 'csv'
      ? await parseCsvLog(path, options.mapping ?? {}, ctx)
      : await parseXesLog(path, ctx, { timezone: options.mapping?.timezone ?? undefined });
  throwIfCancelled(options.signal);
  options.onProgress?.('checking', 0, 1);
  refuseTooManyRejects(parsed, fileName, options.acceptRejects === true);
  const notes = [...parsed.notes];
  const pairing = options.pairLifecycle === false ? null : pairLifecycleTransitions(parsed.log);
  const log = pairing?.log ?? parsed.log;
  if (pairing) {
    notes.push(
      `Paired ${pairing.paired} lifecycle start events with their completions: each became one event with a start time, so service times can be measured` +
        (pairing.unmatchedStarts
          ? `; ${pairing.unmatchedStarts} start events without a completion were kept as events.`
          : '.'),
    );
  }
  // The snapshot is written in the background while the counts are taken and the hash ends.
  const { importId, facts } = await workspace.commitImportWhileChecking(log, async () => {
    const stats = logCounts(log);
    const sha256 = await fingerprint;
    throwIfCancelled(options.signal);
    options.onProgress?.('saving', 0, 1);
    if (parsed.rejectedCount > 0)
      notes.push(`${parsed.rejectedCount} of ${parsed.rowsRead} rows were set aside as rejected rows.`);
    return {
      fileName,
      fileSize: size,
      sha256,
      format,
      mapping: parsed.mapping,
      activities: stats.activities,
      variants: stats.variants,
      rowsRead: parsed.rowsRead,
      rejectedCount: parsed.rejectedCount,
      rejected: parsed.rejected,
      timeRange: stats.timeRange,
      notes,
      stats,
    };
  });
  const { stats } = facts;
  options.onProgress?.('saving', 1, 1);
  return {
    importId,
    format,
    cases: stats.cases,
    events: stats.events,
    activities: stats.activities,
    variants: stats.variants,
    timeRange: stats.timeRange,
    rejectedRows: parsed.rejectedCount,
    rejectedSample: parsed.rejected.slice(0, 20),
    mapping: parsed.mapping,
    notes,
  };
}

function refuseTooManyRejects(parsed: ParsedLog, fileName: string, accepted: boolean): void {
  const { rejectedCount, rowsRead } = parsed;
  if (parsed.log.eventCount === 0) {
    throw new InputError(`No event could be read: all ${rowsRead} rows were rejected. ${firstReasons(parsed)}`, {
      file: fileName,
      line: parsed.rejected[0]?.line,
      hint: 'Check the column mapping and the timestamp format.',
    });
  }
  if (accepted || rejectedCount <= REJECT_THRESHOLD * rowsRead) return;
  const share = ((100 * rejectedCount) / rowsRead).toFixed(1);
  throw new InputError(
    `${rejectedCount} of ${rowsRead} rows (${share}%) could not be read, more than the 1% Gemba accepts silently. ${firstReasons(parsed)}`,
    {
      file: fileName,
      line: parsed.rejected[0]?.line,
      hint: 'Fix the mapping or the file, or import anyway with --accept-rejects (CLI) or "Import even if rows are rejected" (app); rejected rows are kept for review.',
    },
  );
}

function firstReasons(parsed: ParsedLog): string {
  const shown = parsed.rejected.slice(0, REASONS_SHOWN).map((r) => `line ${r.line}: ${r.reason}`);
  return shown.length ? `First problems: ${shown.join('; ')}.` : '';
}

async function fileSize(path: string, fileName: string): Promise<number> {
  try {
    const info = await stat(path);
    if (!info.isFile())
      throw new InputError(`${fileName} is not a file.`, { file: fileName, hint: 'Choose a CSV, XES or XES.gz file.' });
    return info.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`Cannot read ${fileName}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`, {
      file: fileName,
      hint: 'Check that the file exists and that you may read it.',
    });
  }
}

/** By extension first; for unknown extensions by content: gzip or '<' means XES, else CSV. */
export async function detectFormat(path: string, fileName: string): Promise<'csv' | 'xes'> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xes') || lower.endsWith('.xes.gz') || lower.endsWith('.xml')) return 'xes';
  if (['.csv', '.tsv', '.txt'].includes(extname(lower))) return 'csv';
  const handle = await open(path, 'r');
  try {
    const head = new Uint8Array(64);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const bytes = head.subarray(0, bytesRead);
    if (startsWithGzipMagic(bytes)) return 'xes';
    const text = new TextDecoder()
      .decode(bytes)
      .replace(/^\uFEFF/, '')
      .trimStart();
    return text.startsWith('<') ? 'xes' : 'csv';
  } finally {
    await handle.close();
  }
}
