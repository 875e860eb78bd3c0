import type { ByteInterner } from './byte-interner.ts';

/**
 * Dictionary codes of a column's values, looked up by their bytes: a repeated value costs one
 * hash in the interner and an array read, instead of a decode plus a Map lookup per row.
 */
export class FieldCodes {
  private codes = new Int32Array(1024).fill(-1);

  constructor(
    private readonly interner: ByteInterner,
    private readonly decode: (bytes: Buffer, start: number, end: number) => string,
    /** The event-log dictionary's code for a value (creating it when new). */
    private readonly codeOf: (text: string) => number,
  ) {}

  code(bytes: Buffer, start: number, end: number): number {
    const entry = this.interner.entry(bytes, start, end);
    if (entry < 0) return this.codeOf(this.decode(bytes, start, end));
    if (entry >= this.codes.length) {
      const grown = new Int32Array(Math.max(this.codes.length * 2, entry + 1)).fill(-1);
      grown.set(this.codes);
      this.codes = grown;
    }
    let code = this.codes[entry];
    if (code < 0) code = this.codes[entry] = this.codeOf(this.interner.text(entry));
    return code;
  }

  /** For a value that needed unescaping (quoted with doubled quotes): no byte identity to reuse. */
  codeOfText(text: string): number {
    return this.codeOf(text);
  }
}
