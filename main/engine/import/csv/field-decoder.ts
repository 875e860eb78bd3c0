import { unquote } from './csv-fields.ts';
import { ESCAPED } from './csv-tokenizer.ts';

export type CsvEncoding = 'utf-8' | 'latin1';

/** Windows-1252 differs from ISO-8859-1 only in 0x80..0x9F (e.g. 0x80 is €). */
const CP1252_80_9F = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];
const C1_CONTROLS = /[\u0080-\u009f]/g;

/** Windows-1252 text of the bytes. (Node 20's TextDecoder('latin1') leaves 0x80..0x9F as C1 controls.) */
export function decodeWindows1252(bytes: Buffer, start: number, end: number): string {
  return bytes
    .toString('latin1', start, end)
    .replace(C1_CONTROLS, (c) => String.fromCharCode(CP1252_80_9F[c.charCodeAt(0) - 0x80]));
}

/**
 * Turns field bytes into text in the file's encoding. 'latin1' files are decoded as
 * Windows-1252 (what the WHATWG 'latin1' label means and what Western Windows exports really
 * are, e.g. 0x80 is €).
 */
export class FieldDecoder {
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
      if (!this.invalidUtf8 && text.includes('\uFFFD') && !hasReplacementCharBytes(bytes, start, end))
        this.invalidUtf8 = true;
      return text;
    }
    for (let i = start; i < end; i++)
      if (bytes[i] >= 0x80 && bytes[i] <= 0x9f) return decodeWindows1252(bytes, start, end);
    return bytes.toString('latin1', start, end);
  }
}

/** Whether the bytes spell U+FFFD themselves (EF BF BD), which is valid UTF-8. */
function hasReplacementCharBytes(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i + 2 < end; i++)
    if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) return true;
  return false;
}
