import { open } from 'node:fs/promises';

/** How far past the wanted place a split is looked for: a trace longer than this leaves one pass. */
const SEARCH_BYTES = 1 << 20;
/** Bytes before a split point looked at for a comment or CDATA section left open. */
const LOOK_BACK_BYTES = 4096;

const TRACE_CLOSE = Buffer.from('</trace>', 'latin1');
const TRACE_OPEN = Buffer.from('<trace', 'latin1');
/** What opens a stretch in which a `<trace` is not a tag, and what closes it (processing instructions are left to the check). */
const OPENERS = ['<!--', '<![CDATA['].map((m) => Buffer.from(m, 'latin1'));
const CLOSERS = ['-->', ']]>'].map((m) => Buffer.from(m, 'latin1'));

/**
 * Where to split an XES file for two threads: the byte offset of a `<trace` tag at or after
 * `from`, or -1 when none is found close by. Taken only where a `</trace>` and white space stand
 * right before it and no comment or CDATA section is left open in the LOOK_BACK_BYTES before it,
 * so it is almost surely a tag between the children of `<log>`. Almost: a comment may open
 * further back, a processing instruction anywhere. The whole parse makes sure when it reaches the split
 * (XesTokenizer.betweenChildrenOf), and reads on in one pass when the split is not clean. Inside
 * an attribute value the pattern cannot stand: XML allows no `<` there.
 */
export async function findTraceSplit(path: string, from: number, fileSize: number): Promise<number> {
  const start = Math.max(0, from - LOOK_BACK_BYTES);
  const length = Math.min(fileSize - start, LOOK_BACK_BYTES + SEARCH_BYTES);
  if (length <= 0) return -1;
  const window = Buffer.allocUnsafe(length);
  const file = await open(path, 'r');
  let bytesRead: number;
  try {
    ({ bytesRead } = await file.read(window, 0, length, start));
  } finally {
    await file.close();
  }
  const at = traceSplitIn(window.subarray(0, bytesRead), from - start);
  return at < 0 ? -1 : start + at;
}

/**
 * The split `findTraceSplit` takes in `bytes`, at or after index `from`, or -1. `bytes` starts
 * at least LOOK_BACK_BYTES before `from`, or at the file's start.
 */
export function traceSplitIn(bytes: Buffer, from: number): number {
  // From a little before `from`: the `</trace>` of a split at `from` stands before it.
  let close = bytes.indexOf(TRACE_CLOSE, Math.max(0, from - TRACE_CLOSE.length - 256));
  while (close >= 0) {
    let at = close + TRACE_CLOSE.length;
    while (at < bytes.length && isSpace(bytes[at])) at++;
    if (at >= from && startsTraceTag(bytes, at) && nothingOpenBefore(bytes, at)) return at;
    close = bytes.indexOf(TRACE_CLOSE, close + 1);
  }
  return -1;
}

function startsTraceTag(bytes: Buffer, at: number): boolean {
  if (at + TRACE_OPEN.length >= bytes.length) return false;
  if (bytes.compare(TRACE_OPEN, 0, TRACE_OPEN.length, at, at + TRACE_OPEN.length) !== 0) return false;
  const next = bytes[at + TRACE_OPEN.length];
  return next === 0x3e || next === 0x2f || isSpace(next);
}

/** No comment or CDATA section opens in the look-back before `at` without closing after. */
function nothingOpenBefore(bytes: Buffer, at: number): boolean {
  const stretch = bytes.subarray(Math.max(0, at - LOOK_BACK_BYTES), at);
  const lastOpen = Math.max(...OPENERS.map((m) => stretch.lastIndexOf(m)));
  const lastClose = Math.max(...CLOSERS.map((m) => stretch.lastIndexOf(m)));
  return lastOpen < 0 || lastClose > lastOpen;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
