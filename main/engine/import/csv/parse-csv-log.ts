import { open } from 'node:fs/promises';
import type { ColumnMapping } from '../../../../preload/api.ts';
import { InputError, throwIfCancelled } from '../../errors.ts';
import type { ImportContext, ParsedLog } from '../parsed-log.ts';
import { analyzeHead, readHead, type CsvHead } from './csv-head.ts';
import { CsvEventReader, type RowsOutcome } from './csv-event-reader.ts';
import { CsvTokenizer } from './csv-tokenizer.ts';
import { planImport, type ImportPlan } from './import-plan.ts';
import { parseCsvInParallel, PARALLEL_THRESHOLD_BYTES } from './parse-csv-parallel.ts';

const CHUNK_BYTES = 1 << 20;

/**
 * Streams a CSV file into an event log. Parts of `mapping` left out are inferred from the head
 * of the file, as the preview does. Rows that cannot be read are set aside with their line and
 * reason; problems with the file as a whole throw InputError. A large file is parsed in pieces
 * on worker threads when the context can run them (`ctx.runCsvPiece`), with the very same
 * result; whenever the pieces do not line up, the file is parsed here in one pass.
 */
export async function parseCsvLog(
  path: string,
  mapping: Partial<ColumnMapping>,
  ctx: ImportContext,
): Promise<ParsedLog> {
  throwIfCancelled(ctx.signal);
  const { head, fileSize } = await readHead(path);
  const analysis = analyzeHead(head, fileSize, ctx.fileName);
  const plan = planImport(analysis, mapping, ctx.fileName);

  const threshold = ctx.parallelThresholdBytes ?? PARALLEL_THRESHOLD_BYTES;
  const parallel =
    ctx.runCsvPiece && fileSize > threshold
      ? await parseCsvInParallel(path, mapping, analysis, plan, fileSize, ctx)
      : null;
  const outcome = parallel ?? (await parseInOnePass(path, analysis, plan, fileSize, ctx));

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

async function parseInOnePass(
  path: string,
  analysis: CsvHead,
  plan: ImportPlan,
  fileSize: number,
  ctx: ImportContext,
): Promise<RowsOutcome> {
  const reader = new CsvEventReader(analysis, plan, ctx.fileName);
  const tokenizer = new CsvTokenizer(
    analysis.dialect.delimiter.charCodeAt(0),
    analysis.dialect.quote.charCodeAt(0),
    reader,
    ctx.fileName,
  );
  // Read straight into the tokenizer's buffer (no per-chunk allocation), after the BOM.
  const file = await open(path, 'r');
  try {
    let position = analysis.dialect.bomLength;
    for (;;) {
      throwIfCancelled(ctx.signal);
      const target = tokenizer.reserve(CHUNK_BYTES);
      const { bytesRead } = await file.read(target, tokenizer.fillOffset, CHUNK_BYTES, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      tokenizer.commit(bytesRead);
      ctx.onProgress?.(position, fileSize);
    }
  } finally {
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
