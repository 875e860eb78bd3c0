import { InputError } from '../../errors.ts';
import { CsvFields, type CsvRowSink } from './csv-fields.ts';

/**
 * A byte-level CSV tokenizer that is fed chunks of any size and finds the same rows whatever
 * the chunk boundaries. It hands each complete row to a sink as byte ranges into a buffer
 * (no strings, no per-row objects): the sink decodes only the fields it needs.
 *
 * RFC 4180 with the leniencies real exports need: quoted fields may hold delimiters, newlines
 * and doubled quotes; a quote inside an unquoted field is a plain character; CRLF or LF ends a
 * row. Memory stays bounded: an unfinished row is carried over to the next chunk, but a field
 * over `fieldLimit` bytes (or a row over `rowLimit`) is skipped to its end without being kept,
 * and the row is reported as oversized.
 */

export const FIELD_LIMIT = 1 << 20;
export const ROW_LIMIT = 8 << 20;
/** More fields than this in one row are counted but not stored. */
const MAX_STORED_FIELDS = 1 << 16;

/** Field kinds: plain bytes; quoted (range already excludes the quotes); quoted with escapes. */
export const PLAIN = 0;
export const QUOTED = 1;
/** Raw bytes including quotes; decode with `unquote` (csv-fields.ts). */
export const ESCAPED = 2;

const LF = 10;
const CR = 13;
const EMPTY = Buffer.alloc(0);

function sizeText(bytes: number): string {
  if (bytes >= 1 << 20) return `${(bytes / (1 << 20)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

function limitText(bytes: number): string {
  return bytes % (1 << 20) === 0 ? `${bytes / (1 << 20)} MiB` : sizeText(bytes);
}

export class CsvTokenizer {
  private buf: Buffer = EMPTY;
  /** The tokenizer's own working buffer; `buf` is a view of its front. */
  private own: Buffer | null = null;
  /** Where `reserve` wants the next bytes. */
  fillOffset = 0;
  private pos = 0;
  private rowStart = 0;
  private fieldStart = 0;
  private kind = PLAIN;
  private inQuotes = false;
  private line = 1;
  private rowLine = 1;
  private quoteLine = 0;
  private quoteColumn = 0;
  /** Offset in `buf` where the current physical line starts, for column positions. */
  private lineStart = 0;
  readonly fields = new CsvFields();
  /** 1 for the bytes that end or open something: delimiter, LF, quote. */
  private readonly special = new Uint8Array(256);
  // Oversized row state: the row is being skipped; `openFieldBytes` counts the oversized field
  // while it is still open, across dropped chunks.
  private skipping = false;
  private skipReason = '';
  private oversizedOpen = false;
  private oversizedColumn = 0;
  private droppedFieldBytes = 0;

  constructor(
    private readonly delimiter: number,
    private readonly quote: number,
    private readonly sink: CsvRowSink,
    private readonly fileName: string,
    private readonly fieldLimit = FIELD_LIMIT,
    private readonly rowLimit = ROW_LIMIT,
  ) {
    this.special[delimiter] = 1;
    this.special[LF] = 1;
    this.special[quote] = 1;
  }

  /** Largest working buffer so far (carried row + chunk): the tokenizer's own memory. */
  peakBufferBytes = 0;

  /** Line where a still-open quote opened, or 0 when no quote is open. */
  get openQuoteLine(): number {
    return this.inQuotes ? this.quoteLine : 0;
  }

  /**
   * True when every byte fed so far belongs to complete rows: no quote open, no row begun. A
   * piece of a file parsed on its own ends where the next piece starts only if this holds.
   */
  get atRowBoundary(): boolean {
    return !this.inQuotes && !this.skipping && this.fields.count === 0 && this.rowStart === this.buf.length;
  }

  /** Physical lines seen so far (the line the tokenizer is on). */
  get currentLine(): number {
    return this.line;
  }

  /** Feeds the next bytes of the input. The tokenizer keeps no reference to `chunk` after the call. */
  push(chunk: Buffer): void {
    const target = this.reserve(chunk.length);
    chunk.copy(target, this.fillOffset);
    this.commit(chunk.length);
  }

  /**
   * A buffer to read up to `size` more input bytes into, at `fillOffset`, after the bytes of the
   * unfinished row (moved to its front). Then call `commit` with the count read. Reading straight
   * into the tokenizer's own buffer saves allocating and copying every chunk.
   */
  reserve(size: number): Buffer {
    const keep = this.buf.length - this.rowStart;
    const need = keep + size;
    // One byte more than the bytes: room for the sentinel the scan puts after them.
    if (this.own === null || this.own.length <= need) {
      const next = Buffer.allocUnsafe(Math.max(need + 1, this.own ? this.own.length * 2 : 0));
      this.buf.copy(next, 0, this.rowStart);
      this.own = next;
    } else if (keep > 0 && this.rowStart > 0) {
      // buf may be a view of own: copyWithin handles the overlap.
      if (this.buf.buffer === this.own.buffer && this.buf.byteOffset === this.own.byteOffset)
        this.own.copyWithin(0, this.rowStart, this.buf.length);
      else this.buf.copy(this.own, 0, this.rowStart);
    } else if (keep > 0 && this.buf.buffer !== this.own.buffer) {
      this.buf.copy(this.own, 0, this.rowStart);
    }
    const shift = this.rowStart;
    if (keep > 0) {
      const f = this.fields;
      const stored = Math.min(f.count, f.capacity);
      for (let k = 0; k < stored; k++) {
        f.starts[k] -= shift;
        f.ends[k] -= shift;
      }
      this.pos -= shift;
      this.fieldStart -= shift;
    } else {
      this.pos = 0;
      this.fieldStart = 0;
    }
    this.lineStart -= shift;
    this.rowStart = 0;
    this.buf = this.own.subarray(0, keep);
    this.fillOffset = keep;
    return this.own;
  }

  /** Scans the `count` bytes just read into the buffer from `reserve`. */
  commit(count: number): void {
    this.buf = this.own!.subarray(0, this.fillOffset + count);
    if (this.buf.length > this.peakBufferBytes) this.peakBufferBytes = this.buf.length;
    this.scan(false);
  }

  /** End of input: emits a last row without newline; throws on a quote that never closed. */
  finish(): void {
    this.scan(true);
    if (this.inQuotes) {
      throw new InputError(
        `A quote opened on line ${this.quoteLine} is never closed, so the rest of the file would be one field.`,
        {
          file: this.fileName,
          line: this.quoteLine,
          column: this.quoteColumn,
          hint: 'Close the quote or double it ("") where it is meant as a character, then import again.',
        },
      );
    }
    const n = this.buf.length;
    if (this.rowStart < n || this.fields.count > 0 || this.skipping) {
      let end = n;
      if (end > this.fieldStart && this.buf[end - 1] === CR) end--;
      this.endField(this.fieldStart, end, this.kind);
      this.emitRow();
      this.rowStart = n;
    }
  }

  private scan(final: boolean): void {
    const n = this.buf.length;
    if (this.own === null) return; // nothing was ever fed
    // The buffer itself (buf is its front), with a line feed after the bytes as a sentinel: the
    // loop over ordinary bytes then stops at a special byte without also testing for the end.
    const b = this.own;
    b[n] = LF;
    const D = this.delimiter;
    const Q = this.quote;
    const fields = this.fields;
    let starts = fields.starts;
    let ends = fields.ends;
    let kinds = fields.kinds;
    let cap = fields.capacity;
    let count = fields.count;
    let i = this.pos;
    let fieldStart = this.fieldStart;
    let kind = this.kind;
    let inQuotes = this.inQuotes;
    let line = this.line;
    const limit = this.fieldLimit;

    const special = this.special;
    while (i < n) {
      let c = b[i];
      if (!inQuotes) {
        // Most bytes are ordinary text: a tight loop with one table look-up per byte.
        while (special[c] === 0) c = b[++i];
        if (i === n) break;
      } else {
        if (c === Q) {
          if (i + 1 < n) {
            if (b[i + 1] === Q) {
              kind = ESCAPED;
              i += 2;
              continue;
            }
          } else if (!final) break; // a quote as the last byte: escape or close? wait for more
          inQuotes = false;
          // Text right after the closing quote (`"ab"c`) makes the field irregular.
          if (i + 1 < n) {
            const next = b[i + 1];
            if (next !== D && next !== LF && next !== CR && next !== Q) kind = ESCAPED;
          }
        } else if (c === LF) {
          line++;
          this.lineStart = i + 1;
        }
        i++;
        continue;
      }
      if (c === D || c === LF) {
        let end = i;
        if (c === LF && end > fieldStart && b[end - 1] === CR) end--;
        if (this.skipping || end - fieldStart > limit) {
          fields.count = count;
          this.line = line;
          this.endFieldSlow(fieldStart, end, kind);
          count = fields.count;
        } else {
          if (count >= cap && cap < MAX_STORED_FIELDS) {
            fields.grow();
            starts = fields.starts;
            ends = fields.ends;
            kinds = fields.kinds;
            cap = fields.capacity;
          }
          if (count < cap) {
            if (kind === QUOTED) {
              starts[count] = fieldStart + 1;
              ends[count] = end - 1;
            } else {
              starts[count] = fieldStart;
              ends[count] = end;
            }
            kinds[count] = kind;
          }
          count++;
        }
        i++;
        fieldStart = i;
        kind = PLAIN;
        if (c === LF) {
          fields.count = count;
          this.emitRow();
          count = 0;
          line++;
          this.lineStart = i;
          this.rowStart = i;
          this.rowLine = line;
        }
        continue;
      }
      // c is the quote (the only other special byte)
      if (i === fieldStart) {
        inQuotes = true;
        kind = QUOTED;
        this.quoteLine = line;
        this.quoteColumn = i - this.lineStart + 1;
      } else if (kind !== PLAIN) {
        inQuotes = true;
        kind = ESCAPED;
      }
      i++;
    }

    this.pos = i;
    this.fieldStart = fieldStart;
    this.kind = kind;
    this.inQuotes = inQuotes;
    this.line = line;
    fields.count = count;
    if (final) return;
    // The row continues in the next chunk. Keep its bytes, unless it is too large to keep.
    if (!this.skipping) {
      if (i - fieldStart > limit) {
        this.skipping = true;
        this.oversizedOpen = true;
        this.oversizedColumn = count + 1;
        this.droppedFieldBytes = 0;
      } else if (i - this.rowStart > this.rowLimit) {
        this.skipping = true;
        this.skipReason = `row is over the ${limitText(this.rowLimit)} limit for one row`;
      }
    }
    if (this.skipping) {
      if (this.oversizedOpen) this.droppedFieldBytes += i - fieldStart;
      this.fieldStart = i;
      this.rowStart = i;
    }
  }

  /** A field end while the row is oversized or the field itself is over the limit. */
  private endFieldSlow(start: number, end: number, kind: number): void {
    const f = this.fields;
    if (this.oversizedOpen) {
      const size = this.droppedFieldBytes + (end - start);
      this.skipReason = `field at column ${this.oversizedColumn} is ${sizeText(size)}, over the ${limitText(this.fieldLimit)} limit`;
      this.oversizedOpen = false;
    } else if (!this.skipping) {
      this.skipping = true;
      this.skipReason = `field at column ${f.count + 1} is ${sizeText(end - start)}, over the ${limitText(this.fieldLimit)} limit`;
    }
    void kind;
    f.count++;
  }

  private endField(start: number, end: number, kind: number): void {
    const f = this.fields;
    if (this.skipping || end - start > this.fieldLimit) {
      this.endFieldSlow(start, end, kind);
      return;
    }
    if (f.count >= f.capacity && f.capacity < MAX_STORED_FIELDS) f.grow();
    if (f.count < f.capacity) {
      f.starts[f.count] = kind === QUOTED ? start + 1 : start;
      f.ends[f.count] = kind === QUOTED ? end - 1 : end;
      f.kinds[f.count] = kind;
    }
    f.count++;
  }

  private emitRow(): void {
    if (this.skipping) {
      this.sink.oversized(this.rowLine, this.skipReason);
      this.skipping = false;
      this.oversizedOpen = false;
      this.skipReason = '';
    } else {
      this.sink.row(this.buf, this.fields, this.rowLine);
    }
    this.fields.count = 0;
  }
}
