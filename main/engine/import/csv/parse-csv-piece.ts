import { open } from 'node:fs/promises';
import { partBuffers } from '../../eventlog/index.ts';
import { CsvEventReader } from './csv-event-reader.ts';
import type { CsvPieceInput, CsvPieceResult } from './csv-piece-types.ts';
import { CsvTokenizer } from './csv-tokenizer.ts';

const READ_BYTES = 1 << 20;

/** Parses one piece of a CSV file after its first (a worker thread's share of a parallel import). */
export async function parseCsvPiece(input: CsvPieceInput): Promise<CsvPieceResult> {
  const { head, plan } = input;
  const reader = new CsvEventReader(head, plan, input.fileName, false);
  reader.builder.reserve(input.expectedRows);
  const tokenizer = new CsvTokenizer(
    head.dialect.delimiter.charCodeAt(0),
    head.dialect.quote.charCodeAt(0),
    reader,
    input.fileName,
  );
  const file = await open(input.path, 'r');
  try {
    let position = input.start;
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
  };
}

/** The column buffers of a piece's result, moved to the merging thread instead of copied. */
export function pieceBuffers(result: CsvPieceResult): ArrayBuffer[] {
  return partBuffers(result.part);
}
