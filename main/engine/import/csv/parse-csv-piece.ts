import { open } from 'node:fs/promises';
import { analyzeHead, readHead } from './csv-head.ts';
import { CsvEventReader } from './csv-event-reader.ts';
import type { CsvPieceInput, CsvPieceResult } from './csv-piece-types.ts';
import { CsvTokenizer } from './csv-tokenizer.ts';
import { planImport } from './import-plan.ts';

const READ_BYTES = 1 << 20;

/**
 * Parses one piece of a CSV file (a worker thread's share of a parallel import). The head is
 * analysed and the mapping completed here again, from the same bytes and the same given
 * mapping, so every piece reads its rows with exactly the plan of the whole parse.
 */
export async function parseCsvPiece(input: CsvPieceInput): Promise<CsvPieceResult> {
  const { head, fileSize } = await readHead(input.path);
  const analysis = analyzeHead(head, fileSize, input.fileName);
  const plan = planImport(analysis, input.mapping, input.fileName);
  const reader = new CsvEventReader(analysis, plan, input.fileName, input.first ? analysis.hasHeader : false);
  const tokenizer = new CsvTokenizer(
    analysis.dialect.delimiter.charCodeAt(0),
    analysis.dialect.quote.charCodeAt(0),
    reader,
    input.fileName,
  );
  const file = await open(input.path, 'r');
  try {
    let position = input.first ? analysis.dialect.bomLength : input.start;
    while (position < input.end) {
      const size = Math.min(READ_BYTES, input.end - position);
      const target = tokenizer.reserve(size);
      const { bytesRead } = await file.read(target, tokenizer.fillOffset, size, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      tokenizer.commit(bytesRead);
    }
  } finally {
    await file.close();
  }
  if (input.last) tokenizer.finish();
  return {
    part: reader.builder.toPart(),
    rowsRead: reader.rowsRead,
    rejectedCount: reader.rejectedCount,
    rejected: reader.rejected,
    invalidUtf8: reader.decoder.invalidUtf8,
    lines: tokenizer.currentLine - 1,
    aligned: input.last || tokenizer.atRowBoundary,
    headerPending: reader.headerPending,
  };
}
