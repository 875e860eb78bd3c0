/**
 * A writer of Arrow IPC files for a workspace's snapshot, without apache-arrow: the file is
 * handed out as the list of its byte ranges, and the column ranges are the log's own typed arrays,
 * so writing it is one writev of buffers that already exist (snapshot-files.ts).
 *
 * apache-arrow's tableToIPC builds its vectors, encodes every text value on its own and copies all
 * buffers into one file-sized array: on a 1M-event log that costs several times the whole write
 * and a second copy of the log in memory (bench/snapshot-write.bench.ts measures both side by
 * side). The snapshot is ours, one record batch of Int32, Float64, Utf8 and dictionary-encoded
 * Utf8 columns, so the messages are few and small and are written here by hand (flat-builder.ts);
 * arrow-file.ts reads them back, and the tests read every file back with apache-arrow too.
 *
 * Layout (https://arrow.apache.org/docs/format/Columnar.html#ipc-file-format): magic, the stream
 * (schema message, one message per dictionary, the record batch, end-of-stream marker), footer,
 * footer length, magic. Every message and buffer starts 8-byte aligned.
 */

import { encodeFlatBuffer, type FlatTable } from './flat-builder.ts';

/** Text values as Arrow keeps them: `offsets[i]..offsets[i + 1]` are value i's UTF-8 bytes in `data`. */
export interface ArrowText {
  offsets: Int32Array;
  data: Uint8Array;
}

/** Missing values: a validity bitmap (bit i set = value i present) and how many bits are clear. */
export interface Validity {
  valid: Uint8Array | null;
  nullCount: number;
}

export type ArrowColumnToWrite = { name: string; metadata?: Readonly<Record<string, string>> } & (
  | { type: 'int32'; values: Int32Array }
  | ({ type: 'float64'; values: Float64Array } & Validity)
  | { type: 'utf8'; text: ArrowText }
  | ({ type: 'dictionary'; codes: Int32Array; dictionary: ArrowText } & Validity)
);

/** An Arrow file as the byte ranges it is made of, in order; `byteLength` is their sum. */
export interface ArrowFileParts {
  parts: Uint8Array[];
  byteLength: number;
}

/** Type union tags of Schema.fbs, MessageHeader tags of Message.fbs, MetadataVersion V5. */
const TYPE = { Int: 2, FloatingPoint: 3, Utf8: 5 } as const;
const HEADER = { Schema: 1, DictionaryBatch: 2, RecordBatch: 3 } as const;
const VERSION_V5 = 4;
const DOUBLE_PRECISION = 2;
const MAGIC = new Uint8Array([0x41, 0x52, 0x52, 0x4f, 0x57, 0x31, 0, 0]); // "ARROW1" + padding
const ZEROS = new Uint8Array(8);

/**
 * Encodes text values into one UTF-8 buffer and their offsets, each value written straight into
 * its place. Measured on 126,800 case ids in a fresh process (as an import runs it): joining them
 * into one string first took 2–5× as long, the join or the appending being slow before V8 has
 * compiled it.
 */
export function encodeText(values: readonly string[]): ArrowText {
  let units = 0;
  for (let i = 0; i < values.length; i++) units += values[i]!.length;
  // A UTF-16 unit takes at most 3 UTF-8 bytes (a surrogate pair, two units, takes 4).
  const buffer = Buffer.allocUnsafe(3 * units);
  const offsets = new Int32Array(values.length + 1);
  let end = 0;
  for (let i = 0; i < values.length; i++) {
    end += buffer.write(values[i]!, end, 'utf8');
    if (end > 0x7fffffff) throw new Error('text column over 2 GB');
    offsets[i + 1] = end;
  }
  return { offsets, data: buffer.subarray(0, end) };
}

/** The Arrow IPC file of one record batch of `rows` rows holding `columns`. */
export function arrowFile(columns: readonly ArrowColumnToWrite[], rows: number): ArrowFileParts {
  const out = new Parts();
  out.push(MAGIC);
  const dictionaryIds = new Map<ArrowColumnToWrite, number>();
  for (const column of columns) if (column.type === 'dictionary') dictionaryIds.set(column, dictionaryIds.size);
  const schema = schemaTable(columns, dictionaryIds);
  writeMessage(out, HEADER.Schema, schema, new Body());

  const dictionaryBlocks: Block[] = [];
  for (const column of columns) {
    if (column.type !== 'dictionary') continue;
    const body = new Body();
    const count = column.dictionary.offsets.length - 1;
    body.text(column.dictionary);
    const batch = recordBatchTable(count, [{ length: count, nullCount: 0 }], body);
    const header: FlatTable = [{ i64: dictionaryIds.get(column)! }, { table: batch }, { u8: 0 }];
    dictionaryBlocks.push(writeMessage(out, HEADER.DictionaryBatch, header, body));
  }

  const body = new Body();
  const nodes: FieldNode[] = [];
  for (const column of columns) {
    const nullCount = column.type === 'float64' || column.type === 'dictionary' ? column.nullCount : 0;
    nodes.push({ length: rows, nullCount });
    if (column.type === 'utf8') body.text(column.text);
    else {
      body.add(nullCount > 0 && 'valid' in column ? column.valid : null, (rows + 7) >> 3);
      const values = column.type === 'dictionary' ? column.codes : column.values;
      if (values.length !== rows) throw new Error(`column ${column.name} has ${values.length} values for ${rows} rows`);
      body.add(values);
    }
  }
  const recordBlock = writeMessage(out, HEADER.RecordBatch, recordBatchTable(rows, nodes, body), body);

  // End-of-stream marker for readers of the stream inside, then the footer the file readers use.
  out.push(new Uint8Array(Int32Array.of(-1, 0).buffer));
  const footer = encodeFlatBuffer([
    { i16: VERSION_V5 },
    { table: schema },
    blocksVector(dictionaryBlocks),
    blocksVector([recordBlock]),
  ]);
  out.push(footer);
  out.push(new Uint8Array(Int32Array.of(footer.length).buffer));
  out.push(MAGIC.subarray(0, 6));
  return { parts: out.parts, byteLength: out.size };
}

/** The file's parts copied into one array of its own (8-byte aligned, as the reader wants it). */
export function joinParts(file: ArrowFileParts): Uint8Array {
  const bytes = new Uint8Array(file.byteLength);
  let at = 0;
  for (const part of file.parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

interface Block {
  offset: number;
  metaDataLength: number;
  bodyLength: number;
}

interface FieldNode {
  length: number;
  nullCount: number;
}

/** The byte ranges of a file being assembled and its length so far. */
class Parts {
  parts: Uint8Array[] = [];
  size = 0;
  push(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.parts.push(bytes);
    this.size += bytes.length;
  }
}

/** A message body: buffers one after the other, each padded to 8 bytes, and where each one is. */
class Body {
  parts: Uint8Array[] = [];
  buffers: { offset: number; length: number }[] = [];
  length = 0;

  /** A buffer, or an absent one (null: an empty validity bitmap). `need` checks its size. */
  add(buffer: ArrayBufferView | null, need = buffer?.byteLength ?? 0): void {
    if (buffer === null) {
      this.buffers.push({ offset: this.length, length: 0 });
      return;
    }
    if (buffer.byteLength < need) throw new Error('Arrow buffer shorter than its column');
    const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, need);
    this.buffers.push({ offset: this.length, length: bytes.length });
    this.parts.push(bytes);
    this.length += bytes.length;
    const padding = (8 - (bytes.length % 8)) % 8;
    if (padding) this.parts.push(ZEROS.subarray(0, padding));
    this.length += padding;
  }

  /** A text column: no validity bitmap, offsets, UTF-8 bytes. */
  text(text: ArrowText): void {
    this.add(null);
    this.add(text.offsets);
    this.add(text.data);
  }
}

/** Encapsulated message (continuation marker, metadata length, Message flatbuffer, padding), then its body. */
function writeMessage(out: Parts, headerType: number, header: FlatTable, body: Body): Block {
  const message = encodeFlatBuffer([{ i16: VERSION_V5 }, { u8: headerType }, { table: header }, { i64: body.length }]);
  const metaDataLength = (8 + message.length + 7) & ~7;
  const offset = out.size;
  out.push(new Uint8Array(Int32Array.of(-1, metaDataLength - 8).buffer));
  out.push(message);
  out.push(ZEROS.subarray(0, metaDataLength - 8 - message.length));
  for (const part of body.parts) out.push(part);
  return { offset, metaDataLength, bodyLength: body.length };
}

function recordBatchTable(rows: number, nodes: FieldNode[], body: Body): FlatTable {
  const nodeBytes = new DataView(new ArrayBuffer(16 * nodes.length));
  nodes.forEach((node, i) => {
    nodeBytes.setBigInt64(16 * i, BigInt(node.length), true);
    nodeBytes.setBigInt64(16 * i + 8, BigInt(node.nullCount), true);
  });
  const bufferBytes = new DataView(new ArrayBuffer(16 * body.buffers.length));
  body.buffers.forEach((buffer, i) => {
    bufferBytes.setBigInt64(16 * i, BigInt(buffer.offset), true);
    bufferBytes.setBigInt64(16 * i + 8, BigInt(buffer.length), true);
  });
  return [
    { i64: rows },
    { structs: new Uint8Array(nodeBytes.buffer), count: nodes.length },
    { structs: new Uint8Array(bufferBytes.buffer), count: body.buffers.length },
  ];
}

/** Footer Block structs: offset i64, metaDataLength i32, 4 bytes padding, bodyLength i64. */
function blocksVector(blocks: Block[]): { structs: Uint8Array; count: number } {
  const view = new DataView(new ArrayBuffer(24 * blocks.length));
  blocks.forEach((block, i) => {
    view.setBigInt64(24 * i, BigInt(block.offset), true);
    view.setInt32(24 * i + 8, block.metaDataLength, true);
    view.setBigInt64(24 * i + 16, BigInt(block.bodyLength), true);
  });
  return { structs: new Uint8Array(view.buffer), count: blocks.length };
}

const INT32: FlatTable = [{ i32: 32 }, { u8: 1 }];

function schemaTable(
  columns: readonly ArrowColumnToWrite[],
  dictionaryIds: Map<ArrowColumnToWrite, number>,
): FlatTable {
  const fields = columns.map((column): FlatTable => {
    const type: [number, FlatTable] =
      column.type === 'int32'
        ? [TYPE.Int, INT32]
        : column.type === 'float64'
          ? [TYPE.FloatingPoint, [{ i16: DOUBLE_PRECISION }]]
          : [TYPE.Utf8, []];
    const id = dictionaryIds.get(column);
    const nullable = column.type === 'dictionary' || (column.type === 'float64' && column.nullCount > 0);
    const metadata = Object.entries(column.metadata ?? {});
    return [
      { string: column.name },
      { u8: nullable ? 1 : 0 },
      { u8: type[0] },
      { table: type[1] },
      id === undefined ? undefined : { table: [{ i64: id }, { table: INT32 }, { u8: 0 }] },
      { tables: [] },
      metadata.length ? { tables: metadata.map(([key, value]) => [{ string: key }, { string: value }]) } : undefined,
    ];
  });
  return [{ i16: 0 }, { tables: fields }];
}
