import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.ts';
import { unquote, type CsvFields } from './csv-fields.ts';
import { CsvTokenizer, ESCAPED } from './csv-tokenizer.ts';

interface Result {
  rows: { line: number; fields: string[] }[];
  oversized: { line: number; reason: string }[];
}

/** Tokenizes `text` fed in chunks of `chunkSize` bytes (Infinity: one chunk). */
function tokenize(text: string | Buffer, chunkSize: number, fieldLimit?: number, delimiter = ','): Result {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const result: Result = { rows: [], oversized: [] };
  const tokenizer = new CsvTokenizer(
    delimiter.charCodeAt(0),
    34,
    {
      row(b: Buffer, f: CsvFields, line: number) {
        const fields: string[] = [];
        for (let k = 0; k < f.count; k++) {
          const raw =
            f.kinds[k] === ESCAPED ? unquote(b, f.starts[k], f.ends[k], 34) : b.subarray(f.starts[k], f.ends[k]);
          fields.push(raw.toString('utf8'));
        }
        result.rows.push({ line, fields });
      },
      oversized(line, reason) {
        result.oversized.push({ line, reason });
      },
    },
    'test.csv',
    fieldLimit,
  );
  const size = Number.isFinite(chunkSize) ? chunkSize : bytes.length || 1;
  for (let i = 0; i < bytes.length; i += size) tokenizer.push(Buffer.from(bytes.subarray(i, i + size)));
  tokenizer.finish();
  return result;
}

/** The same result whatever the chunking: 1 byte, 7 bytes, whole. */
function tokenizeAllWays(text: string | Buffer, fieldLimit?: number): Result {
  const whole = tokenize(text, Infinity, fieldLimit);
  expect(tokenize(text, 1, fieldLimit)).toEqual(whole);
  expect(tokenize(text, 7, fieldLimit)).toEqual(whole);
  expect(tokenize(text, 2, fieldLimit)).toEqual(whole);
  return whole;
}

describe('CSV tokenizer', () => {
  it('plain rows, LF and CRLF, no final newline', () => {
    const r = tokenizeAllWays('a,b,c\r\n1,2,3\n4,,6');
    expect(r.rows).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '2', '3'] },
      { line: 3, fields: ['4', '', '6'] },
    ]);
  });

  it('quoted fields with delimiters, newlines and doubled quotes; lines count physical lines', () => {
    const text = 'id,text\n1,"a,b"\n2,"line one\nline two"\n3,"say ""hi"""\n4,""\r\n5,"x"\r\n';
    const r = tokenizeAllWays(text);
    expect(r.rows).toEqual([
      { line: 1, fields: ['id', 'text'] },
      { line: 2, fields: ['1', 'a,b'] },
      { line: 3, fields: ['2', 'line one\nline two'] },
      { line: 5, fields: ['3', 'say "hi"'] },
      { line: 6, fields: ['4', ''] },
      { line: 7, fields: ['5', 'x'] },
    ]);
  });

  it('leniencies: a quote inside an unquoted field, text after a closing quote, CRLF inside quotes', () => {
    const r = tokenizeAllWays('5" pipe,"ab"c,"x\r\ny"\n');
    expect(r.rows).toEqual([{ line: 1, fields: ['5" pipe', 'abc', 'x\r\ny'] }]);
  });

  it('a quote as the last byte of a chunk (escape or close decided by the next chunk)', () => {
    const text = 'a,"q""r"\nb,"s"\n';
    for (let size = 1; size <= text.length; size++) {
      expect(tokenize(text, size).rows.map((row) => row.fields)).toEqual([
        ['a', 'q"r'],
        ['b', 's'],
      ]);
    }
  });

  it('multi-byte UTF-8 split across chunks', () => {
    const r = tokenizeAllWays('größe,€\nÄrger,日本\n');
    expect(r.rows.map((row) => row.fields)).toEqual([
      ['größe', '€'],
      ['Ärger', '日本'],
    ]);
  });

  it('blank lines come through as one empty field (the reader skips them)', () => {
    const r = tokenizeAllWays('a,b\n\n1,2\n');
    expect(r.rows.map((row) => row.fields)).toEqual([['a', 'b'], [''], ['1', '2']]);
  });

  it('other delimiters', () => {
    expect(tokenize('a;b\n"1;2";3\n', 3, undefined, ';').rows.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1;2', '3'],
    ]);
    expect(tokenize('a\tb\n1\t2\n', 3, undefined, '\t').rows.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('unbalanced quote: InputError naming the line where the quote opened', () => {
    const text = 'a,b\n1,2\n3,"open\n4,5\n6,7\n';
    for (const size of [1, 7, Infinity]) {
      try {
        tokenize(text, size);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        expect((error as InputError).message).toContain('line 3');
        expect((error as InputError).details).toMatchObject({ file: 'test.csv', line: 3, column: 3 });
      }
    }
  });

  it('a field over the limit skips its row without keeping it, whatever the chunks', () => {
    const big = 'x'.repeat(100);
    const quotedBig = `"${'y,\n'.repeat(40)}"`; // 120 bytes inside quotes, with delimiters and newlines
    const text = `a,b\n1,${big}\n2,ok\n3,${quotedBig}\n4,ok\n5,${'z'.repeat(50)}\n`;
    const r = tokenizeAllWays(text, 64);
    expect(r.rows.map((row) => [row.line, ...row.fields])).toEqual([
      [1, 'a', 'b'],
      [3, '2', 'ok'],
      [45, '4', 'ok'],
      [46, '5', 'z'.repeat(50)],
    ]);
    expect(r.oversized.map((o) => o.line)).toEqual([2, 4]);
    expect(r.oversized[0].reason).toBe('field at column 2 is 100 bytes, over the 64 bytes limit');
    expect(r.oversized[1].reason).toBe('field at column 2 is 122 bytes, over the 64 bytes limit');
  });

  it('a 30 MB field fed in 1 MiB chunks never makes the working buffer much larger than a chunk plus the limit', () => {
    const rows: string[] = [];
    const oversized: string[] = [];
    const tokenizer = new CsvTokenizer(
      44,
      34,
      {
        row: (b, f, line) => rows.push(`${line}:${b.toString('utf8', f.starts[0], f.ends[0])}`),
        oversized: (line, reason) => oversized.push(`${line}:${reason}`),
      },
      'big.csv',
    );
    tokenizer.push(Buffer.from('a,b\n1,"'));
    const chunk = Buffer.alloc(1 << 20, 'x\n');
    for (let i = 0; i < 30; i++) tokenizer.push(chunk);
    tokenizer.push(Buffer.from('"\n2,ok\n'));
    tokenizer.finish();
    expect(oversized).toEqual(['2:field at column 2 is 30.0 MB, over the 1 MiB limit']);
    expect(rows).toEqual(['1:a', `${3 + 15 * 2 ** 20}:2`]); // 2^19 newlines per MiB of 'x\n'
    expect(tokenizer.peakBufferBytes).toBeLessThanOrEqual(2 * (1 << 20) + 16);
  });

  it('read straight into its buffer, short reads included: the bytes after them are never a row end', () => {
    // The scan puts a line feed after the bytes read as a sentinel; a row cut off by the end of a
    // read must wait for the next read (or finish), never end at the sentinel.
    const rows: string[] = [];
    const tokenizer = new CsvTokenizer(
      44,
      34,
      {
        row: (b: Buffer, f: CsvFields) =>
          void rows.push(
            Array.from({ length: f.count }, (_, k) => b.toString('latin1', f.starts[k], f.ends[k])).join('|'),
          ),
        oversized: () => undefined,
      },
      'test.csv',
    );
    const feed = (text: string, reserve: number) => {
      const target = tokenizer.reserve(reserve);
      target.write(text, tokenizer.fillOffset, 'latin1');
      tokenizer.commit(text.length);
    };
    feed('a,b\nc,', 64);
    expect(rows).toEqual(['a|b']);
    feed('d', 64);
    expect(rows).toEqual(['a|b']);
    feed('', 64);
    expect(rows).toEqual(['a|b']);
    feed('\ne,"f', 8);
    expect(rows).toEqual(['a|b', 'c|d']);
    feed('"', 1);
    expect(rows).toEqual(['a|b', 'c|d']);
    tokenizer.finish();
    expect(rows).toEqual(['a|b', 'c|d', 'e|f']);
  });

  it('unquote removes quotes and undoubles doubled ones', () => {
    const b = Buffer.from('"a""b"c');
    expect(unquote(b, 0, b.length, 34).toString()).toBe('a"bc');
  });
});
