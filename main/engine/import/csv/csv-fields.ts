/**
 * A CSV row as the tokenizer hands it over: the byte ranges and kinds of its fields (reused for
 * every row), the sink that receives rows, and decoding an escaped field. The field kind values
 * (PLAIN, QUOTED, ESCAPED) stay in csv-tokenizer.ts, beside the loop that sets them.
 */

/** The fields of the current row; reused for every row. */
export class CsvFields {
  starts: Int32Array;
  ends: Int32Array;
  kinds: Uint8Array;
  count = 0;
  constructor(capacity = 64) {
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.kinds = new Uint8Array(capacity);
  }
  get capacity(): number {
    return this.starts.length;
  }
  grow(): void {
    const size = this.starts.length * 2;
    const starts = new Int32Array(size);
    starts.set(this.starts);
    const ends = new Int32Array(size);
    ends.set(this.ends);
    const kinds = new Uint8Array(size);
    kinds.set(this.kinds);
    this.starts = starts;
    this.ends = ends;
    this.kinds = kinds;
  }
}

export interface CsvRowSink {
  /** A complete row starting at 1-based `line`; ranges index into `bytes`, valid only during the call. */
  row(bytes: Buffer, fields: CsvFields, line: number): void;
  /** A row that was skipped because a field or the row itself is too large. */
  oversized(line: number, reason: string): void;
}

/** The text of an ESCAPED field's raw bytes: quotes removed, doubled quotes made single. */
export function unquote(bytes: Uint8Array, start: number, end: number, quote: number): Buffer {
  const out = Buffer.allocUnsafe(end - start);
  let n = 0;
  let inQuotes = false;
  for (let i = start; i < end; i++) {
    const c = bytes[i];
    if (c === quote) {
      if (inQuotes && i + 1 < end && bytes[i + 1] === quote) {
        out[n++] = quote;
        i++;
      } else inQuotes = !inQuotes;
    } else out[n++] = c;
  }
  return out.subarray(0, n);
}
