import { open, type FileHandle } from 'node:fs/promises';
import type { ColumnMapping } from '../../../../preload/api.ts';
import { InputError, throwIfCancelled } from '../../errors.ts';
import { REJECTED_SAMPLE_LIMIT, type ImportContext, type ParsedLog } from '../parsed-log.ts';
import { analyzeHead, readHead, type CsvHead } from './csv-head.ts';
import { CsvEventReader, type RowsOutcome } from './csv-event-reader.ts';
import { CsvTokenizer } from './csv-tokenizer.ts';
import { planImport, type ImportPlan } from './import-plan.ts';
import type { CsvPieceResult } from './csv-piece-types.ts';
import {
  expectedRows,
  PARALLEL_THRESHOLD_BYTES,
  startCsvPieces,
  type CsvPieces,
  type PieceReading,
} from './parse-csv-parallel.ts';

const CHUNK_BYTES = 1 << 20;

/**
 * Streams a CSV file into an event log. Parts of `mapping` left out are inferred from the head
 * of the file, as the preview does. Rows that cannot be read are set aside with their line and
 * reason; problems with the file as a whole throw InputError. A large file is parsed in pieces
 * when the context can run them on threads (`ctx.runCsvPiece`): this thread parses the first
 * while threads parse the others, then their parts are appended, with the very result of one
 * pass; whenever a piece does not line up this thread simply reads on to the end.
 */
export async function parseCsvLog(
  path: string,
  mapping: Partial<ColumnMapping>,
  ctx: ImportContext,
): Promise<ParsedLog> {
  throwIfCancelled(ctx.signal);
  const { head, fileSize } = await readHead(path);
  const threshold = ctx.parallelThresholdBytes ?? PARALLEL_THRESHOLD_BYTES;
  let analysed!: (reading: PieceReading) => void;
  let failed!: (error: unknown) => void;
  const reading = new Promise<PieceReading>((resolve, reject) => {
    analysed = resolve;
    failed = reject;
  });
  reading.catch(() => undefined);
  // Threads start before the head analysis so that their boot overlaps it.
  const pieces = fileSize > threshold ? await startCsvPieces(path, fileSize, reading, ctx) : null;
  let analysis: CsvHead;
  let plan: ImportPlan;
  try {
    analysis = analyzeHead(head, fileSize, ctx.fileName);
    plan = planImport(analysis, mapping, ctx.fileName);
  } catch (error) {
    failed(error);
    pieces?.stop();
    throw error;
  }
  const rowsPerByte = linesPerByte(head);
  analysed({ head: analysis, plan, rowsPerByte });
  const outcome = await parseRows(path, analysis, plan, fileSize, rowsPerByte, ctx, pieces);

  if (outcome.rowsRead === 0) {
    throw new InputError('The file has a header line but no rows of data.', {
      file: ctx.fileName,
      line: 2,
      hint: 'Export the log again with its events, or choose another file.',
    });
  }
  const notes = [...plan.notes];
  const dropped = outcome.reader.builder.droppedAttributesNote();
  if (dropped) notes.push(dropped);
  if (outcome.invalidUtf8) {
    notes.push(
      'Some bytes further into the file are not valid UTF-8; they show as �. Save the file as UTF-8 and import again to keep those characters.',
    );
  }
  return {
    log: outcome.reader.builder.finish(),
    rowsRead: outcome.rowsRead,
    rejectedCount: outcome.rejectedCount,
    rejected: outcome.rejected,
    mapping: plan.mapping,
    notes,
  };
}

/**
 * Reads the rows: the whole file here, or the first piece here and the others' parts appended
 * (the same outcome; if a piece failed, this reader goes on past the first piece to the end).
 */
async function parseRows(
  path: string,
  analysis: CsvHead,
  plan: ImportPlan,
  fileSize: number,
  rowsPerByte: number,
  ctx: ImportContext,
  pieces: CsvPieces | null,
): Promise<RowsOutcome> {
  const reader = new CsvEventReader(analysis, plan, ctx.fileName);
  // The whole file's events end up in this builder, the pieces' appended.
  reader.builder.reserve(expectedRows(fileSize, rowsPerByte));
  const tokenizer = new CsvTokenizer(
    analysis.dialect.delimiter.charCodeAt(0),
    analysis.dialect.quote.charCodeAt(0),
    reader,
    ctx.fileName,
  );
  const file = await open(path, 'r');
  try {
    const bom = analysis.dialect.bomLength;
    // While the pieces run side by side, this one's share of its piece stands for the whole.
    const progress = (position: number) =>
      ctx.onProgress?.(
        pieces ? Math.round(((position - bom) / (pieces.firstEnd - bom)) * fileSize) : position,
        fileSize,
      );
    const position = await readInto(file, tokenizer, bom, pieces ? pieces.firstEnd : fileSize, ctx, progress);
    if (pieces) {
      const parts = tokenizer.atRowBoundary && !reader.headerPending ? await pieces.results : null;
      throwIfCancelled(ctx.signal);
      if (parts) return appendParts(reader, tokenizer.currentLine - 1, parts);
      pieces.stop();
      await readInto(file, tokenizer, position, fileSize, ctx, (at) => ctx.onProgress?.(at, fileSize));
    }
  } finally {
    pieces?.stop();
    await file.close();
  }
  tokenizer.finish();
  throwIfCancelled(ctx.signal);
  return {
    reader,
    rowsRead: reader.rowsRead,
    rejectedCount: reader.rejectedCount,
    rejected: reader.rejected,
    invalidUtf8: reader.decoder.invalidUtf8,
  };
}

/** Line breaks per byte in the head of the file: what the columns are sized by. */
function linesPerByte(head: Buffer): number {
  let lines = 0;
  for (let at = head.indexOf(10); at >= 0; at = head.indexOf(10, at + 1)) lines++;
  return head.length > 0 ? lines / head.length : 0;
}

/** Feeds bytes [from, to) of the file to the tokenizer, straight into its buffer; answers `to`. */
async function readInto(
  file: FileHandle,
  tokenizer: CsvTokenizer,
  from: number,
  to: number,
  ctx: ImportContext,
  progress: (position: number) => void,
): Promise<number> {
  let position = from;
  while (position < to) {
    throwIfCancelled(ctx.signal);
    const size = Math.min(CHUNK_BYTES, to - position);
    const target = tokenizer.reserve(size);
    const { bytesRead } = await file.read(target, tokenizer.fillOffset, size, position);
    if (bytesRead === 0) break;
    position += bytesRead;
    tokenizer.commit(bytesRead);
    progress(position);
  }
  return position;
}

/** The first piece's reader with the other pieces' parts after it, lines shifted to the file's. */
function appendParts(reader: CsvEventReader, linesBefore: number, parts: CsvPieceResult[]): RowsOutcome {
  const rejected = [...reader.rejected];
  let rowsRead = reader.rowsRead;
  let rejectedCount = reader.rejectedCount;
  let invalidUtf8 = reader.decoder.invalidUtf8;
  let lineOffset = linesBefore;
  for (const part of parts) {
    reader.builder.appendPart(part.part, lineOffset);
    for (const row of part.rejected) {
      if (rejected.length >= REJECTED_SAMPLE_LIMIT) break;
      rejected.push({ line: row.line + lineOffset, reason: row.reason });
    }
    rowsRead += part.rowsRead;
    rejectedCount += part.rejectedCount;
    invalidUtf8 ||= part.invalidUtf8;
    lineOffset += part.lines;
  }
  return { reader, rowsRead, rejectedCount, rejected, invalidUtf8 };
}
