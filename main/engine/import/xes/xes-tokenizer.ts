import { InputError } from '../../errors.ts';
import { ascii, matchAt } from './xml-bytes.ts';
import { expandReferences, MAX_REFERENCE_CHARS } from './xml-references.ts';
import { NAME_BYTE, XmlTagReader } from './xml-tag-reader.ts';
import { DOCTYPE_HINT, DOCTYPE_MESSAGE, XmlSyntaxError } from './xml-syntax.ts';

export {
  DEFAULT_MAX_PENDING_CHARS,
  DOCTYPE_HINT,
  DOCTYPE_MESSAGE,
  XmlSyntaxError,
  type XesTokenizerOptions,
  type XmlByteEncoding,
  type XmlOpenTag,
  type XmlTagHandler,
} from './xml-syntax.ts';
export { expandReferences } from './xml-references.ts';

// The bytes the loops below compare with, declared in this file: a value imported from another
// module is read through its binding on every comparison (measured, bench/README.md).
/** Returned by the tag and markup readers when the chunk ends before what they read does. */
const INCOMPLETE = -1;
const AMP = 0x26;
const APOS = 0x27;
const BANG = 0x21;
const CR = 0x0d;
const DASH = 0x2d;
const GT = 0x3e;
const LF = 0x0a;
const LT = 0x3c;
const QUESTION = 0x3f;
const QUOT = 0x22;
const RSQB = 0x5d;
const SEMICOLON = 0x3b;
const SLASH = 0x2f;
const SPACE = 0x20;
const TAB = 0x09;

/**
 * A streaming XML tokenizer cut to what an XES import needs, in place of saxes.
 *
 * Why our own and not saxes (now used only by bench/parsers.bench.ts): issue 3 asks XES import of
 * a 100k-event file to be at least 5x faster than pm4js, and with saxes it was 3.6x: saxes works
 * char by char on decoded strings and builds an object and a string per attribute. This tokenizer
 * works on the bytes, leaves attribute names as byte ranges, decodes only the values the reader
 * asks for and interns the short ones, and hands the reader one reused tag view. The measurements
 * and their history are in bench/README.md ("Why our own XES tokenizer").
 *
 * What it emits: open tags (name, attributes, self-closing flag), close tags (a self-closing tag
 * gets both), each with the 1-based line of its `<`. Text, comments, processing instructions and
 * CDATA are read past and dropped; XES keeps all its data in attributes.
 *
 * What it checks, because a wrong answer would follow otherwise: matching close tags, one root
 * element, quoted attribute values without `<`, no duplicate attributes, no text outside the root,
 * only XML's five named entities and numeric character references, in values and in text (never
 * an expansion: a DOCTYPE, the only place entities could be defined, is refused on sight), and a
 * ceiling on any single comment, processing instruction, CDATA section or tag so that memory stays
 * bounded. It does not check the finer points of XML names or characters that cannot change what
 * is imported, nor the inside of processing instructions.
 *
 * Input: Buffers in UTF-8 or Latin-1 (all markup is ASCII, so only attribute values depend on the
 * encoding) or strings, which are read as UTF-8 (the caller decodes UTF-16 to strings; a string
 * chunk must not end inside a surrogate pair, which StringDecoder ensures). A chunk may end
 * anywhere, in the middle of a tag or a multi-byte character: a tag cut by a chunk boundary is read
 * again whole in front of the next chunk, so tags, lines and errors do not depend on where the
 * chunks fall. A tag over 64 KB (a pathological value) is instead kept until its `>` arrives, found
 * by a quote-aware scan so that it costs linear time; only for such a tag, if it is also malformed,
 * can the error differ (it may then read as cut short or as too long).
 */

const MODE_CONTENT = 0;
const MODE_COMMENT = 1;
const MODE_PI = 2;
const MODE_CDATA = 3;
/** A tag cut by a chunk boundary: bytes kept until its closing `>`. */
const MODE_TAG = 4;

/** A tag cut by a chunk boundary is read again whole with the next chunk up to this size. */
const RESCAN_BYTES = 64 * 1024;
/** How much of the next chunk is joined to a cut tag to complete it (a real tag ends well within). */
const CARRY_HEAD_BYTES = 4096;

const COMMENT_OPEN = ascii('<!--');
const CDATA_OPEN = ascii('<![CDATA[');
const DOCTYPE_OPEN = ascii('<!DOCTYPE');

export class XesTokenizer extends XmlTagReader {
  private mode = MODE_CONTENT;
  /** Bytes of all chunks written so far. */
  private written = 0;
  /** A few bytes of undecided markup (`<`, `<!-`, …) carried to the front of the next chunk. */
  private carry: Buffer | null = null;

  // MODE_COMMENT / MODE_PI / MODE_CDATA: terminator progress, length and start line.
  private terminatorProgress = 0;
  private markupBytes = 0;
  private markupLine = 0;
  private markupWhat = '';

  // MODE_TAG: the bytes of the cut tag and the quote it is inside (0 when none).
  private tagParts: Buffer[] = [];
  private tagBytes = 0;
  private tagQuote = 0;
  private tagStart = 0;
  private tagLine = 0;
  private tagLineStart = 0;

  /** Reads the next piece of the document. */
  write(chunk: Buffer | string): void {
    if (typeof chunk === 'string' && this.latin1)
      throw new Error('XesTokenizer: text chunks are read as UTF-8; pass Latin-1 input as Buffers');
    let buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    const chunkStart = this.written;
    this.base = chunkStart;
    this.written += buf.length;
    let p = 0;
    const carry = this.carry;
    if (carry !== null) {
      this.carry = null;
      p = this.readCarriedTag(carry, buf);
      if (p === INCOMPLETE) {
        // Not a tag, or not complete within the head of this chunk: read on from the joined bytes.
        p = 0;
        this.base = chunkStart - carry.length;
        buf = Buffer.concat([carry, buf]);
      }
    }
    const end = buf.length;
    if (this.mode === MODE_TAG) p = this.continueTag(buf, end);
    else if (this.mode !== MODE_CONTENT) p = this.skipMarkup(buf, 0, end);
    while (p !== INCOMPLETE && p < end) {
      p = this.readContent(buf, p, end);
      // readContent stops at the end, or at a '<' that is not a whole start or end tag.
      if (p < end) p = this.readOther(buf, p, end);
    }
  }

  /**
   * A start or end tag cut by the previous chunk's end, read whole from the carried bytes and the
   * head of `chunk` (so the whole chunk is not copied to join it). Returns where reading goes on in
   * `chunk`, or INCOMPLETE when the carry is something else or the tag does not end in the head.
   */
  private readCarriedTag(carry: Buffer, chunk: Buffer): number {
    if (carry.length < 2 || carry[0] !== LT || carry[1] === BANG || carry[1] === QUESTION) return INCOMPLETE;
    const head = Buffer.concat([carry, chunk.subarray(0, CARRY_HEAD_BYTES)]);
    const chunkStart = this.base;
    this.base = chunkStart - carry.length;
    this.tagLine = this.line;
    this.tagLineStart = this.lineStart;
    const after = head[1] === SLASH ? this.closeTagAt(head, 0, head.length) : this.openTagAt(head, 0, head.length);
    if (after === INCOMPLETE) {
      this.line = this.tagLine;
      this.lineStart = this.tagLineStart;
      return INCOMPLETE;
    }
    this.base = chunkStart;
    return after - carry.length;
  }

  /**
   * True when all bytes written so far end between two children of the root element, and the root
   * is named `root`: nothing (a comment, CDATA section, tag or reference) is left open, so what
   * follows can be read by a tokenizer of its own that starts inside such a root.
   */
  betweenChildrenOf(root: string): boolean {
    return this.mode === MODE_CONTENT && this.carry === null && this.depth === 1 && this.open[0] === root;
  }

  /** Ends the document: throws a truncated XmlSyntaxError if anything is left open. */
  end(): void {
    const carry = this.carry;
    if (carry !== null) {
      const startLine = this.line;
      this.base = this.written - carry.length;
      this.countLines(carry, 0, carry.length);
      const what =
        carry[0] === AMP
          ? 'a reference'
          : carry.length > 1 && (carry[1] === BANG || carry[1] === QUESTION)
            ? 'markup'
            : 'a tag';
      throw this.truncated(`the file ends inside ${what} that starts at line ${startLine}`);
    }
    switch (this.mode) {
      case MODE_COMMENT:
      case MODE_PI:
      case MODE_CDATA:
        throw this.truncated(`the file ends inside a ${this.markupWhat} that starts at line ${this.markupLine}`);
      case MODE_TAG: {
        const tag = Buffer.concat(this.tagParts);
        this.line = this.tagLine;
        this.base = this.tagStart;
        this.countLines(tag, 0, tag.length);
        throw this.truncated(`the file ends inside a tag that starts at line ${this.tagLine}`);
      }
    }
    if (!this.sawRootElement) throw this.truncated('the file has no root element');
    if (this.depth > 0) throw this.truncated(`the file ends before </${this.open[this.depth - 1]}>`);
  }

  private truncated(reason: string): XmlSyntaxError {
    return new XmlSyntaxError(reason, this.line, this.written - this.lineStart + 1, true);
  }

  private countLines(buf: Uint8Array, from: number, to: number): void {
    for (let i = from; i < to; i++) {
      if (buf[i] === LF) {
        this.line++;
        this.lineStart = this.base + i + 1;
      }
    }
  }

  /**
   * The hot loop: text, start tags and end tags. Returns `end`, or the index of a `<` or `&` it
   * leaves to readOther (a comment, PI, CDATA, DOCTYPE, a tag the chunk cuts off, a reference).
   */
  private readContent(buf: Buffer, p: number, end: number): number {
    while (p < end) {
      let c = buf[p];
      if (c !== LT) {
        // Text: dropped, but its lines are counted; outside the root only white space is allowed.
        const inRoot = this.depth > 0;
        while (c !== LT) {
          if (c === LF) {
            this.line++;
            this.lineStart = this.base + p + 1;
          } else if (!inRoot && c !== SPACE && c !== TAB && c !== CR) throw this.textOutsideRoot(p);
          else if (c === AMP) return p; // a reference: readOther checks it
          if (++p === end) return end;
          c = buf[p];
        }
      }
      // buf[p] is '<'.
      if (p + 1 === end) return p;
      const next = buf[p + 1];
      if (next === BANG || next === QUESTION) return p;
      // Where the tag starts, for readOther to undo the lines counted in it should the chunk cut it.
      // (Kept in fields rather than restored here: a path first taken after the optimiser compiled
      // this loop would throw the compiled code away, and that costs more than two stores per tag.)
      this.tagLine = this.line;
      this.tagLineStart = this.lineStart;
      const after = next === SLASH ? this.closeTagAt(buf, p, end) : this.openTagAt(buf, p, end);
      if (after === INCOMPLETE) return p;
      p = after;
    }
    return end;
  }

  private textOutsideRoot(at: number): XmlSyntaxError {
    return this.syntaxError(this.rootClosed ? 'text after the root element' : 'text before the root element', at);
  }

  /** The `<` at `p` that readContent left: markup other than tags, or a tag cut by the chunk's end. */
  private readOther(buf: Buffer, p: number, end: number): number {
    if (buf[p] === AMP) return this.textReferenceAt(buf, p, end);
    if (p + 1 === end) {
      this.carry = Buffer.from(buf.subarray(p));
      return INCOMPLETE;
    }
    const next = buf[p + 1];
    if (next === QUESTION) {
      this.startMarkup(MODE_PI, 'processing instruction');
      return this.skipMarkup(buf, p + 2, end);
    }
    if (next === BANG) {
      const after = this.declarationAt(buf, p, end);
      if (after === INCOMPLETE) {
        this.carry = Buffer.from(buf.subarray(p));
        return INCOMPLETE;
      }
      return this.skipMarkup(buf, after, end);
    }
    // A tag cut by the chunk's end: the lines counted in it are counted again when it is read whole.
    this.line = this.tagLine;
    this.lineStart = this.tagLineStart;
    this.startCutTag(buf, p, end);
    return INCOMPLETE;
  }

  /**
   * `&…;` in text. The text itself is dropped, but a reference to an entity XML does not define is
   * refused here as in attribute values, so that no file is read as if it expanded one.
   */
  private textReferenceAt(buf: Buffer, p: number, end: number): number {
    const limit = Math.min(end, p + MAX_REFERENCE_CHARS + 1);
    let semi = p + 1;
    while (semi < limit && buf[semi] !== SEMICOLON && NAME_BYTE[buf[semi]] === 1) semi++;
    if (semi === end && end - p <= MAX_REFERENCE_CHARS) {
      this.carry = Buffer.from(buf.subarray(p));
      return INCOMPLETE;
    }
    // Throws unless this is `&name;` with a name XML defines (the ';' is left out when absent).
    expandReferences(buf.toString('latin1', p, semi < limit && buf[semi] === SEMICOLON ? semi + 1 : semi), this.line);
    return semi + 1;
  }

  /** `<!…`: a comment or CDATA section (returns where its body starts), a DOCTYPE (refused), or INCOMPLETE while undecided. */
  private declarationAt(buf: Buffer, p: number, end: number): number {
    let m = matchAt(buf, p, end, COMMENT_OPEN);
    if (m === 1) {
      this.startMarkup(MODE_COMMENT, 'comment');
      return p + COMMENT_OPEN.length;
    }
    const comment = m;
    m = matchAt(buf, p, end, CDATA_OPEN);
    if (m === 1) {
      if (this.depth === 0) throw this.syntaxError('a CDATA section outside the root element', p);
      this.startMarkup(MODE_CDATA, 'CDATA section');
      return p + CDATA_OPEN.length;
    }
    const cdata = m;
    m = matchAt(buf, p, end, DOCTYPE_OPEN);
    if (m === 1) throw new InputError(DOCTYPE_MESSAGE, { line: this.line, hint: DOCTYPE_HINT });
    if (m === INCOMPLETE || comment === INCOMPLETE || cdata === INCOMPLETE) return INCOMPLETE;
    throw this.syntaxError('"<!" that starts no comment or CDATA section', p);
  }

  private startMarkup(mode: number, what: string): void {
    this.mode = mode;
    this.markupWhat = what;
    this.markupLine = this.line;
    this.markupBytes = 0;
    this.terminatorProgress = 0;
  }

  /** Reads past the rest of a comment, PI or CDATA section; returns the index after it or INCOMPLETE. */
  private skipMarkup(buf: Buffer, p: number, end: number): number {
    const mode = this.mode;
    const inner = mode === MODE_PI ? QUESTION : mode === MODE_COMMENT ? DASH : RSQB;
    const needed = mode === MODE_PI ? 1 : 2;
    let progress = this.terminatorProgress;
    let i = p;
    for (; i < end; i++) {
      const c = buf[i];
      if (c === inner) progress++;
      else {
        if (c === GT && progress >= needed) break;
        progress = 0;
        if (c === LF) {
          this.line++;
          this.lineStart = this.base + i + 1;
        }
      }
    }
    this.markupBytes += i - p;
    if (this.markupBytes > this.maxPending) throw this.tooLong(this.markupWhat, this.markupLine);
    if (i === end) {
      this.terminatorProgress = progress;
      return INCOMPLETE;
    }
    this.mode = MODE_CONTENT;
    return i + 1;
  }

  /** The chunk ended inside the tag starting at `p`. */
  private startCutTag(buf: Buffer, p: number, end: number): void {
    if (end - p > this.maxPending) throw this.tooLong('tag or attribute value', this.line);
    if (end - p <= RESCAN_BYTES) {
      // Read it again whole in front of the next chunk: exactly as if it had not been cut.
      this.carry = Buffer.from(buf.subarray(p));
      return;
    }
    // A tag this long is a pathological value: keep its bytes and scan on (quote-aware, linear
    // time) for its `>`, then read it whole once.
    this.mode = MODE_TAG;
    this.tagStart = this.base + p;
    this.tagParts = [Buffer.from(buf.subarray(p, end))];
    this.tagBytes = end - p;
    // The quote state at the cut; the tag has no '>' outside quotes yet, or it would be complete.
    let quote = 0;
    for (let i = p + 1; i < end; i++) {
      const c = buf[i];
      if (quote === 0) {
        if (c === QUOT || c === APOS) quote = c;
      } else if (c === quote) quote = 0;
    }
    this.tagQuote = quote;
    if (this.tagBytes > this.maxPending) throw this.tooLong('tag or attribute value', this.tagLine);
  }

  /** MODE_TAG: looks for the cut tag's `>` in the new chunk; reads the whole tag once it is there. */
  private continueTag(buf: Buffer, end: number): number {
    let quote = this.tagQuote;
    let i = 0;
    for (; i < end; i++) {
      const c = buf[i];
      if (quote === 0) {
        if (c === GT) break;
        if (c === QUOT || c === APOS) quote = c;
      } else if (c === quote) quote = 0;
    }
    if (i === end) {
      this.tagParts.push(Buffer.from(buf));
      this.tagBytes += end;
      this.tagQuote = quote;
      if (this.tagBytes > this.maxPending) throw this.tooLong('tag or attribute value', this.tagLine);
      return INCOMPLETE;
    }
    this.tagParts.push(buf.subarray(0, i + 1));
    const tag = Buffer.concat(this.tagParts);
    this.tagParts = [];
    this.mode = MODE_CONTENT;
    const chunkBase = this.base;
    this.base = this.tagStart;
    this.line = this.tagLine;
    this.lineStart = this.tagLineStart;
    const after = tag[1] === SLASH ? this.closeTagAt(tag, 0, tag.length) : this.openTagAt(tag, 0, tag.length);
    // The quote-aware scan and the tag reader agree on where a tag ends; anything else is our bug.
    if (after !== tag.length) throw new Error('XesTokenizer: a cut tag did not end where its ">" was found');
    this.base = chunkBase;
    return i + 1;
  }
}
