/**
 * Maps field bytes to one shared string per distinct value, without decoding the bytes again
 * when the value was seen before. Case ids, activities and resources repeat on nearly every
 * row, so this saves a string allocation and a UTF-8 decode per field; and because the same
 * string object comes back, the event-log dictionaries find it by its cached hash.
 *
 * Memory is capped: past `maxEntries` distinct values (or long values) it stops remembering
 * new ones and just decodes.
 */
export class ByteInterner {
  private slots: Int32Array;
  private mask: number;
  private hashes: Int32Array = new Int32Array(1024);
  private offsets: Int32Array = new Int32Array(1024);
  private lengths: Int32Array = new Int32Array(1024);
  private pool: Uint8Array = new Uint8Array(1 << 16);
  private poolUsed = 0;
  private readonly strings: string[] = [];

  constructor(
    private readonly decode: (bytes: Buffer, start: number, end: number) => string,
    private readonly maxEntries = 1 << 21,
    private readonly maxLength = 256,
  ) {
    this.slots = new Int32Array(4096).fill(-1);
    this.mask = 4095;
  }

  get size(): number {
    return this.strings.length;
  }

  intern(bytes: Buffer, start: number, end: number): string {
    const entry = this.entry(bytes, start, end);
    return entry >= 0 ? this.strings[entry] : this.decode(bytes, start, end);
  }

  /** The string of an entry returned by `entry`. */
  text(entry: number): string {
    return this.strings[entry];
  }

  /**
   * The dense index of these bytes' value, adding it when new; -1 when the value is too long or
   * the interner is full (the caller then decodes the bytes itself). Callers keep per-entry data
   * (such as a dictionary code) in an array indexed by it, so a repeated value costs one hash.
   */
  entry(bytes: Buffer, start: number, end: number): number {
    const length = end - start;
    if (length > this.maxLength) return -1;
    let h = 0x811c9dc5 ^ length;
    for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
    const mask = this.mask;
    const slots = this.slots;
    let slot = h & mask;
    for (;;) {
      const entry = slots[slot];
      if (entry < 0) break;
      if (this.hashes[entry] === h && this.lengths[entry] === length) {
        const pool = this.pool;
        let at = this.offsets[entry];
        let i = start;
        while (i < end && pool[at] === bytes[i]) {
          i++;
          at++;
        }
        if (i === end) return entry;
      }
      slot = (slot + 1) & mask;
    }
    if (this.strings.length >= this.maxEntries) return -1;
    const added = this.strings.length;
    this.insert(slot, h, bytes, start, length, this.decode(bytes, start, end));
    return added;
  }

  private insert(slot: number, hash: number, bytes: Uint8Array, start: number, length: number, text: string): void {
    const entry = this.strings.length;
    if (entry === this.hashes.length) {
      this.hashes = grow(this.hashes);
      this.offsets = grow(this.offsets);
      this.lengths = grow(this.lengths);
    }
    if (this.poolUsed + length > this.pool.length) {
      let size = this.pool.length * 2;
      while (size < this.poolUsed + length) size *= 2;
      const pool = new Uint8Array(size);
      pool.set(this.pool.subarray(0, this.poolUsed));
      this.pool = pool;
    }
    // A byte loop, not pool.set(bytes.subarray(…)): that makes a Buffer object per new value.
    const pool = this.pool;
    for (let i = 0, at = this.poolUsed; i < length; i++, at++) pool[at] = bytes[start + i];
    this.hashes[entry] = hash;
    this.offsets[entry] = this.poolUsed;
    this.lengths[entry] = length;
    this.poolUsed += length;
    this.strings.push(text);
    this.slots[slot] = entry;
    if (this.strings.length * 2 > this.slots.length) this.rehash();
  }

  private rehash(): void {
    const size = this.slots.length * 2;
    const slots = new Int32Array(size).fill(-1);
    const mask = size - 1;
    for (let entry = 0; entry < this.strings.length; entry++) {
      let slot = this.hashes[entry] & mask;
      while (slots[slot] >= 0) slot = (slot + 1) & mask;
      slots[slot] = entry;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

function grow(values: Int32Array): Int32Array {
  const next = new Int32Array(values.length * 2);
  next.set(values);
  return next;
}
