/**
 * Typed arrays that grow by doubling, so builders never hold per-event objects. Int32 and Float64
 * are two classes on purpose, not one generic: `push` is called once per event per column, and a
 * class that sees one array type keeps that call site monomorphic for V8.
 */

export class GrowableInt32 {
  private data: Int32Array;
  length = 0;
  constructor(initial = 1024) {
    this.data = new Int32Array(initial);
  }
  /** Appends all of `values` at once (merging a parallel parse's pieces). */
  append(values: Int32Array): void {
    if (this.length + values.length > this.data.length) this.grow(this.length + values.length);
    this.data.set(values, this.length);
    this.length += values.length;
  }
  push(value: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = value;
  }
  /** Sets index i, padding any gap with `fill`. */
  set(i: number, value: number, fill: number): void {
    if (i >= this.data.length) this.grow(i + 1);
    if (i > this.length) this.data.fill(fill, this.length, i);
    this.data[i] = value;
    if (i >= this.length) this.length = i + 1;
  }
  get(i: number): number {
    return this.data[i];
  }
  /** A copy trimmed to `length` (padded with `fill` up to `length` if larger). */
  toArray(length = this.length, fill = 0): Int32Array {
    const out = new Int32Array(length);
    out.set(this.data.subarray(0, Math.min(length, this.length)));
    if (length > this.length) out.fill(fill, this.length);
    return out;
  }
  /**
   * The first `length` values without a copy (padded with `fill` up to `length` if larger): for
   * a builder's last step, after which nothing is added.
   */
  /**
   * The first `length` values (padded with `fill`) for a caller that takes the column over: this
   * array itself when it has little room to spare (no new memory, no copy; nothing may be added
   * after), else a trimmed copy, so that the room of a doubling is not kept for the log's life.
   */
  spend(length = this.length, fill = 0): Int32Array {
    const room = this.data.length - length;
    return room >= 0 && room <= length >> 3 ? this.view(length, fill) : this.toArray(length, fill);
  }
  view(length = this.length, fill = 0): Int32Array {
    if (length > this.data.length) return this.toArray(length, fill);
    if (length > this.length) this.data.fill(fill, this.length, length);
    return this.data.subarray(0, length);
  }
  /** Adds `count` values and answers them to fill in place (a merge writes its translated codes there). */
  appendSlots(count: number): Int32Array {
    if (this.length + count > this.data.length) this.grow(this.length + count);
    this.length += count;
    return this.data.subarray(this.length - count, this.length);
  }
  /** Room for `capacity` values, so that adding up to that many never copies. */
  reserve(capacity: number): void {
    if (capacity <= this.data.length) return;
    const next = new Int32Array(capacity);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
  private grow(min: number): void {
    let size = this.data.length * 2;
    while (size < min) size *= 2;
    const next = new Int32Array(size);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
}

export class GrowableFloat64 {
  private data: Float64Array;
  length = 0;
  constructor(initial = 1024) {
    this.data = new Float64Array(initial);
  }
  /** Appends all of `values` at once (merging a parallel parse's pieces). */
  append(values: Float64Array): void {
    if (this.length + values.length > this.data.length) this.grow(this.length + values.length);
    this.data.set(values, this.length);
    this.length += values.length;
  }
  push(value: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = value;
  }
  set(i: number, value: number, fill: number): void {
    if (i >= this.data.length) this.grow(i + 1);
    if (i > this.length) this.data.fill(fill, this.length, i);
    this.data[i] = value;
    if (i >= this.length) this.length = i + 1;
  }
  get(i: number): number {
    return this.data[i];
  }
  toArray(length = this.length, fill = 0): Float64Array {
    const out = new Float64Array(length);
    out.set(this.data.subarray(0, Math.min(length, this.length)));
    if (length > this.length) out.fill(fill, this.length);
    return out;
  }
  /**
   * The first `length` values without a copy (padded with `fill` up to `length` if larger): for
   * a builder's last step, after which nothing is added.
   */
  /**
   * The first `length` values (padded with `fill`) for a caller that takes the column over: this
   * array itself when it has little room to spare (no new memory, no copy; nothing may be added
   * after), else a trimmed copy, so that the room of a doubling is not kept for the log's life.
   */
  spend(length = this.length, fill = 0): Float64Array {
    const room = this.data.length - length;
    return room >= 0 && room <= length >> 3 ? this.view(length, fill) : this.toArray(length, fill);
  }
  view(length = this.length, fill = 0): Float64Array {
    if (length > this.data.length) return this.toArray(length, fill);
    if (length > this.length) this.data.fill(fill, this.length, length);
    return this.data.subarray(0, length);
  }
  /** Adds `count` values and answers them to fill in place (a merge writes its translated codes there). */
  appendSlots(count: number): Float64Array {
    if (this.length + count > this.data.length) this.grow(this.length + count);
    this.length += count;
    return this.data.subarray(this.length - count, this.length);
  }
  /** Room for `capacity` values, so that adding up to that many never copies. */
  reserve(capacity: number): void {
    if (capacity <= this.data.length) return;
    const next = new Float64Array(capacity);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
  private grow(min: number): void {
    let size = this.data.length * 2;
    while (size < min) size *= 2;
    const next = new Float64Array(size);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
}
