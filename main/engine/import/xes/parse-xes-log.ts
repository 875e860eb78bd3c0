import { InputError, throwIfCancelled } from '../../errors.ts';
import { openMaybeGzipped } from '../gzip-guard.ts';
import type { ImportContext, ParsedLog } from '../parsed-log.ts';
import { newXesReader } from './new-xes-reader.ts';
import { finishXesSplit, startXesSplit } from './parse-xes-parallel.ts';
import { notXml } from './xes-input.ts';
import { DEFAULT_MAX_PENDING_CHARS, XmlSyntaxError } from './xes-tokenizer.ts';
import { XesWriter } from './xes-writer.ts';

/**
 * Streaming XES import: the tags of XesTokenizer drive a small state machine (XesLogReader, in
 * xes-log-reader.ts) that writes straight into an EventLogBuilder. Nothing is kept per event
 * beyond the builder's columns, except for a short replay buffer while the format of text
 * timestamps is being inferred (text-timestamps.ts).
 *
 * What becomes what:
 * - trace `concept:name` → case id (a trace without one gets "trace-<n>", n = trace ordinal);
 *   other trace attributes → case attributes.
 * - event `concept:name` → activity, `time:timestamp` → timestamp, `org:resource` → resource;
 *   every other event attribute, `lifecycle:transition` included, → event attribute.
 * - sourceRow of an event = the 1-based line of its `<event>` tag, as for CSV rows, so every
 *   example and drill-down can say "line N" and mean a place the user can open the file at.
 * - Nested attributes: a `<container>` is flattened, its children become attributes named
 *   `container/child` (any depth). A `<list>` has no single value and repeated keys, so it is
 *   skipped and named in the notes. Meta-attributes (children of a scalar attribute) describe
 *   the attribute, not the event, and are skipped. `<global>`, `<extension>`, `<classifier>`
 *   and log-level attributes describe the file and are skipped.
 * - Events that cannot be placed (no activity, no or unreadable timestamp, outside any trace)
 *   are rejected rows with the line of their `<event>` tag and a reason, never dropped.
 */

export interface XesImportOptions {
  /** IANA zone for timestamps without an offset; defaults to the machine's zone. */
  timezone?: string;
  /** Longest comment, text run or value accepted; MAX_PENDING_TEXT_CHARS by default (tests lower it). */
  maxPendingTextChars?: number;
}

const PROGRESS_EVERY_BYTES = 1024 * 1024;
/**
 * Longest comment, tag or attribute value read: past this length (128 M characters) it is padding
 * or an attack, not event data.
 */
const MAX_PENDING_TEXT_CHARS = DEFAULT_MAX_PENDING_CHARS;

/** Reads an XES or gzipped XES file into an event log. */
export async function parseXesLog(
  path: string,
  ctx: ImportContext,
  options: XesImportOptions = {},
): Promise<ParsedLog> {
  const file = ctx.fileName;
  const r = newXesReader(file, options.timezone);
  const maxPendingText = options.maxPendingTextChars ?? MAX_PENDING_TEXT_CHARS;
  throwIfCancelled(ctx.signal);

  const input = await openMaybeGzipped(path, { fileName: file, maxDecompressedBytes: ctx.maxDecompressedBytes });
  const total = input.fileSize;
  // A large plain file: another thread reads from a <trace> past the middle on, this one up to it.
  const split = input.gzipped ? null : await startXesSplit(path, total, ctx, options.timezone, maxPendingText);
  const writer = new XesWriter(r, file, maxPendingText);
  let lastProgress = 0;

  const asInputError = (error: unknown): unknown => {
    if (error instanceof InputError) {
      if (error.details.file === undefined) return new InputError(error.message, { ...error.details, file });
      return error;
    }
    if (!(error instanceof XmlSyntaxError)) return error;
    if (!r.sawRoot) return notXml(file, `It is not well-formed XML (${error.reason}).`);
    return new InputError(`The XES file is not well-formed XML here: ${error.reason}.`, {
      file,
      line: error.line,
      column: error.column,
      hint: 'The file may be damaged or cut short; export it again.',
    });
  };

  const chunks = input.chunks[Symbol.asyncIterator]();
  /** Bytes of the file written to the tokenizer (plain files; only the split looks at it). */
  let written = 0;
  let merged = false;
  try {
    /** Reads chunks to the file's end or, when `until` ≥ 0, until exactly that many bytes are written: then answers the chunk's rest. */
    const readChunks = async (until: number): Promise<Buffer | null> => {
      for (;;) {
        const next = await chunks.next();
        if (next.done === true) return null;
        throwIfCancelled(ctx.signal);
        const chunk = next.value;
        const rest = until >= 0 && written + chunk.length >= until ? chunk.subarray(until - written) : null;
        writer.write(rest === null ? chunk : chunk.subarray(0, until - written));
        written += chunk.length - (rest === null ? 0 : rest.length);
        const done = input.fileBytesRead();
        if (done - lastProgress >= PROGRESS_EVERY_BYTES) {
          lastProgress = done;
          ctx.onProgress?.(done, total);
        }
        if (rest !== null) return rest;
      }
    };
    if (split === null) await readChunks(-1);
    else {
      const rest = await readChunks(split.at);
      const tokenizer = writer.tokenizer;
      merged =
        rest !== null && tokenizer !== null && (await finishXesSplit(split, tokenizer, r, writer.encoding, ctx.signal));
      ctx.onXesSplit?.(split.at, merged);
      if (!merged) {
        // Not split after all: read on from the split, as the one pass would have.
        if (rest !== null) writer.write(rest);
        await readChunks(-1);
      }
    }
    writer.flush();
  } catch (error) {
    throw asInputError(error);
  } finally {
    split?.stop.abort();
    await chunks.return?.();
  }

  const t = writer.tokenizer;
  if (!writer.sawText || t === null) {
    throw new InputError('The file is empty.', {
      file,
      line: 1,
      hint: 'Choose the XES export itself, not an empty placeholder.',
    });
  }
  // The tokenizer's complaint about the end is kept for last: for a cut file, the messages below say more.
  // (After a merge the piece has read the end, and found it sound.)
  let endError: XmlSyntaxError | null = null;
  try {
    if (!merged) t.end();
  } catch (error) {
    if (error instanceof XmlSyntaxError && error.truncated) endError = error;
    else throw asInputError(error);
  }
  if (!r.sawRoot) {
    throw new InputError('The file contains no XES <log> element.', {
      file,
      line: t.line,
      hint: 'Check that this is an XES export.',
    });
  }
  if (!r.closedRoot) {
    throw new InputError(`The XES file ends before </log> — it looks truncated (it stops ${r.whereInLog()}).`, {
      file,
      line: t.line,
      hint: 'Copy or export the file again; the end of it is missing.',
    });
  }
  if (endError !== null) throw asInputError(endError);
  r.settleStringFormat();
  ctx.onProgress?.(total, total);

  const log = r.builder.finish();
  return {
    log,
    rowsRead: r.eventsRead,
    rejectedCount: r.rejectedCount,
    rejected: r.rejected,
    mapping: null,
    notes: input.gzipped ? ['The file is gzip-compressed; it was unpacked while reading.', ...r.notes()] : r.notes(),
  };
}
