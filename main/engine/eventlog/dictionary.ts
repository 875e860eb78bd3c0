/** Assigns dense integer codes to strings in order of first appearance. */
export class StringDictionary {
  private readonly codes = new Map<string, number>();
  readonly values: string[] = [];
  /** Values from here on were added by `merge` or `addNew` and are not in `codes` yet (see `index`). */
  private indexed = 0;

  code(value: string): number {
    if (this.indexed < this.values.length) this.index();
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.codes.set(value, code);
      this.values.push(value);
      this.indexed++;
    }
    return code;
  }

  /**
   * Appends a value the caller knows is not here yet and returns its code. It is indexed for
   * look-ups only when one comes: a parse that finds every new value by other means (the CSV
   * reader, by bytes) never fills the Map, the costliest part of 100k+ distinct case ids.
   */
  addNew(value: string): number {
    this.values.push(value);
    return this.values.length - 1;
  }

  /** Code of a value already seen, or -1. */
  lookup(value: string): number {
    if (this.indexed < this.values.length) this.index();
    return this.codes.get(value) ?? -1;
  }

  /**
   * The codes of `values` (distinct among themselves), in their order: each value not here yet
   * gets the next code, as `code` would give it; the new values are indexed for `code` and
   * `lookup` only when one comes. The look-ups go through a table of this call's own (an
   * open-addressing hash of the strings' characters), not the Map: filling a Map with the
   * first piece's case ids and asking it for the second's cost a 10M-event parallel import
   * 1.7 s of its merge, ~1 µs an id (issue 11).
   */
  merge(values: readonly string[]): Int32Array {
    const known = this.values.length;
    const size = tableSize(known);
    const mask = size - 1;
    const table = new Int32Array(size).fill(-1);
    for (let c = 0; c < known; c++) {
      let slot = hashOf(this.values[c]) & mask;
      while (table[slot] >= 0) slot = (slot + 1) & mask;
      table[slot] = c;
    }
    const codes = new Int32Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      let slot = hashOf(value) & mask;
      let code = -1;
      for (let c = table[slot]; c >= 0; c = table[slot]) {
        if (this.values[c] === value) {
          code = c;
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (code < 0) {
        code = this.values.length;
        this.values.push(value);
      }
      codes[i] = code;
    }
    return codes;
  }

  get size(): number {
    return this.values.length;
  }

  private index(): void {
    for (let c = this.indexed; c < this.values.length; c++) this.codes.set(this.values[c], c);
    this.indexed = this.values.length;
  }
}

/** A power of two at least twice `count`: probes stay short. */
function tableSize(count: number): number {
  let size = 1024;
  while (size < count * 2) size *= 2;
  return size;
}

/** FNV-1a over the UTF-16 code units. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}
