/** What matchAt answers when the chunk ends before the pattern does (the readers' INCOMPLETE). */
const INCOMPLETE = -1;

export function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

export function sameBytes(buf: Uint8Array, aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  if (aEnd - aStart !== bEnd - bStart) return false;
  for (let k = 0; k < aEnd - aStart; k++) if (buf[aStart + k] !== buf[bStart + k]) return false;
  return true;
}

export function hasNonAscii(buf: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (buf[i] > 0x7f) return true;
  return false;
}

/** Methods every Node Buffer has (Buffer#toString calls them) but @types/node does not declare. */
export interface NodeBufferSlices {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
}

/** 1 when `pattern` is at `p`, 0 when something else is, INCOMPLETE when the chunk ends first. */
export function matchAt(buf: Buffer, p: number, end: number, pattern: Uint8Array): number {
  for (let k = 0; k < pattern.length; k++) {
    if (p + k === end) return INCOMPLETE;
    if (buf[p + k] !== pattern[k]) return 0;
  }
  return 1;
}
