import { InputError } from '../../errors.ts';
import { hasNonAscii, sameBytes, type NodeBufferSlices } from './xml-bytes.ts';
import { expandReferences } from './xml-references.ts';
import {
  DEFAULT_MAX_PENDING_CHARS,
  XmlSyntaxError,
  type XesTokenizerOptions,
  type XmlOpenTag,
  type XmlTagHandler,
} from './xml-syntax.ts';

// The bytes the loops below compare with, declared in this file: a value imported from another
// module is read through its binding on every comparison (measured, bench/README.md).
/** Returned by the tag and markup readers when the chunk ends before what they read does. */
const INCOMPLETE = -1;
const AMP = 0x26;
const APOS = 0x27;
const CR = 0x0d;
const EQ = 0x3d;
const GT = 0x3e;
const LF = 0x0a;
const LT = 0x3c;
const QUOT = 0x22;
const SLASH = 0x2f;
const SPACE = 0x20;
const TAB = 0x09;

/**
 * Byte classes for the tight loops: a byte is looked up once instead of compared with each
 * delimiter. NAME_BYTE: 1 for bytes that may continue a tag or attribute name. VALUE_BYTE: 1 for
 * bytes an attribute value may hold without a second look (not a quote, `<`, `&` or control byte).
 *
 * Declared here, in the file whose loops read them: an imported table is read through its import
 * binding on every byte, which measurably slowed the tag loop (issue 8, bench/README.md).
 */
export const NAME_BYTE = new Uint8Array(256).map((_, c) =>
  c > SPACE && !'/>=<"\'&'.includes(String.fromCharCode(c)) ? 1 : 0,
);
export const VALUE_BYTE = new Uint8Array(256).map((_, c) =>
  c >= SPACE && !'"\'<&'.includes(String.fromCharCode(c)) ? 1 : 0,
);

/** Values up to this many bytes are interned: in XES most short values repeat. */
const INTERN_MAX_BYTES = 31;
const INTERN_SLOTS = 4096;
/** A slot holds its length byte and up to INTERN_MAX_BYTES bytes: one cache line is read per lookup. */
const INTERN_SLOT_BYTES = INTERN_MAX_BYTES + 1;
/**
 * Misses in a row after which a slot is left alone for a while: values that never repeat
 * (timestamps, ids) land in the same few slots, and comparing and copying them is wasted work.
 */
const INTERN_MISS_STREAK = 8;
const INTERN_REST = 255;

/** Flags gathered while scanning an attribute value. */
const VALUE_PLAIN = 0;
const VALUE_NORMALIZE = 1;
const VALUE_REFERENCES = 2;

/** Layout of XmlTagReader.spans: five ints per attribute. */
const SPAN_FIELDS = 5;
const SPAN_NAME_START = 0;
const SPAN_NAME_END = 1;
const SPAN_VALUE_START = 2;
const SPAN_VALUE_END = 3;
const SPAN_FLAGS = 4;

/**
 * Start and end tags: reads `<name a="v" …>`, `…/>` and `</name>` at a position in a buffer, keeps
 * the open elements, and hands the handler one reused tag view (attribute names and plain values
 * stay bytes until asked for). The tokenizer (xes-tokenizer.ts) finds the tags in the stream and
 * deals with everything else; it extends this class so the tag loop calls no other object.
 */
export class XmlTagReader implements XmlOpenTag {
  // The tag view handed to the handler. Attribute names and plain values stay bytes until asked for.
  name = '';
  selfClosing = false;
  line = 1;
  attributeCount = 0;
  protected tagBuffer: Buffer = Buffer.alloc(0);
  /** Per attribute, SPAN_FIELDS ints: where its name and value are in tagBuffer, and the value's flags. */
  protected spans: Int32Array = new Int32Array(SPAN_FIELDS * 32);
  /** Values with references, line ends or tabs (flags not VALUE_PLAIN), decoded while reading the tag. */
  protected readonly decodedValues: string[] = [];
  /** Index of the `key` and `value` attributes, -1 when absent. */
  protected keyIndex = -1;
  protected valueIndex = -1;

  /** Open elements, innermost last. */
  protected readonly open: string[] = [];
  protected depth = 0;
  protected sawRootElement = false;
  protected rootClosed = false;

  protected readonly maxPending: number;
  protected readonly latin1: boolean;
  /** Absolute byte offset of index 0 of the buffer being read, and of the current line's start. */
  protected base = 0;
  protected lineStart = 0;

  constructor(
    protected readonly handler: XmlTagHandler,
    options: XesTokenizerOptions = {},
  ) {
    this.latin1 = options.encoding === 'latin1';
    this.maxPending = options.maxPendingChars ?? DEFAULT_MAX_PENDING_CHARS;
  }

  /** True once the root element has been opened. */
  get sawRoot(): boolean {
    return this.sawRootElement;
  }

  attributeName(i: number): string {
    const at = i * SPAN_FIELDS;
    return this.intern(this.tagBuffer, this.spans[at + SPAN_NAME_START], this.spans[at + SPAN_NAME_END]);
  }

  attributeValue(i: number): string {
    const spans = this.spans;
    const at = i * SPAN_FIELDS;
    return spans[at + SPAN_FLAGS] === VALUE_PLAIN
      ? this.intern(this.tagBuffer, spans[at + SPAN_VALUE_START], spans[at + SPAN_VALUE_END])
      : this.decodedValues[i];
  }

  attribute(name: string): string | undefined {
    const buf = this.tagBuffer;
    const length = name.length;
    for (let i = 0; i < this.attributeCount; i++) {
      const start = this.spans[i * SPAN_FIELDS + SPAN_NAME_START];
      if (this.spans[i * SPAN_FIELDS + SPAN_NAME_END] - start !== length) continue;
      let k = 0;
      while (k < length && buf[start + k] === name.charCodeAt(k)) k++;
      if (k === length) return this.attributeValue(i);
    }
    return undefined;
  }

  key(): string | undefined {
    return this.keyIndex < 0 ? undefined : this.attributeValue(this.keyIndex);
  }

  value(): string | undefined {
    return this.valueIndex < 0 ? undefined : this.attributeValue(this.valueIndex);
  }

  protected syntaxError(reason: string, at: number): XmlSyntaxError {
    return new XmlSyntaxError(reason, this.line, Math.max(1, this.base + at - this.lineStart + 1));
  }

  protected tooLong(what: string, line: number): InputError {
    return new InputError(
      `The file holds a single ${what} longer than ${this.maxPending.toLocaleString('en-US')} characters; Gemba stops there to keep memory bounded.`,
      { line, hint: 'An XES export never needs such a value; check that the file is what you meant to import.' },
    );
  }

  /** `</name>` at `p`; returns the index after it or INCOMPLETE. */
  protected closeTagAt(buf: Buffer, p: number, end: number): number {
    const line = this.line;
    let i = p + 2;
    const nameStart = i;
    let c = 0;
    for (; i < end; i++) {
      c = buf[i];
      if (c === GT || c === SPACE || c === LF || c === TAB || c === CR) break;
      if (c === LT || c === QUOT || c === APOS || c === EQ || c === SLASH)
        throw this.syntaxError('a close tag with a malformed name', i);
    }
    if (i === end) return INCOMPLETE;
    if (i === nameStart) throw this.syntaxError('"</" without a tag name', p);
    const nameEnd = i;
    if (c !== GT) {
      i = this.skipSpace(buf, i, end);
      if (i === end) return INCOMPLETE;
      if (buf[i] !== GT) throw this.syntaxError('a close tag with something after its name', i);
    }
    const name = this.intern(buf, nameStart, nameEnd);
    if (this.depth === 0) throw this.syntaxError(`close tag </${name}> without a matching open tag`, p);
    const expected = this.open[this.depth - 1];
    if (name !== expected) throw this.syntaxError(`close tag </${name}> where </${expected}> was expected`, p);
    this.closeElement(name, line);
    return i + 1;
  }

  /** Index of the first non-blank byte from `i` (or `end`), counting line ends. */
  protected skipSpace(buf: Buffer, i: number, end: number): number {
    for (; i < end; i++) {
      const c = buf[i];
      if (c === LF) {
        this.line++;
        this.lineStart = this.base + i + 1;
      } else if (c !== SPACE && c !== TAB && c !== CR) break;
    }
    return i;
  }

  protected closeElement(name: string, line: number): void {
    this.depth--;
    if (this.depth === 0) this.rootClosed = true;
    this.handler.closeTag(name, line);
  }

  /**
   * `<name attr="value" …>` or `…/>` at `p`; returns the index after it, or INCOMPLETE when the
   * chunk ends first (the lines counted so far are then the caller's to undo).
   */
  protected openTagAt(buf: Buffer, p: number, end: number): number {
    const line = this.line;
    let i = p + 1;
    const nameStart = i;
    while (i < end && NAME_BYTE[buf[i]] === 1) i++;
    if (i === end) return INCOMPLETE;
    let c = buf[i];
    if (i === nameStart || !(c === GT || c === SPACE || c === LF || c === TAB || c === CR || c === SLASH))
      throw this.syntaxError('"<" that starts no tag', i);
    const nameEnd = i;
    let count = 0;
    let keyIndex = -1;
    let valueIndex = -1;
    let selfClosing = false;
    let spans: Int32Array = this.spans;
    for (;;) {
      // White space, then '>', '/>' or the next attribute.
      const spaceStart = i;
      if (c === SPACE || c === LF || c === TAB || c === CR) {
        i = this.skipSpace(buf, i, end);
        if (i === end) return INCOMPLETE;
        c = buf[i];
      }
      if (c === GT) {
        i++;
        break;
      }
      if (c === SLASH) {
        if (i + 1 === end) return INCOMPLETE;
        if (buf[i + 1] !== GT) throw this.syntaxError('"/" in a tag not followed by ">"', i);
        selfClosing = true;
        i += 2;
        break;
      }
      if (i === spaceStart) throw this.syntaxError('attributes not separated by white space', i);
      // Attribute name, '=', quoted value.
      const keyStart = i;
      while (i < end && NAME_BYTE[buf[i]] === 1) i++;
      if (i === end) return INCOMPLETE;
      c = buf[i];
      if (i === keyStart) throw this.syntaxError('an attribute without a name', i);
      if (!(c === EQ || c === SPACE || c === LF || c === TAB || c === CR))
        throw this.syntaxError('an attribute without "=" and a quoted value', i);
      const keyEnd = i;
      if (c !== EQ) {
        i = this.skipSpace(buf, i, end);
        if (i === end) return INCOMPLETE;
        if (buf[i] !== EQ) throw this.syntaxError('an attribute without "=" and a quoted value', i);
      }
      i++;
      if (i === end) return INCOMPLETE;
      c = buf[i];
      if (c !== QUOT && c !== APOS) {
        i = this.skipSpace(buf, i, end);
        if (i === end) return INCOMPLETE;
        c = buf[i];
        if (c !== QUOT && c !== APOS) throw this.syntaxError('an attribute value not in quotes', i);
      }
      const quote = c;
      const valueLine = this.line;
      const valueStart = ++i;
      let flags = VALUE_PLAIN;
      for (;;) {
        while (i < end && VALUE_BYTE[buf[i]] === 1) i++;
        if (i === end) return INCOMPLETE;
        c = buf[i];
        if (c === quote) break;
        if (c === LT) throw this.syntaxError('"<" inside an attribute value', i);
        if (c === AMP) flags |= VALUE_REFERENCES;
        else if (c < SPACE) {
          if (c === LF) {
            this.line++;
            this.lineStart = this.base + i + 1;
          } else if (c !== TAB && c !== CR)
            throw this.syntaxError(`a control character (code ${c}) inside an attribute value`, i);
          flags |= VALUE_NORMALIZE;
        }
        // Else the other quote character, which is plain text here.
        i++;
      }
      if (i - valueStart > this.maxPending) throw this.tooLong('attribute value', line);
      for (let k = 0; k < count * SPAN_FIELDS; k += SPAN_FIELDS) {
        if (sameBytes(buf, spans[k + SPAN_NAME_START], spans[k + SPAN_NAME_END], keyStart, keyEnd))
          throw this.duplicate(buf, keyStart, keyEnd);
      }
      const keyLength = keyEnd - keyStart;
      if (keyLength === 3 && buf[keyStart] === 0x6b && buf[keyStart + 1] === 0x65 && buf[keyStart + 2] === 0x79)
        keyIndex = count;
      else if (
        keyLength === 5 &&
        buf[keyStart] === 0x76 &&
        buf[keyStart + 1] === 0x61 &&
        buf[keyStart + 2] === 0x6c &&
        buf[keyStart + 3] === 0x75 &&
        buf[keyStart + 4] === 0x65
      )
        valueIndex = count;
      const at = count * SPAN_FIELDS;
      if (at === spans.length) spans = this.moreSpans();
      spans[at + SPAN_NAME_START] = keyStart;
      spans[at + SPAN_NAME_END] = keyEnd;
      spans[at + SPAN_VALUE_START] = valueStart;
      spans[at + SPAN_VALUE_END] = i;
      spans[at + SPAN_FLAGS] = flags;
      if (flags !== VALUE_PLAIN) this.decodedValues[count] = this.decodeValue(buf, valueStart, i, flags, valueLine);
      count++;
      i++;
      if (i === end) return INCOMPLETE;
      c = buf[i];
    }
    const name = this.intern(buf, nameStart, nameEnd);
    if (this.depth === 0) {
      if (this.rootClosed) throw this.syntaxError(`a second root element <${name}> after the first one closed`, p);
      this.sawRootElement = true;
    }
    // Only an element with content needs its name kept, to match its close tag.
    if (selfClosing) this.depth++;
    else this.open[this.depth++] = name;
    this.name = name;
    this.selfClosing = selfClosing;
    this.attributeCount = count;
    this.keyIndex = keyIndex;
    this.valueIndex = valueIndex;
    this.tagBuffer = buf;
    const after = this.line;
    this.line = line;
    this.handler.openTag(this);
    if (selfClosing) this.closeElement(name, line);
    this.line = after;
    return i;
  }

  protected moreSpans(): Int32Array {
    const spans = new Int32Array(this.spans.length * 2);
    spans.set(this.spans);
    this.spans = spans;
    return spans;
  }

  protected duplicate(buf: Buffer, start: number, end: number): XmlSyntaxError {
    return this.syntaxError(`attribute ${this.intern(buf, start, end)} given twice in one tag`, start);
  }
  protected readonly internBytes = new Uint8Array(INTERN_SLOTS * INTERN_SLOT_BYTES);
  protected readonly internMisses = new Uint8Array(INTERN_SLOTS);
  protected readonly internStrings: string[] = new Array<string>(INTERN_SLOTS).fill('');
  protected readonly internView = new DataView(this.internBytes.buffer);
  /** A DataView of the buffer being read, for intern's comparison. */
  protected view: DataView = new DataView(new ArrayBuffer(0));
  protected viewBuffer: Buffer | null = null;

  /** Short values are interned: most repeat, and a repeated string also hashes once in the builder's dictionaries. */
  protected intern(buf: Buffer, start: number, end: number): string {
    const length = end - start;
    if (length > INTERN_MAX_BYTES || length === 0) return length === 0 ? '' : this.decode(buf, start, end);
    // The slot comes from the length and three bytes, not a hash of all bytes: a hit then costs
    // one comparison, and values that differ only inside (timestamps) merely evict each other.
    const slot =
      (length * 0x9e5 + buf[start] * 0x3b + buf[start + (length >> 1)] * 0x107 + buf[end - 1]) & (INTERN_SLOTS - 1);
    const misses = this.internMisses[slot];
    if (misses >= INTERN_MISS_STREAK) {
      // Resting slot: decode without looking; after INTERN_REST lookups it is tried again.
      this.internMisses[slot] = misses === INTERN_REST ? 0 : misses + 1;
      return this.decode(buf, start, end);
    }
    const bytes = this.internBytes;
    const at = slot * INTERN_SLOT_BYTES;
    if (bytes[at] === length) {
      // Four bytes at a time while they last: this comparison runs for most values of a log.
      const view = this.viewOf(buf);
      const kept = this.internView;
      const from = at + 1;
      let i = 0;
      while (i + 4 <= length && view.getUint32(start + i, true) === kept.getUint32(from + i, true)) i += 4;
      while (i < length && bytes[from + i] === buf[start + i]) i++;
      if (i === length) {
        if (misses !== 0) this.internMisses[slot] = 0;
        return this.internStrings[slot];
      }
    }
    const text = this.decode(buf, start, end);
    bytes[at] = length;
    for (let i = 0; i < length; i++) bytes[at + 1 + i] = buf[start + i];
    this.internStrings[slot] = text;
    this.internMisses[slot] = misses + 1;
    return text;
  }

  protected viewOf(buf: Buffer): DataView {
    if (buf !== this.viewBuffer) {
      this.viewBuffer = buf;
      this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    return this.view;
  }

  protected decode(buf: Buffer, start: number, end: number): string {
    // Node's own slice methods, without toString's argument checks: this runs for every new value.
    const fast = buf as unknown as NodeBufferSlices;
    return this.latin1 || !hasNonAscii(buf, start, end) ? fast.latin1Slice(start, end) : fast.utf8Slice(start, end);
  }

  /** A value with line ends, tabs or references. */
  protected decodeValue(buf: Buffer, start: number, end: number, flags: number, line: number): string {
    let text = this.decode(buf, start, end);
    // XML attribute-value normalisation: each line end (CR LF, CR, LF) and tab reads as one space.
    if ((flags & VALUE_NORMALIZE) !== 0) text = text.replace(/\r\n|[\r\n\t]/g, ' ');
    if ((flags & VALUE_REFERENCES) !== 0) text = expandReferences(text, line);
    return text;
  }
}
