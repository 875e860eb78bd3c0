/**
 * A reader of Arrow IPC files for reopening a workspace's snapshot, without apache-arrow.
 *
 * Loading apache-arrow costs a command more than everything else it does on a small log (hundreds
 * of modules), and the snapshot is ours: one record batch of Int32, Float64, Utf8 and
 * dictionary-encoded Utf8 columns. So reopening reads the file's footer, schema and record batch
 * (FlatBuffers, read by hand below) and hands out typed-array views into the file's own bytes;
 * only strings are decoded. The writer is ours too (arrow-writer.ts); the tests read every file
 * back with apache-arrow as well, so the files remain what every Arrow reader expects.
 *
 * Format: https://arrow.apache.org/docs/format/Columnar.html#ipc-file-format and the schema in
 * format/Schema.fbs, format/Message.fbs, format/File.fbs of apache/arrow. A file this reader does
 * not understand (another type, several batches, compression, big-endian) is an error, never a
 * guess.
 */

import { CorruptArrowFile, fileSource, flatOf, memorySource, utf8, type Flat, type Source } from './arrow-bytes.ts';

const MAGIC = 'ARROW1';
/** Type union tags of Schema.fbs. */
const TYPE = { Int: 2, FloatingPoint: 3, Utf8: 5 } as const;
/** MessageHeader union tags of Message.fbs. */
const HEADER = { DictionaryBatch: 2, RecordBatch: 3 } as const;

export type ArrowColumn =
  | { kind: 'int32'; values: Int32Array; valid: Uint8Array | null }
  | { kind: 'float64'; values: Float64Array; valid: Uint8Array | null }
  | { kind: 'utf8'; values: string[] }
  | { kind: 'dictionary'; codes: Int32Array; valid: Uint8Array | null; dictionary: string[] };

export interface ArrowField {
  name: string;
  metadata: Map<string, string>;
}

export interface ArrowFile {
  rows: number;
  fields: readonly ArrowField[];
  /** Decodes one column on first use; the views share the file's bytes. */
  column(name: string): ArrowColumn;
}

interface SchemaField extends ArrowField {
  type: number;
  bitWidth: number;
  precision: number;
  dictionaryId: number | null;
}

interface Batch {
  rows: number;
  nodes: { length: number; nullCount: number }[];
  buffers: { offset: number; length: number }[];
  /** Where the batch's body starts in the file. */
  body: number;
}

/**
 * Opens an Arrow IPC file: held in memory (`bytes`, 8-byte aligned as readFileSync gives it; the
 * columns are views into it), or by its path, reading only the columns asked for.
 */
export function readArrowFile(file: Uint8Array | string): ArrowFile {
  if (typeof file !== 'string' && file.byteOffset % 8 !== 0) throw new Error('Arrow bytes must start 8-byte aligned');
  const source = typeof file === 'string' ? fileSource(file) : memorySource(file);
  const size = source.size;
  const text = (bytes: Uint8Array) => String.fromCharCode(...bytes.subarray(0, 6));
  if (size < 18) throw new CorruptArrowFile('no ARROW1 magic at both ends');
  const tail = source.read(size - 10, 10);
  if (text(source.read(0, 6)) !== MAGIC || text(tail.subarray(4)) !== MAGIC)
    throw new CorruptArrowFile('no ARROW1 magic at both ends');
  const footerLength = new DataView(tail.buffer, tail.byteOffset, 4).getInt32(0, true);
  const footerStart = size - 10 - footerLength;
  if (footerLength <= 0 || footerStart < 8) throw new CorruptArrowFile('footer length');
  const footer = flatOf(source.read(footerStart, footerLength));
  const footerRoot = footer.root(0);
  const schema = footer.table(footerRoot, 1);
  if (schema === 0) throw new CorruptArrowFile('no schema');
  if (footer.i16(schema, 0) !== 0) throw new CorruptArrowFile('big-endian file');
  const fields = readFields(footer, schema);

  // Dictionaries are read and decoded when a column that uses one is first asked for.
  const dictionaryBlocks = new Map<number, number>();
  const dictBlocks = footer.vector(footerRoot, 2);
  for (let i = 0; i < dictBlocks.length; i++) {
    const { message, header } = readBlock(source, footer, dictBlocks.start + 24 * i, HEADER.DictionaryBatch);
    dictionaryBlocks.set(message.long(header, 0), dictBlocks.start + 24 * i);
  }
  const decodedDictionaries = new Map<number, string[]>();
  const dictionary = (id: number): string[] => {
    let values = decodedDictionaries.get(id);
    if (values) return values;
    const block = dictionaryBlocks.get(id);
    if (block === undefined) throw new CorruptArrowFile(`no dictionary ${id}`);
    const { message, header, batch } = readBlock(source, footer, block, HEADER.DictionaryBatch);
    if (message.u8(header, 2) !== 0) throw new CorruptArrowFile('delta dictionary');
    if (batch.nodes.length !== 1 || batch.buffers.length !== 3)
      throw new CorruptArrowFile('dictionary of a type other than text');
    values = utf8Values(source, batch, 0, 0);
    decodedDictionaries.set(id, values);
    return values;
  };

  const batches = footer.vector(footerRoot, 3);
  if (batches.length > 1) throw new CorruptArrowFile(`${batches.length} record batches`);
  const batch: Batch | null =
    batches.length === 0 ? null : readBlock(source, footer, batches.start, HEADER.RecordBatch).batch;
  const rows = batch?.rows ?? 0;
  // Field i's first node and buffer: one node per field, three buffers for text, two otherwise.
  const place = new Map<string, { field: SchemaField; node: number; buffer: number }>();
  let buffer = 0;
  fields.forEach((field, node) => {
    place.set(field.name, { field, node, buffer });
    buffer += field.dictionaryId === null && field.type === TYPE.Utf8 ? 3 : 2;
  });
  if (batch && (batch.nodes.length !== fields.length || batch.buffers.length !== buffer))
    throw new CorruptArrowFile('record batch does not match the schema');
  const decoded = new Map<string, ArrowColumn>();

  return {
    rows,
    fields,
    column(name) {
      const known = decoded.get(name);
      if (known) return known;
      const at = place.get(name);
      if (!at) throw new CorruptArrowFile(`no column ${name}`);
      const column = batch
        ? decodeColumn(source, batch, at.field, at.node, at.buffer, dictionary)
        : emptyColumn(at.field);
      decoded.set(name, column);
      return column;
    },
  };
}

function readFields(flat: Flat, schema: number): SchemaField[] {
  const { start, length } = flat.vector(schema, 1);
  const fields: SchemaField[] = [];
  for (let i = 0; i < length; i++) {
    const f = flat.tableAt(start, i);
    const type = flat.u8(f, 2);
    const typeTable = flat.table(f, 3);
    const dictionary = flat.table(f, 4);
    const metadata = new Map<string, string>();
    const meta = flat.vector(f, 6);
    for (let m = 0; m < meta.length; m++) {
      const kv = flat.tableAt(meta.start, m);
      metadata.set(flat.string(kv, 0), flat.string(kv, 1));
    }
    let dictionaryId: number | null = null;
    if (dictionary !== 0) {
      const index = flat.table(dictionary, 1);
      if (index !== 0 && (flat.int(index, 0) !== 32 || flat.u8(index, 1) !== 1))
        throw new CorruptArrowFile('dictionary index other than int32');
      dictionaryId = flat.long(dictionary, 0);
    }
    fields.push({
      name: flat.string(f, 0),
      metadata,
      type,
      bitWidth: type === TYPE.Int && typeTable !== 0 ? flat.int(typeTable, 0) : 0,
      precision: type === TYPE.FloatingPoint && typeTable !== 0 ? flat.i16(typeTable, 0) : -1,
      dictionaryId,
    });
  }
  return fields;
}

/** Reads the message a footer Block (offset i64, metaDataLength i32, pad, bodyLength i64) points at. */
function readBlock(
  source: Source,
  footer: Flat,
  block: number,
  expected: number,
): { message: Flat; header: number; batch: Batch } {
  const offset = footer.i64(block);
  const metaLength = footer.view.getInt32(block + 8, true);
  if (metaLength < 8 || offset + metaLength > source.size) throw new CorruptArrowFile('message outside the file');
  const flat = flatOf(source.read(offset, metaLength));
  // Encapsulated message: 0xFFFFFFFF continuation, int32 length, the Message flatbuffer.
  let start = 0;
  if (flat.u32(start) === 0xffffffff) start += 4;
  const messageStart = start + 4;
  const message = flat.root(messageStart);
  if (flat.u8(message, 1) !== expected) throw new CorruptArrowFile('unexpected message');
  const header = flat.table(message, 2);
  const record = expected === HEADER.DictionaryBatch ? flat.table(header, 1) : header;
  if (record === 0) throw new CorruptArrowFile('message without a record batch');
  if (flat.table(record, 3) !== 0) throw new CorruptArrowFile('compressed buffers');
  const nodes = flat.vector(record, 1);
  const buffers = flat.vector(record, 2);
  const batch: Batch = { rows: flat.long(record, 0), nodes: [], buffers: [], body: offset + metaLength };
  for (let i = 0; i < nodes.length; i++)
    batch.nodes.push({ length: flat.i64(nodes.start + 16 * i), nullCount: flat.i64(nodes.start + 16 * i + 8) });
  for (let i = 0; i < buffers.length; i++)
    batch.buffers.push({ offset: flat.i64(buffers.start + 16 * i), length: flat.i64(buffers.start + 16 * i + 8) });
  return { message: flat, header, batch };
}

function decodeColumn(
  bytes: Source,
  batch: Batch,
  field: SchemaField,
  node: number,
  buffer: number,
  dictionaryOf: (id: number) => string[],
): ArrowColumn {
  const { length, nullCount } = batch.nodes[node]!;
  if (length !== batch.rows)
    throw new CorruptArrowFile(`column ${field.name} has ${length} values for ${batch.rows} rows`);
  const valid = nullCount > 0 ? slice(bytes, batch, buffer, (length + 7) >> 3) : null;
  if (field.dictionaryId !== null) {
    return {
      kind: 'dictionary',
      codes: int32s(bytes, batch, buffer + 1, length),
      valid,
      dictionary: dictionaryOf(field.dictionaryId),
    };
  }
  if (field.type === TYPE.Int && field.bitWidth === 32)
    return { kind: 'int32', values: int32s(bytes, batch, buffer + 1, length), valid };
  if (field.type === TYPE.FloatingPoint && field.precision === 2) {
    const data = slice(bytes, batch, buffer + 1, length * 8);
    return { kind: 'float64', values: new Float64Array(data.buffer, data.byteOffset, length), valid };
  }
  if (field.type === TYPE.Utf8) {
    if (nullCount > 0) throw new CorruptArrowFile(`missing values in text column ${field.name}`);
    return { kind: 'utf8', values: utf8Values(bytes, batch, node, buffer) };
  }
  throw new CorruptArrowFile(`column ${field.name} of type ${field.type}`);
}

function emptyColumn(field: SchemaField): ArrowColumn {
  if (field.dictionaryId !== null) return { kind: 'dictionary', codes: new Int32Array(0), valid: null, dictionary: [] };
  if (field.type === TYPE.Int) return { kind: 'int32', values: new Int32Array(0), valid: null };
  if (field.type === TYPE.FloatingPoint) return { kind: 'float64', values: new Float64Array(0), valid: null };
  return { kind: 'utf8', values: [] };
}

/** The bytes of buffer `index`, at least `need` long, inside the file. */
function slice(bytes: Source, batch: Batch, index: number, need: number): Uint8Array {
  const b = batch.buffers[index]!;
  const start = batch.body + b.offset;
  if (b.length < need || start + need > bytes.size) throw new CorruptArrowFile('buffer outside the file');
  if (start % 8 !== 0) throw new CorruptArrowFile('unaligned buffer');
  return bytes.read(start, need);
}

function int32s(bytes: Source, batch: Batch, index: number, length: number): Int32Array {
  const data = slice(bytes, batch, index, length * 4);
  return new Int32Array(data.buffer, data.byteOffset, length);
}

/** Text values (offsets int32, then UTF-8 bytes). ASCII text, the common case, is decoded in one go. */
function utf8Values(bytes: Source, batch: Batch, node: number, buffer: number): string[] {
  const { length } = batch.nodes[node]!;
  if (length === 0) return [];
  const offsets = int32s(bytes, batch, buffer + 1, length + 1);
  const end = offsets[length]!;
  const b = batch.buffers[buffer + 2]!;
  const data = end === 0 ? new Uint8Array(0) : slice(bytes, batch, buffer + 2, end);
  if (b.length < end || offsets[0] !== 0) throw new CorruptArrowFile('text offsets');
  const values = new Array<string>(length);
  let ascii = true;
  for (let i = 0; i < data.length; i++) {
    if (data[i]! >= 0x80) {
      ascii = false;
      break;
    }
  }
  for (let i = 0; i < length; i++) if (offsets[i + 1]! < offsets[i]!) throw new CorruptArrowFile('text offsets');
  if (ascii) {
    const all = Buffer.from(data.buffer, data.byteOffset, data.length).toString('latin1');
    for (let i = 0; i < length; i++) values[i] = all.slice(offsets[i], offsets[i + 1]);
  } else {
    for (let i = 0; i < length; i++) values[i] = utf8.decode(data.subarray(offsets[i], offsets[i + 1]));
  }
  return values;
}
