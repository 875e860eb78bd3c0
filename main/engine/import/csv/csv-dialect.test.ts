import { describe, expect, it } from 'vitest';
import { detectDialect, fieldCounts, firstInvalidUtf8 } from './csv-dialect.ts';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('CSV dialect detection', () => {
  it('comma, semicolon, tab, pipe by consistent field counts', () => {
    expect(detectDialect(bytes('a,b,c\n1,2,3\n4,5,6\n'), true).delimiter).toBe(',');
    // Decimal commas in a semicolon file: commas give 3, 2, 3 fields; semicolons 3, 3, 3.
    expect(detectDialect(bytes('a;b;c\n1,5;2;3,5\n4;5;6\n'), true).delimiter).toBe(';');
    expect(detectDialect(bytes('a\tb\n1\t2 , 3\n'), true).delimiter).toBe('\t');
    expect(detectDialect(bytes('a|b|c\n1|2|3\n'), true).delimiter).toBe('|');
  });

  it('respects quotes: commas inside quoted fields do not count', () => {
    expect(fieldCounts(bytes('a;b\n"x,y,z";1\n'), 0, 44, 34, true)).toEqual([1, 1]);
    const d = detectDialect(bytes('name;text\n1;"a, b, c"\n2;"d, e"\n'), true);
    expect(d.delimiter).toBe(';');
    expect(d.notes).toContain('Delimiter: semicolon, because every sampled line (3) splits into 2 fields with it.');
  });

  it('UTF-8 with and without BOM', () => {
    const plain = detectDialect(bytes('a,b\nä,€\n'), true);
    expect(plain).toMatchObject({ encoding: 'utf-8', hasBom: false, bomLength: 0 });
    const bom = detectDialect(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes('a,b\n1,2\n')]), true);
    expect(bom).toMatchObject({ encoding: 'utf-8', hasBom: true, bomLength: 3 });
    expect(bom.notes[0]).toBe('Encoding: UTF-8 with a byte order mark.');
  });

  it('Latin-1 when the bytes are not UTF-8, naming the line', () => {
    const latin1 = Buffer.from('a;b\n1;2\nM\xfcller;3\n', 'latin1');
    const d = detectDialect(latin1, true);
    expect(d.encoding).toBe('latin1');
    expect(d.notes[0]).toBe('Encoding: Latin-1 (Windows-1252), because line 3 holds bytes that are not valid UTF-8.');
  });

  it('UTF-8 validation: overlong, surrogates, cut-off sequences', () => {
    expect(firstInvalidUtf8(bytes('abc€'), 0, true)).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0xaf]), 0, true)).toBe(1); // overlong '/'
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]), 0, true)).toBe(0); // surrogate
    const cut = bytes('ab€').subarray(0, 4); // € is 3 bytes; keep 2 of them
    expect(firstInvalidUtf8(cut, 0, false)).toBe(-1); // the head was cut: not an error
    expect(firstInvalidUtf8(cut, 0, true)).toBe(2); // the file ends there: an error
  });

  it('single quotes as the quote character when double quotes never occur', () => {
    expect(detectDialect(bytes("id,name\n1,'Smith, J'\n2,'Doe, A'\n"), true).quote).toBe("'");
    expect(detectDialect(bytes('id,name\n1,"it\'s"\n'), true).quote).toBe('"');
  });
});
