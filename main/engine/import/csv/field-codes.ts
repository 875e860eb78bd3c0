import type { ByteInterner } from './byte-interner.ts';

/**
 * Where a column's codes come from: an event-log dictionary. `addNew` and `size` are for the
 * dictionaries of many distinct values (case ids), which need not look up a value that is
 * certainly new (see FieldCodes.code).
 */
export interface CodeSource {
  /** The dictionary's code for a value, creating it when new. */
  codeOf(text: string): number;
  /** Appends a value the dictionary does not hold, returning its code. */
  addNew?(text: string): number;
  /** How many values the dictionary holds. */
  size?(): number;
}

/**
 * Dictionary codes of a column's values, looked up by their bytes: a repeated value costs one
 * hash in the interner and an array read, instead of a decode plus a Map lookup per row.
 */
export class FieldCodes {
  private codes = new Int32Array(1024).fill(-1);
  /** Values this column appended through `addNew`; while that is all the dictionary holds, it holds no other. */
  private appended = 0;

  constructor(
    private readonly interner: ByteInterner,
    private readonly decode: (bytes: Buffer, start: number, end: number) => string,
    private readonly source: CodeSource,
  ) {}

  code(bytes: Buffer, start: number, end: number): number {
    const entry = this.interner.entry(bytes, start, end);
    if (entry < 0) return this.source.codeOf(this.decode(bytes, start, end));
    if (entry >= this.codes.length) {
      const grown = new Int32Array(Math.max(this.codes.length * 2, entry + 1)).fill(-1);
      grown.set(this.codes);
      this.codes = grown;
    }
    let code = this.codes[entry];
    if (code < 0) code = this.codes[entry] = this.codeOfNew(this.interner.text(entry));
    return code;
  }

  /** For a value that needed unescaping (quoted with doubled quotes): no byte identity to reuse. */
  codeOfText(text: string): number {
    return this.source.codeOf(text);
  }

  /**
   * The code of a value whose bytes the interner has not seen before. Decoding is one-to-one
   * except where bytes are not UTF-8 (each bad sequence becomes U+FFFD): so text without U+FFFD
   * from new bytes is a new value, unless the dictionary got values some other way (unescaped
   * text, values too long to intern); then, as for text with U+FFFD, the dictionary looks it up.
   */
  private codeOfNew(text: string): number {
    const source = this.source;
    if (source.addNew && source.size!() === this.appended && !text.includes('\uFFFD')) {
      this.appended++;
      return source.addNew(text);
    }
    return source.codeOf(text);
  }
}
