import { isUtf8 } from 'node:buffer';
import type { CsvEncoding } from './field-decoder.ts';

/**
 * How a CSV file is written: encoding, byte order mark, delimiter and quote character, all
 * decided from the first bytes of the file, each with a sentence saying why.
 */
export interface CsvDialect {
  encoding: CsvEncoding;
  hasBom: boolean;
  /** Bytes to skip at the start (the BOM). */
  bomLength: number;
  delimiter: string;
  quote: string;
  notes: string[];
}

const DELIMITERS: { char: string; name: string }[] = [
  { char: ',', name: 'comma' },
  { char: ';', name: 'semicolon' },
  { char: '\t', name: 'tab' },
  { char: '|', name: 'pipe' },
];

export function delimiterName(delimiter: string): string {
  return DELIMITERS.find((d) => d.char === delimiter)?.name ?? `"${delimiter}"`;
}

/**
 * Offset of the first byte that breaks UTF-8, or -1. An incomplete sequence at the very end
 * of a head that is not the whole file is not an error: the next byte was cut off.
 */
export function firstInvalidUtf8(b: Uint8Array, start: number, isWholeFile: boolean): number {
  // Most files are valid UTF-8 throughout: Node's native check says so far faster than the loop
  // below, which then only runs to find where (and whether a cut-off end is to blame).
  if (isUtf8(b.subarray(start))) return -1;
  const n = b.length;
  let i = start;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= n) return isWholeFile ? i : -1;
    let code = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k];
      if ((cc & 0xc0) !== 0x80) return i;
      code = (code << 6) | (cc & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function lineOf(b: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (b[i] === 10) line++;
  return line;
}

/**
 * Field counts of the first rows when split by `delimiter`, honouring `quote`. The last row is
 * left out when the head was cut inside it.
 */
export function fieldCounts(
  b: Uint8Array,
  start: number,
  delimiter: number,
  quote: number,
  isWholeFile: boolean,
  maxRows = 500,
): number[] {
  const counts: number[] = [];
  let inQuotes = false;
  let fields = 1;
  let rowHasBytes = false;
  for (let i = start; i < b.length && counts.length < maxRows; i++) {
    const c = b[i];
    if (c === quote) inQuotes = !inQuotes;
    else if (!inQuotes) {
      if (c === delimiter) fields++;
      else if (c === 10) {
        if (rowHasBytes || fields > 1) counts.push(fields);
        fields = 1;
        rowHasBytes = false;
        continue;
      }
    }
    if (c !== 13) rowHasBytes = true;
  }
  if (isWholeFile && (rowHasBytes || fields > 1) && counts.length < maxRows) counts.push(fields);
  return counts;
}

function consistency(counts: number[]): { mode: number; share: number } {
  const tally = new Map<number, number>();
  for (const c of counts) tally.set(c, (tally.get(c) ?? 0) + 1);
  let mode = 1;
  let best = 0;
  for (const [count, times] of tally) {
    if (times > best || (times === best && count > mode)) {
      mode = count;
      best = times;
    }
  }
  return { mode, share: counts.length ? best / counts.length : 0 };
}

export function detectDialect(head: Uint8Array, isWholeFile: boolean): CsvDialect {
  const notes: string[] = [];
  const hasBom = head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  const bomLength = hasBom ? 3 : 0;
  const invalid = firstInvalidUtf8(head, bomLength, isWholeFile);
  const encoding: CsvEncoding = invalid < 0 ? 'utf-8' : 'latin1';
  if (encoding === 'utf-8') notes.push(hasBom ? 'Encoding: UTF-8 with a byte order mark.' : 'Encoding: UTF-8.');
  else
    notes.push(
      `Encoding: Latin-1 (Windows-1252), because line ${lineOf(head, invalid)} holds bytes that are not valid UTF-8.`,
    );

  // Quote: the double quote, unless the file never uses it and wraps fields in single quotes.
  let quote = '"';
  const counts = new Map<string, number[]>();
  let best = DELIMITERS[0];
  let bestScore = { mode: 1, share: 0 };
  for (const candidate of DELIMITERS) {
    const c = fieldCounts(head, bomLength, candidate.char.charCodeAt(0), 34, isWholeFile);
    counts.set(candidate.char, c);
    const score = consistency(c);
    if (score.mode < 2) continue;
    if (score.share > bestScore.share || (score.share === bestScore.share && score.mode > bestScore.mode)) {
      best = candidate;
      bestScore = score;
    }
  }
  const delimiter = best.char;
  if (bestScore.mode < 2)
    notes.push('Delimiter: none of comma, semicolon, tab or pipe splits the lines; the file is read as one column.');
  else {
    const rows = counts.get(delimiter)!.length;
    const agreeing = Math.round(bestScore.share * rows);
    notes.push(
      agreeing === rows
        ? `Delimiter: ${best.name}, because every sampled line (${rows}) splits into ${bestScore.mode} fields with it.`
        : `Delimiter: ${best.name}, because ${agreeing} of ${rows} sampled lines split into ${bestScore.mode} fields with it, more consistently than with any other.`,
    );
  }
  if (!head.includes(34) && usesSingleQuotes(head, delimiter.charCodeAt(0))) {
    quote = "'";
    notes.push("Quote: fields are wrapped in single quotes (').");
  }
  return { encoding, hasBom, bomLength, delimiter, quote, notes };
}

/** Whether some field both starts and ends with a single quote right at delimiters. */
function usesSingleQuotes(b: Uint8Array, delimiter: number): boolean {
  let wrapped = 0;
  // From one single quote to the next by the native search: most heads hold none at all.
  for (let i = b.indexOf(39); i >= 0; i = b.indexOf(39, i + 1)) {
    const before = i === 0 ? delimiter : b[i - 1];
    if (before !== delimiter && before !== 10) continue;
    const close = b.indexOf(39, i + 1);
    if (close < 0) break;
    const after = close + 1 < b.length ? b[close + 1] : 10;
    if (after === delimiter || after === 10 || after === 13) wrapped++;
    i = close;
  }
  return wrapped >= 2;
}
