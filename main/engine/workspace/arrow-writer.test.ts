import { DataType, tableFromIPC, type Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { readArrowFile } from './arrow-file.ts';
import { arrowFile, encodeText, joinParts, type ArrowColumnToWrite } from './arrow-writer.ts';

/** Bit i set where values[i] is present, as Arrow's validity bitmaps have it. */
function bitmap(present: boolean[]): Uint8Array {
  const bits = new Uint8Array((present.length + 7) >> 3);
  present.forEach((p, i) => {
    if (p) bits[i >> 3]! |= 1 << (i & 7);
  });
  return bits;
}

/** Columns of every kind the writer knows, with missing values, non-ASCII text and metadata. */
function sampleColumns(rows: number, seed: number) {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const words = ['', 'Register', 'Prüfen', '承認', 'Close 🚀', 'a,b"c'];
  const ints = Array.from({ length: rows }, () => Math.floor(random() * 2 ** 32) - 2 ** 31);
  const floats = Array.from({ length: rows }, () => (random() < 0.25 ? NaN : random() * 1e6 - 5e5));
  const texts = Array.from({ length: rows }, (_, i) => `${words[i % words.length]}-${i}`);
  const labels = Array.from({ length: rows }, () =>
    random() < 0.2 ? null : words[Math.floor(random() * words.length)]!,
  );
  const dictionary = words;
  const codes = labels.map((l) => (l === null ? 0 : dictionary.indexOf(l)));
  const columns: ArrowColumnToWrite[] = [
    { name: 'id', type: 'int32', values: Int32Array.from(ints) },
    {
      name: 'amount',
      type: 'float64',
      values: Float64Array.from(floats),
      valid: bitmap(floats.map((f) => !Number.isNaN(f))),
      nullCount: floats.filter((f) => Number.isNaN(f)).length,
      metadata: { 'gemba:type': 'number', unit: '€' },
    },
    {
      name: 'time',
      type: 'float64',
      values: Float64Array.from(floats, (_, i) => 1.7e12 + i),
      valid: null,
      nullCount: 0,
    },
    { name: 'name ü', type: 'utf8', text: encodeText(texts) },
    {
      name: 'label',
      type: 'dictionary',
      codes: Int32Array.from(codes),
      dictionary: encodeText(dictionary),
      valid: bitmap(labels.map((l) => l !== null)),
      nullCount: labels.filter((l) => l === null).length,
    },
    {
      name: 'never set',
      type: 'dictionary',
      codes: new Int32Array(rows),
      dictionary: encodeText([]),
      valid: rows ? new Uint8Array((rows + 7) >> 3) : null,
      nullCount: rows,
    },
  ];
  return { columns, ints, floats, texts, labels };
}

const values = (table: Table, name: string) =>
  Array.from({ length: table.numRows }, (_, i) => table.getChild(name)!.get(i));

describe('our Arrow file writer, read back by apache-arrow and by our reader', () => {
  for (const [rows, seed] of [
    [0, 1],
    [1, 2],
    [9, 3],
    [3000, 4],
  ] as const) {
    it(`writes ${rows} rows of every column kind as apache-arrow reads them`, () => {
      const { columns, ints, floats, texts, labels } = sampleColumns(rows, seed);
      const file = arrowFile(columns, rows);
      const bytes = joinParts(file);
      expect(bytes.length).toBe(file.parts.reduce((n, p) => n + p.length, 0));

      const table = tableFromIPC(bytes);
      expect(table.numRows).toBe(rows);
      expect(table.schema.fields.map((f) => f.name)).toEqual(['id', 'amount', 'time', 'name ü', 'label', 'never set']);
      const [id, amount, time, name, label, never] = table.schema.fields;
      expect(DataType.isInt(id!.type) && id!.type.bitWidth === 32 && id!.type.isSigned).toBe(true);
      expect(DataType.isFloat(amount!.type) && amount!.type.precision).toBe(2);
      expect(amount!.nullable).toBe(rows > 0 && floats.some(Number.isNaN));
      expect(time!.nullable).toBe(false);
      expect(Object.fromEntries(amount!.metadata)).toEqual({ 'gemba:type': 'number', unit: '€' });
      expect(DataType.isUtf8(name!.type)).toBe(true);
      expect(DataType.isDictionary(label!.type) && DataType.isUtf8(label!.type.dictionary)).toBe(true);
      expect(DataType.isDictionary(never!.type) && never!.type.indices.bitWidth).toBe(32);
      expect(label!.nullable).toBe(true);

      expect(values(table, 'id')).toEqual(ints);
      expect(values(table, 'amount')).toEqual(floats.map((f) => (Number.isNaN(f) ? null : f)));
      expect(values(table, 'time')).toEqual(floats.map((_, i) => 1.7e12 + i));
      expect(values(table, 'name ü')).toEqual(texts);
      expect(values(table, 'label')).toEqual(labels);
      expect(values(table, 'never set')).toEqual(labels.map(() => null));

      const ours = readArrowFile(bytes);
      expect(ours.rows).toBe(rows);
      expect(ours.fields.find((f) => f.name === 'amount')!.metadata.get('unit')).toBe('€');
      const id2 = ours.column('id');
      expect(id2.kind === 'int32' && Array.from(id2.values)).toEqual(ints);
      const amount2 = ours.column('amount');
      expect(amount2.kind === 'float64' && Array.from(amount2.values)).toEqual(floats);
      const name2 = ours.column('name ü');
      expect(name2.kind === 'utf8' && name2.values).toEqual(texts);
      const label2 = ours.column('label');
      if (label2.kind !== 'dictionary') throw new Error('label is not a dictionary column');
      expect(label2.dictionary).toEqual(['', 'Register', 'Prüfen', '承認', 'Close 🚀', 'a,b"c']);
      const present = (i: number) => !label2.valid || ((label2.valid[i >> 3]! >> (i & 7)) & 1) === 1;
      expect(Array.from(label2.codes, (c, i) => (present(i) ? label2.dictionary[c] : null))).toEqual(labels);
    });
  }

  it('hands out the columns themselves as parts of the file, not copies', () => {
    const { columns } = sampleColumns(100, 5);
    const file = arrowFile(columns, 100);
    const id = columns[0]!.type === 'int32' ? columns[0]!.values : null;
    expect(file.parts.some((p) => p.buffer === id!.buffer && p.byteLength === id!.byteLength)).toBe(true);
  });

  it('refuses a column whose length is not the row count', () => {
    expect(() => arrowFile([{ name: 'x', type: 'int32', values: new Int32Array(3) }], 4)).toThrow(
      /3 values for 4 rows/,
    );
  });
});

describe('encodeText', () => {
  it('gives UTF-8 bytes and offsets, ASCII or not', () => {
    for (const texts of [['ab', '', 'cde'], ['ü', '', '承認', 'x', '🚀'], []]) {
      const { offsets, data } = encodeText(texts);
      expect(offsets.length).toBe(texts.length + 1);
      const decoded = texts.map((_, i) => new TextDecoder().decode(data.subarray(offsets[i], offsets[i + 1])));
      expect(decoded).toEqual(texts);
      expect(offsets[texts.length]).toBe(new TextEncoder().encode(texts.join('')).length);
    }
  });
});
