/**
 * The bytes under arrow-file.ts: where they come from (memory, or the file read range by range)
 * and the FlatBuffers tables the footer, schema and messages are written in.
 */

import { closeSync, openSync, readSync, statSync } from 'node:fs';

export class CorruptArrowFile extends Error {
  constructor(what: string) {
    super(`The snapshot file is not an Arrow file this version can read (${what})`);
  }
}

/** FlatBuffers tables, read in place (little-endian, as the format fixes). */
export class Flat {
  constructor(
    readonly view: DataView,
    readonly bytes: Uint8Array,
  ) {}

  root(at: number): number {
    return at + this.u32(at);
  }
  u32(at: number): number {
    if (at < 0 || at + 4 > this.view.byteLength) throw new CorruptArrowFile(`offset ${at} outside the file`);
    return this.view.getUint32(at, true);
  }
  /** Position of field `index` of the table at `table`, or 0 when absent. */
  field(table: number, index: number): number {
    const vtable = table - this.view.getInt32(table, true);
    const size = this.view.getUint16(vtable, true);
    const slot = 4 + 2 * index;
    if (slot >= size) return 0;
    const offset = this.view.getUint16(vtable + slot, true);
    return offset === 0 ? 0 : table + offset;
  }
  table(table: number, index: number): number {
    const at = this.field(table, index);
    return at === 0 ? 0 : at + this.u32(at);
  }
  int(table: number, index: number, fallback = 0): number {
    const at = this.field(table, index);
    return at === 0 ? fallback : this.view.getInt32(at, true);
  }
  i16(table: number, index: number, fallback = 0): number {
    const at = this.field(table, index);
    return at === 0 ? fallback : this.view.getInt16(at, true);
  }
  u8(table: number, index: number, fallback = 0): number {
    const at = this.field(table, index);
    return at === 0 ? fallback : this.view.getUint8(at);
  }
  long(table: number, index: number): number {
    const at = this.field(table, index);
    return at === 0 ? 0 : this.i64(at);
  }
  i64(at: number): number {
    const value = this.view.getBigInt64(at, true);
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < 0n)
      throw new CorruptArrowFile(`number ${value} out of range`);
    return Number(value);
  }
  /** Start and length of the vector in field `index`; structs and tables follow at `start`. */
  vector(table: number, index: number): { start: number; length: number } {
    const at = this.field(table, index);
    if (at === 0) return { start: 0, length: 0 };
    const vec = at + this.u32(at);
    return { start: vec + 4, length: this.u32(vec) };
  }
  string(table: number, index: number): string {
    const at = this.field(table, index);
    if (at === 0) return '';
    const str = at + this.u32(at);
    const length = this.u32(str);
    return utf8.decode(this.bytes.subarray(str + 4, str + 4 + length));
  }
  /** The i-th table of a vector of tables. */
  tableAt(start: number, i: number): number {
    const at = start + 4 * i;
    return at + this.u32(at);
  }
}

export const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Where the file's bytes come from: memory, or the file itself read range by range. */
export interface Source {
  size: number;
  /** `length` bytes from `offset`, starting 8-byte aligned in memory. */
  read(offset: number, length: number): Uint8Array;
}

export function memorySource(bytes: Uint8Array): Source {
  return { size: bytes.length, read: (offset, length) => bytes.subarray(offset, offset + length) };
}

/**
 * The file read on demand: only the footer, the messages' metadata and the columns asked for are
 * read. A snapshot file never changes once written (a new import writes new files), so a column
 * read later is the column of the same snapshot.
 */
export function fileSource(path: string): Source {
  const size = statSync(path).size;
  return {
    size,
    read(offset, length) {
      // Its own ArrayBuffer: typed-array views need the 8-byte alignment a pooled Buffer lacks.
      const out = new Uint8Array(length);
      let fd: number;
      try {
        fd = openSync(path, 'r');
      } catch (error) {
        throw new Error(
          `The snapshot file ${path} can no longer be read (${(error as Error).message}); open the workspace again`,
          { cause: error },
        );
      }
      try {
        let done = 0;
        while (done < length) {
          const n = readSync(fd, out, done, length - done, offset + done);
          if (n === 0) throw new CorruptArrowFile(`${path} ends at byte ${offset + done}, before its columns do`);
          done += n;
        }
      } finally {
        closeSync(fd);
      }
      return out;
    },
  };
}

export function flatOf(bytes: Uint8Array): Flat {
  return new Flat(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), bytes);
}
