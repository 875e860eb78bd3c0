import { StringDecoder } from 'node:string_decoder';
import { InputError, throwIfCancelled } from '../../errors.ts';
import { openMaybeGzipped } from '../gzip-guard.ts';
import type { ImportContext, ParsedLog } from '../parsed-log.ts';
import { isValidTimeZone, machineTimeZone, wallClockResolver } from '../timestamps/index.ts';
import type { NaiveTimeReader } from './xes-date.ts';
import { firstNonSpace, MAX_PROLOG_CHARS, notXml, sniffEncoding, withoutUtf8Bom } from './xes-input.ts';
import { XesLogReader } from './xes-log-reader.ts';
import { DEFAULT_MAX_PENDING_CHARS, XesTokenizer, XmlSyntaxError } from './xes-tokenizer.ts';

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
  const checkedZone = (zone: string): string => {
    if (!isValidTimeZone(zone)) {
      throw new InputError(`Unknown time zone "${zone}".`, {
        file,
        hint: 'Use an IANA name such as Europe/Amsterdam, or an offset such as +01:00.',
      });
    }
    return zone;
  };
  let timeZone = options.timezone === undefined ? null : checkedZone(options.timezone);
  const zone = () => (timeZone ??= checkedZone(machineTimeZone()));
  let resolveWallClock: ((wallMs: number) => number) | null = null;
  const maxPendingText = options.maxPendingTextChars ?? MAX_PENDING_TEXT_CHARS;
  throwIfCancelled(ctx.signal);

  let reader: XesLogReader | null = null;
  const naive: NaiveTimeReader = (wall) => {
    reader!.naiveDates++;
    resolveWallClock ??= wallClockResolver(zone());
    return resolveWallClock(wall);
  };
  reader = new XesLogReader(naive, zone);
  const r = reader;

  const input = await openMaybeGzipped(path, { fileName: file, maxDecompressedBytes: ctx.maxDecompressedBytes });
  const total = input.fileSize;
  let tokenizer: XesTokenizer | null = null;
  /** Only for UTF-16: the tokenizer reads bytes in UTF-8 or Latin-1, so UTF-16 is decoded to text first. */
  let utf16: StringDecoder | null = null;
  let lastProgress = 0;
  let prologBytes = 0;
  let sawText = false;

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

  /** Until the first non-blank character: it must be "<", or this is not XML at all. */
  const checkStart = (text: Uint8Array | string, from: number) => {
    const first = firstNonSpace(text, from);
    if (first < 0) return;
    sawText = true;
    const c = typeof text === 'string' ? text.charCodeAt(first) : text[first];
    if (c !== 0x3c) throw notXml(file, 'It does not start with "<".');
  };

  try {
    for await (const chunk of input.chunks) {
      throwIfCancelled(ctx.signal);
      if (tokenizer === null) {
        const encoding = sniffEncoding(chunk);
        if (encoding === 'utf16le') {
          utf16 = new StringDecoder('utf16le');
          tokenizer = new XesTokenizer(r, { maxPendingChars: maxPendingText });
        } else tokenizer = new XesTokenizer(r, { encoding, maxPendingChars: maxPendingText });
        if (utf16 !== null) {
          let text = utf16.write(chunk);
          if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
          checkStart(text, 0);
          tokenizer.write(text);
        } else {
          const body = encoding === 'utf8' ? withoutUtf8Bom(chunk) : chunk;
          checkStart(body, 0);
          tokenizer.write(body);
        }
      } else {
        const text = utf16 !== null ? utf16.write(chunk) : chunk;
        if (!sawText) checkStart(text, 0);
        tokenizer.write(text);
      }
      if (!r.sawRoot) {
        prologBytes += chunk.length;
        if (prologBytes > MAX_PROLOG_CHARS) {
          throw new InputError('No XES <log> element in the first 64 MB of the file.', {
            file,
            line: tokenizer.line,
            hint: 'Check that this is an XES export.',
          });
        }
      }
      const done = input.fileBytesRead();
      if (done - lastProgress >= PROGRESS_EVERY_BYTES) {
        lastProgress = done;
        ctx.onProgress?.(done, total);
      }
    }
    if (utf16 !== null) tokenizer?.write(utf16.end());
  } catch (error) {
    throw asInputError(error);
  }

  if (!sawText || tokenizer === null) {
    throw new InputError('The file is empty.', {
      file,
      line: 1,
      hint: 'Choose the XES export itself, not an empty placeholder.',
    });
  }
  // The tokenizer's complaint about the end is kept for last: for a cut file, the messages below say more.
  let endError: XmlSyntaxError | null = null;
  try {
    tokenizer.end();
  } catch (error) {
    if (error instanceof XmlSyntaxError && error.truncated) endError = error;
    else throw asInputError(error);
  }
  if (!r.sawRoot) {
    throw new InputError('The file contains no XES <log> element.', {
      file,
      line: tokenizer.line,
      hint: 'Check that this is an XES export.',
    });
  }
  if (!r.closedRoot) {
    throw new InputError(`The XES file ends before </log> — it looks truncated (it stops ${r.whereInLog()}).`, {
      file,
      line: tokenizer.line,
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
