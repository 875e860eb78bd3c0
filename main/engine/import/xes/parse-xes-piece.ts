import { createReadStream } from 'node:fs';
import { newXesReader } from './new-xes-reader.ts';
import { PIECE_ROOT, type XesPieceInput, type XesPieceResult } from './xes-piece-types.ts';
import { XesPieceRules } from './xes-piece-rules.ts';
import { XesTokenizer } from './xes-tokenizer.ts';

const READ_CHUNK_BYTES = 256 * 1024;

/**
 * Reads the piece of an XES file that starts at a `<trace` between the children of `<log>` and
 * runs to the file's end, as if the log's head stood before it: its events, with lines counted
 * from the piece's first line. Anything it cannot read as the whole-file parse would (a damaged
 * file included, whose error the one pass words with the right line) answers 'whole file'.
 */
export async function parseXesPiece(input: XesPieceInput): Promise<XesPieceResult> {
  try {
    const reader = newXesReader(input.fileName, input.timezone, new XesPieceRules());
    const tokenizer = new XesTokenizer(reader, {
      encoding: input.encoding,
      maxPendingChars: input.maxPendingTextChars,
    });
    // No line break in it: line 1 of the piece is the line its first `<trace` is on.
    tokenizer.write(Buffer.from(`<${PIECE_ROOT}>`, 'latin1'));
    const stream = createReadStream(input.path, { start: input.start, highWaterMark: READ_CHUNK_BYTES });
    for await (const chunk of stream as AsyncIterable<Buffer>) tokenizer.write(chunk);
    tokenizer.end();
    if (!reader.closedRoot) return { kind: 'whole file', why: 'the piece does not end its <log>' };
    return {
      kind: 'part',
      part: reader.builder.toPart(),
      eventsRead: reader.eventsRead,
      rejectedCount: reader.rejectedCount,
      rejected: reader.rejected,
      tallies: reader.tallies,
    };
  } catch (error) {
    return { kind: 'whole file', why: error instanceof Error ? error.message : String(error) };
  }
}
