import { ESCAPED, unquote } from './csv-tokenizer.ts';

export type CsvEncoding = 'utf-8' | 'latin1';

/**
 * Turns field bytes into text in the file's encoding. 'latin1' files are decoded as
 * Windows-1252 (what the WHATWG 'latin1' label means and what Western Windows exports really
 * are, e.g. 0x80 is €); pure ASCII takes the fast path.
 */
export class FieldDecoder {
  private readonly windows1252 = new TextDecoder('latin1');
  /** Set when a UTF-8 file held bytes that are not UTF-8 (shown as U+FFFD). */
  invalidUtf8 = false;

  constructor(
    readonly encoding: CsvEncoding,
    private readonly quote: number,
  ) {}

  text(bytes: Buffer, start: number, end: number, kind: number): string {
    if (kind === ESCAPED) {
      const plain = unquote(bytes, start, end, this.quote);
      return this.plain(plain, 0, plain.length);
    }
    return this.plain(bytes, start, end);
  }

  plain(bytes: Buffer, start: number, end: number): string {
    if (this.encoding === 'utf-8') {
      const text = bytes.toString('utf8', start, end);
      if (!this.invalidUtf8 && text.includes('\uFFFD') && !hasReplacementCharBytes(bytes, start, end)) this.invalidUtf8 = true;
      return text;
    }
    for (let i = start; i < end; i++) if (bytes[i] >= 0x80) return this.windows1252.decode(bytes.subarray(start, end));
    return bytes.toString('latin1', start, end);
  }
}

/** Whether the bytes spell U+FFFD themselves (EF BF BD), which is valid UTF-8. */
function hasReplacementCharBytes(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i + 2 < end; i++) if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) return true;
  return false;
}
