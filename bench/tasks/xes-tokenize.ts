/**
 * XML tokenizing of an XES file alone, no event log: `xes-tokenize.ts FILE gemba|saxes`.
 * Both read the same file through a Node read stream in 256 KiB chunks (parseXesLog's chunk size)
 * and do what the XES reader asks of every tag: its name, and the `key` and `value` attributes.
 * They count open and close tags and the characters of those values, so the bench can check that
 * both read the same tags.
 * - gemba: XesTokenizer fed the raw bytes; names and values decoded on request, short ones interned.
 * - saxes: SaxesParser fed UTF-8 text (StringDecoder), options as Gemba's importer used them before
 *   the tokenizer replaced it (no namespaces, positions tracked for error lines).
 */
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser } from 'saxes';
import { XesTokenizer, type XmlOpenTag } from '../../main/engine/import/xes/xes-tokenizer.ts';
import { measureTask } from '../lib/task.ts';

const CHUNK_BYTES = 256 * 1024;
const [file, parser] = process.argv.slice(2);

interface Counts {
  openTags: number;
  closeTags: number;
  /** Characters of all tag names and key and value attributes. */
  chars: number;
}

const chunks = () => createReadStream(file, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>;

async function gemba(): Promise<Counts> {
  const counts: Counts = { openTags: 0, closeTags: 0, chars: 0 };
  const tokenizer = new XesTokenizer({
    openTag(tag: XmlOpenTag) {
      counts.openTags++;
      counts.chars += tag.name.length + (tag.key()?.length ?? 0) + (tag.value()?.length ?? 0);
    },
    closeTag() {
      counts.closeTags++;
    },
  });
  for await (const chunk of chunks()) tokenizer.write(chunk);
  tokenizer.end();
  return counts;
}

async function saxes(): Promise<Counts> {
  const counts: Counts = { openTags: 0, closeTags: 0, chars: 0 };
  const sax = new SaxesParser({ xmlns: false, position: true });
  sax.on('opentag', (tag) => {
    counts.openTags++;
    const attributes = tag.attributes as Record<string, string>;
    counts.chars += tag.name.length + (attributes.key?.length ?? 0) + (attributes.value?.length ?? 0);
  });
  sax.on('closetag', () => {
    counts.closeTags++;
  });
  sax.on('error', (error) => {
    throw error;
  });
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks()) sax.write(decoder.write(chunk));
  sax.write(decoder.end());
  sax.close();
  return counts;
}

const sides: Record<string, () => Promise<Counts>> = { gemba, saxes };
const run = sides[parser];
if (!run) throw new Error(`usage: xes-tokenize.ts FILE ${Object.keys(sides).join('|')}`);
await measureTask(async () => ({ parser, ...(await run()) }));
