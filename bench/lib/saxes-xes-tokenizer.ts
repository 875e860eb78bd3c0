/**
 * saxes behind XesTokenizer's interface, so that parseXesLog can run with the library in place of
 * Gemba's tokenizer (bench/tasks/saxes-parse-xes.ts swaps the module in): the same reader and
 * builder on top, only the XML tokenizing differs. Options as Gemba's importer used saxes before
 * the tokenizer replaced it: no namespaces, positions tracked, only XML's five entities.
 * Bytes are decoded to text with a StringDecoder (saxes reads strings).
 */
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import {
  XmlSyntaxError,
  type XesTokenizerOptions,
  type XmlOpenTag,
  type XmlTagHandler,
} from '../../main/engine/import/xes/xes-tokenizer.ts';

export {
  DEFAULT_MAX_PENDING_CHARS,
  DOCTYPE_HINT,
  DOCTYPE_MESSAGE,
  XmlSyntaxError,
} from '../../main/engine/import/xes/xes-tokenizer.ts';
export type {
  XmlByteEncoding,
  XmlOpenTag,
  XmlTagHandler,
  XesTokenizerOptions,
} from '../../main/engine/import/xes/xes-tokenizer.ts';

let made = 0;
/** How many adapters were made in this process: lets a task prove that the swap took place. */
export const saxesTokenizersMade = (): number => made;

export class XesTokenizer implements XmlOpenTag {
  name = '';
  selfClosing = false;
  line = 1;
  /** Attribute names in document order, listed only when asked for (the XES reader never asks). */
  private names: string[] | null = null;
  private attributes: Record<string, string> = {};
  private readonly parser = new SaxesParser({ xmlns: false, position: true });
  private readonly decoder: StringDecoder;
  private rootSeen = false;

  constructor(handler: XmlTagHandler, options: XesTokenizerOptions = {}) {
    made++;
    this.decoder = new StringDecoder(options.encoding === 'latin1' ? 'latin1' : 'utf8');
    const parser = this.parser;
    parser.ENTITIES = Object.assign(Object.create(null) as Record<string, string>, {
      amp: '&',
      lt: '<',
      gt: '>',
      quot: '"',
      apos: "'",
    });
    parser.on('opentag', (tag: SaxesTagPlain) => {
      this.rootSeen = true;
      this.name = tag.name;
      this.selfClosing = tag.isSelfClosing;
      this.line = parser.line;
      this.attributes = tag.attributes as Record<string, string>;
      this.names = null;
      handler.openTag(this);
    });
    parser.on('closetag', (tag) => handler.closeTag(tag.name, parser.line));
    parser.on('error', (error) => {
      throw new XmlSyntaxError(
        error.message.replace(/^[^:]*:\d+:\d+: /, ''),
        parser.line,
        parser.column,
        /unexpected end|unclosed/i.test(error.message),
      );
    });
    parser.on('doctype', () => {
      throw new XmlSyntaxError('DOCTYPE', parser.line, parser.column);
    });
  }

  get attributeCount(): number {
    return this.attributeNames().length;
  }
  private attributeNames(): string[] {
    return (this.names ??= Object.keys(this.attributes));
  }
  get sawRoot(): boolean {
    return this.rootSeen;
  }
  attributeName(i: number): string {
    return this.attributeNames()[i];
  }
  attributeValue(i: number): string {
    return this.attributes[this.attributeNames()[i]];
  }
  attribute(name: string): string | undefined {
    return this.attributes[name];
  }
  key(): string | undefined {
    return this.attributes.key;
  }
  value(): string | undefined {
    return this.attributes.value;
  }

  write(chunk: Buffer | string): void {
    this.parser.write(typeof chunk === 'string' ? chunk : this.decoder.write(chunk));
    this.line = this.parser.line;
  }

  end(): void {
    this.parser.write(this.decoder.end());
    this.parser.close();
  }
}
