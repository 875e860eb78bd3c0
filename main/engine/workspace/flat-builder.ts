/**
 * Writes the small FlatBuffers tables of an Arrow file (schema, message headers, footer), the
 * counterpart of the reader in arrow-bytes.ts.
 *
 * A table is given as a tree and laid out front to back: each table's vtable, then the table,
 * then what its offset fields point to, so every offset points forward as FlatBuffers requires.
 * Scalars are aligned to their size, struct vectors to 8. The tables are a few hundred bytes, so
 * simplicity beats the official builder's back-to-front layout (and loading the flatbuffers
 * package). Format: https://flatbuffers.dev/internals/
 */

export type FlatValue =
  | { u8: number }
  | { i16: number }
  | { i32: number }
  | { i64: number }
  | { string: string }
  | { table: FlatTable }
  | { tables: readonly FlatTable[] }
  /** A vector of structs already laid out little-endian, `count` elements, 8-byte aligned. */
  | { structs: Uint8Array; count: number };

/** A table's fields by their index in the schema; absent (undefined) fields take their default. */
export type FlatTable = readonly (FlatValue | undefined)[];

const encoder = new TextEncoder();

/** Encodes `root` as a FlatBuffer (root offset first). Its length is not padded. */
export function encodeFlatBuffer(root: FlatTable): Uint8Array {
  const out = new Output();
  out.u32(0);
  out.patch(0, writeTable(out, root));
  return out.bytes.slice(0, out.size);
}

/** The inline size of a field (offsets to strings, tables and vectors are 4 bytes). */
function inlineSize(value: FlatValue): number {
  if ('u8' in value) return 1;
  if ('i16' in value) return 2;
  if ('i64' in value) return 8;
  return 4;
}

function writeTable(out: Output, table: FlatTable): number {
  // vtable: its own size, the table's size, then each field's offset inside the table (0: absent).
  out.align(2, 0);
  const vtable = out.size;
  out.u16(4 + 2 * table.length);
  out.u16(0);
  for (let i = 0; i < table.length; i++) out.u16(0);
  // The table: signed offset back to its vtable, then fields, the widest first, each aligned.
  const present = table
    .map((value, index) => ({ value, index }))
    .filter((f): f is { value: FlatValue; index: number } => f.value !== undefined)
    .sort((a, b) => inlineSize(b.value) - inlineSize(a.value));
  if (present.some((f) => inlineSize(f.value) === 8)) out.align(8, 4);
  else out.align(4, 0);
  const start = out.size;
  out.i32(start - vtable);
  const references: { at: number; value: FlatValue }[] = [];
  for (const { value, index } of present) {
    const size = inlineSize(value);
    out.align(size, 0);
    out.view.setUint16(vtable + 4 + 2 * index, out.size - start, true);
    if ('u8' in value) out.u8(value.u8);
    else if ('i16' in value) out.i16(value.i16);
    else if ('i32' in value) out.i32(value.i32);
    else if ('i64' in value) out.i64(value.i64);
    else {
      references.push({ at: out.size, value });
      out.u32(0);
    }
  }
  out.view.setUint16(vtable + 2, out.size - start, true);
  for (const { at, value } of references) out.patch(at, writeReferenced(out, value));
  return start;
}

/** Writes what an offset field points to; returns where it starts. */
function writeReferenced(out: Output, value: FlatValue): number {
  if ('table' in value) return writeTable(out, value.table);
  if ('string' in value) {
    const bytes = encoder.encode(value.string);
    out.align(4, 0);
    const start = out.size;
    out.u32(bytes.length);
    out.raw(bytes);
    out.u8(0);
    return start;
  }
  if ('structs' in value) {
    // The length sits just before the first element, which must be 8-byte aligned.
    out.align(8, 4);
    const start = out.size;
    out.u32(value.count);
    out.raw(value.structs);
    return start;
  }
  if ('tables' in value) {
    out.align(4, 0);
    const start = out.size;
    out.u32(value.tables.length);
    const slots = value.tables.map(() => {
      const at = out.size;
      out.u32(0);
      return at;
    });
    value.tables.forEach((table, i) => out.patch(slots[i]!, writeTable(out, table)));
    return start;
  }
  throw new Error('a scalar is not referenced');
}

/** A growing little-endian byte buffer. */
class Output {
  bytes = new Uint8Array(512);
  view = new DataView(this.bytes.buffer);
  size = 0;

  private reserve(n: number): number {
    if (this.size + n > this.bytes.length) {
      const bigger = new Uint8Array(Math.max(2 * this.bytes.length, this.size + n));
      bigger.set(this.bytes);
      this.bytes = bigger;
      this.view = new DataView(bigger.buffer);
    }
    const at = this.size;
    this.size += n;
    return at;
  }
  /** Pads with zeros until size % n === remainder. */
  align(n: number, remainder: number): void {
    while (this.size % n !== remainder) this.u8(0);
  }
  /** An unsigned offset at `at` pointing forward to `target`. */
  patch(at: number, target: number): void {
    this.view.setUint32(at, target - at, true);
  }
  u8(v: number): void {
    const at = this.reserve(1);
    this.view.setUint8(at, v);
  }
  u16(v: number): void {
    const at = this.reserve(2);
    this.view.setUint16(at, v, true);
  }
  i16(v: number): void {
    const at = this.reserve(2);
    this.view.setInt16(at, v, true);
  }
  u32(v: number): void {
    const at = this.reserve(4);
    this.view.setUint32(at, v, true);
  }
  i32(v: number): void {
    const at = this.reserve(4);
    this.view.setInt32(at, v, true);
  }
  i64(v: number): void {
    const at = this.reserve(8);
    this.view.setBigInt64(at, BigInt(v), true);
  }
  raw(b: Uint8Array): void {
    const at = this.reserve(b.length);
    this.bytes.set(b, at);
  }
}
