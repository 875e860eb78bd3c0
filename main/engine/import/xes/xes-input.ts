import { InputError } from '../../errors.ts';
import { hasUtf16LeBom, hasUtf8Bom } from '../byte-order-marks.ts';

/**
 * What an XES file is made of before its first tag: the encoding (a BOM or the XML declaration),
 * a UTF-8 BOM to skip, and the check that it is XML at all, so a CSV or a binary file picked by
 * mistake gets a message that says so rather than an XML syntax error.
 */

/** A real XES file opens <log> within a few KB; this much prolog means it is not one. */
export const MAX_PROLOG_CHARS = 64 * 1024 * 1024;

export type TextEncodingName = 'utf8' | 'utf16le' | 'latin1';

/** The encoding from a BOM or the XML declaration; XES is UTF-8 unless it says otherwise. */
export function sniffEncoding(head: Buffer): TextEncodingName {
  if (hasUtf16LeBom(head)) return 'utf16le';
  const declaration = head.subarray(0, 200).toString('latin1');
  const match = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(declaration);
  if (match && /^(iso-?8859-1|latin-?1|windows-1252|cp1252|us-ascii)$/i.test(match[1])) return 'latin1';
  return 'utf8';
}

/** The first chunk without its UTF-8 byte-order mark. */
export function withoutUtf8Bom(chunk: Buffer): Buffer {
  return hasUtf8Bom(chunk) ? chunk.subarray(3) : chunk;
}

export function notXml(fileName: string, what: string): InputError {
  return new InputError(`${what} This file is not XML, so it cannot be an XES log.`, {
    file: fileName,
    line: 1,
    column: 1,
    hint: 'If it is a CSV export, rename it to .csv and import it as CSV; otherwise export the log again as XES.',
  });
}

export function firstNonSpace(text: Uint8Array | string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = typeof text === 'string' ? text.charCodeAt(i) : text[i];
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return i;
  }
  return -1;
}
