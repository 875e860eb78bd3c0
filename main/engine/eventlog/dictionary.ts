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
   * gets the next code, as `code` would give it. The new values go into the lookup map only
   * when the dictionary is next asked: after the last merge of a parallel parse nobody asks,
   * and the ~60k map insertions of a 1M-event log's second half are saved (issue 11).
   */
  merge(values: readonly string[]): Int32Array {
    if (this.indexed < this.values.length) this.index();
    const codes = new Int32Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const known = this.codes.get(values[i]);
      if (known === undefined) {
        codes[i] = this.values.length;
        this.values.push(values[i]);
      } else codes[i] = known;
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
