import { StringDecoder } from 'node:string_decoder';
import { InputError } from '../../errors.ts';
import {
  firstNonSpace,
  MAX_PROLOG_CHARS,
  notXml,
  sniffEncoding,
  withoutUtf8Bom,
  type TextEncodingName,
} from './xes-input.ts';
import type { XesLogReader } from './xes-log-reader.ts';
import { XesTokenizer } from './xes-tokenizer.ts';

/**
 * The bytes of an XES file, chunk by chunk, into the tokenizer: the encoding settled from the
 * first chunk (UTF-16 decoded to text first, as the tokenizer reads UTF-8 or Latin-1 bytes), the
 * BOM skipped, and the checks that this is XML with a `<log>` near its start.
 */
export class XesWriter {
  tokenizer: XesTokenizer | null = null;
  encoding: TextEncodingName = 'utf8';
  /** True once a non-blank character was met. */
  sawText = false;
  private utf16: StringDecoder | null = null;
  private prologBytes = 0;

  constructor(
    private readonly reader: XesLogReader,
    private readonly fileName: string,
    private readonly maxPendingChars: number,
  ) {}

  write(chunk: Buffer): void {
    let tokenizer = this.tokenizer;
    if (tokenizer === null) {
      const encoding = sniffEncoding(chunk);
      this.encoding = encoding;
      if (encoding === 'utf16le') {
        const utf16 = new StringDecoder('utf16le');
        this.utf16 = utf16;
        tokenizer = this.tokenizer = new XesTokenizer(this.reader, { maxPendingChars: this.maxPendingChars });
        let text = utf16.write(chunk);
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        this.checkStart(text);
        tokenizer.write(text);
      } else {
        tokenizer = this.tokenizer = new XesTokenizer(this.reader, { encoding, maxPendingChars: this.maxPendingChars });
        const body = encoding === 'utf8' ? withoutUtf8Bom(chunk) : chunk;
        this.checkStart(body);
        tokenizer.write(body);
      }
    } else {
      const text = this.utf16 !== null ? this.utf16.write(chunk) : chunk;
      if (!this.sawText) this.checkStart(text);
      tokenizer.write(text);
    }
    if (!this.reader.sawRoot) {
      this.prologBytes += chunk.length;
      if (this.prologBytes > MAX_PROLOG_CHARS) {
        throw new InputError('No XES <log> element in the first 64 MB of the file.', {
          file: this.fileName,
          line: tokenizer.line,
          hint: 'Check that this is an XES export.',
        });
      }
    }
  }

  /** After the last chunk: what a UTF-16 decoder still holds. */
  flush(): void {
    if (this.utf16 !== null) this.tokenizer?.write(this.utf16.end());
  }

  /** Until the first non-blank character: it must be "<", or this is not XML at all. */
  private checkStart(text: Uint8Array | string): void {
    const first = firstNonSpace(text, 0);
    if (first < 0) return;
    this.sawText = true;
    const c = typeof text === 'string' ? text.charCodeAt(first) : text[first];
    if (c !== 0x3c) throw notXml(this.fileName, 'It does not start with "<".');
  }
}
