/**
 * Counts of integer keys in 0..space: a dense typed array when the key space is small (the
 * usual case: pairs or triples of a few dozen activities), a Map when it is not.
 */
export class CodeCounter {
  private readonly dense: Int32Array | null;
  private readonly sparse: Map<number, number> | null;

  constructor(space: number, denseLimit = 1 << 22) {
    this.dense = space <= denseLimit ? new Int32Array(Math.max(1, space)) : null;
    this.sparse = this.dense ? null : new Map();
  }

  add(key: number): void {
    if (this.dense) this.dense[key]++;
    else this.sparse!.set(key, (this.sparse!.get(key) ?? 0) + 1);
  }

  get(key: number): number {
    return this.dense ? this.dense[key] : (this.sparse!.get(key) ?? 0);
  }

  forEach(visit: (key: number, count: number) => void): void {
    if (this.dense) {
      for (let k = 0; k < this.dense.length; k++) if (this.dense[k] > 0) visit(k, this.dense[k]);
    } else for (const [k, n] of this.sparse!) visit(k, n);
  }
}
