/** What the XES tokenizer hands its reader (one reused tag view) and how it reports a broken document. */

export type XmlByteEncoding = 'utf8' | 'latin1';

/** The tag being opened; valid only during the openTag call (the tokenizer reuses it). */
export interface XmlOpenTag {
  readonly name: string;
  readonly selfClosing: boolean;
  /** 1-based line of the tag's `<`. */
  readonly line: number;
  readonly attributeCount: number;
  /** Name of the i-th attribute, in document order. */
  attributeName(i: number): string;
  /** Decoded value of the i-th attribute. */
  attributeValue(i: number): string;
  /** Decoded value of the named attribute, or undefined. */
  attribute(name: string): string | undefined;
  /** Value of the `key` attribute (what every XES attribute element has), or undefined; faster than attribute('key'). */
  key(): string | undefined;
  /** Value of the `value` attribute, or undefined; faster than attribute('value'). */
  value(): string | undefined;
}

export interface XmlTagHandler {
  openTag(tag: XmlOpenTag): void;
  closeTag(name: string, line: number): void;
}

export interface XesTokenizerOptions {
  /** How bytes of attribute values are decoded; UTF-8 by default. */
  encoding?: XmlByteEncoding;
  /** Longest comment, processing instruction, CDATA section or tag accepted, in bytes. */
  maxPendingChars?: number;
}

/** The document breaks an XML rule that matters for reading it. `truncated`: it ends too early. */
export class XmlSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
    readonly truncated = false,
  ) {
    super(`${line}:${column}: ${reason}`);
    this.name = 'XmlSyntaxError';
  }
}

export const DOCTYPE_HINT =
  'Export the log again without a DOCTYPE (XES needs none), or remove the <!DOCTYPE …> declaration.';
export const DOCTYPE_MESSAGE =
  'The XES file declares a DOCTYPE. DOCTYPEs can define entities (XXE, "billion laughs"), so the file was refused; Gemba never expands entities.';

/** 128 M: far beyond any real XES value, well within memory. */
export const DEFAULT_MAX_PENDING_CHARS = 128 * 1024 * 1024;
