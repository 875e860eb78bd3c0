/**
 * The byte-order marks that decide a text input's encoding, named once for the readers of text
 * formats (the XES input; the CSV head reader has the same checks inline in its own folder).
 */

/** True when the bytes start with the UTF-8 byte-order mark EF BB BF. */
export function hasUtf8Bom(head: Uint8Array): boolean {
  return head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
}

/** True when the bytes start with the UTF-16 little-endian byte-order mark FF FE. */
export function hasUtf16LeBom(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0xff && head[1] === 0xfe;
}
