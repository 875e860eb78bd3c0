import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { quotedCopy } from './datasets.ts';

const dir = mkdtempSync(join(tmpdir(), 'gemba-quoted-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function quoted(name: string, text: string): Promise<string> {
  const source = join(dir, `${name}.csv`);
  writeFileSync(source, text);
  return readFileSync(await quotedCopy(source), 'latin1');
}

describe('quotedCopy', () => {
  it('puts every field in quotes, empty ones too', async () => {
    expect(await quoted('small', 'a,b,c\n1,,3\nx y,z,\n')).toBe('"a","b","c"\n"1","","3"\n"x y","z",""\n');
  });

  it('closes the last field of a file without a final newline', async () => {
    expect(await quoted('no-newline', 'a,b\n1,2')).toBe('"a","b"\n"1","2"');
  });

  it('gives the same rows whether a 1 MiB read ends on a line end or inside a row', async () => {
    // 4-byte rows: the first read (1 MiB) ends right after a newline; 3-byte rows: inside a row.
    const rows = 300_000;
    expect(await quoted('aligned', 'abc\n'.repeat(rows))).toBe('"abc"\n'.repeat(rows));
    expect(await quoted('unaligned', 'a,b\n'.repeat(rows).replaceAll(',', '') + 'x,y\n')).toBe(
      '"ab"\n'.repeat(rows) + '"x","y"\n',
    );
  });

  it('refuses a source that already holds quotes', async () => {
    await expect(quoted('has-quote', 'a,b\n"1",2\n')).rejects.toThrow(/quote/);
  });
});
