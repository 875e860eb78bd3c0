import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_DECOMPRESSED_CEILING,
  gunzipWithCeiling,
  openMaybeGzipped,
  startsWithGzipMagic,
} from './gzip-guard.ts';
import { inputErrorOf } from './input-error-of.fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'gemba-gzip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function* chunksOf(buffer: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < buffer.length; i += size) yield buffer.subarray(i, i + size);
}

async function collect(source: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of source) parts.push(part);
  return Buffer.concat(parts);
}

describe('gzip guard', () => {
  it('recognises the gzip magic bytes 1f 8b and nothing else', () => {
    expect(startsWithGzipMagic(Uint8Array.of(0x1f, 0x8b, 8))).toBe(true);
    expect(startsWithGzipMagic(Uint8Array.of(0x3c, 0x3f))).toBe(false); // "<?"
    expect(startsWithGzipMagic(Uint8Array.of(0x1f))).toBe(false);
  });

  it('the default ceiling is 4 GiB', () => {
    expect(DEFAULT_DECOMPRESSED_CEILING).toBe(4 * 1024 * 1024 * 1024);
  });

  it('inflates multi-chunk, multi-member input exactly', async () => {
    const a = Buffer.from('first member\n'.repeat(5000));
    const b = Buffer.from('second member ü\n'.repeat(3000));
    const compressed = Buffer.concat([gzipSync(a), gzipSync(b)]);
    const read = 0;
    const out = await collect(
      gunzipWithCeiling(chunksOf(compressed, 1000), { fileName: 'x.gz', compressedBytesRead: () => read }),
    );
    expect(out.equals(Buffer.concat([a, b]))).toBe(true);
  });

  it('stops at the ceiling and says the ceiling and how to raise it', async () => {
    const compressed = gzipSync(Buffer.alloc(5 * 1024 * 1024, 0x20));
    const error = await inputErrorOf(
      collect(
        gunzipWithCeiling(chunksOf(compressed, 4096), {
          fileName: 'bomb.gz',
          maxDecompressedBytes: 1024 * 1024,
          compressedBytesRead: () => compressed.length,
        }),
      ),
    );
    expect(error.message).toContain('1 MiB');
    expect(error.message).toMatch(/ceiling/);
    expect(error.details.hint).toMatch(/maxDecompressedBytes/);
    expect(error.details.file).toBe('bomb.gz');
  });

  it('stops when the expansion ratio is absurd', async () => {
    // 8 MiB of zeros deflate to about 8 KiB: over 1000:1.
    const compressed = gzipSync(Buffer.alloc(8 * 1024 * 1024), { level: 9 });
    expect(compressed.length).toBeLessThan(16 * 1024);
    let read = 0;
    async function* counted() {
      for await (const c of chunksOf(compressed, 1024)) {
        read += c.length;
        yield c;
      }
    }
    const error = await inputErrorOf(
      collect(
        gunzipWithCeiling(counted(), {
          fileName: 'z.gz',
          compressedBytesRead: () => read,
          ratioCheckAfterBytes: 1024 * 1024,
          maxExpansionRatio: 200,
        }),
      ),
    );
    expect(error.message).toMatch(/expands more than 200:1/);
  });

  it('reports a truncated gzip file', async () => {
    const whole = gzipSync(Buffer.from('some text that is long enough '.repeat(2000)));
    const cut = whole.subarray(0, Math.floor(whole.length / 2));
    const error = await inputErrorOf(
      collect(gunzipWithCeiling(chunksOf(cut, 512), { fileName: 't.gz', compressedBytesRead: () => 0 })),
    );
    expect(error.message).toMatch(/truncated/);
  });

  it('reports corrupt gzip data', async () => {
    const whole = Buffer.from(gzipSync(Buffer.from('abcdefghij'.repeat(5000))));
    for (let i = 20; i < 60; i++) whole[i] ^= 0xff;
    const error = await inputErrorOf(
      collect(gunzipWithCeiling(chunksOf(whole, 512), { fileName: 'c.gz', compressedBytesRead: () => 0 })),
    );
    expect(error.message).toMatch(/gzip/);
  });

  it('opens plain and gzipped files the same way and counts file bytes', async () => {
    const text = Buffer.from('<log>\n' + '  <trace/>\n'.repeat(100_000) + '</log>\n');
    const plainPath = join(dir, 'plain.xes');
    const gzPath = join(dir, 'packed.xes.gz');
    writeFileSync(plainPath, text);
    const packed = gzipSync(text);
    writeFileSync(gzPath, packed);

    const plain = await openMaybeGzipped(plainPath, { fileName: 'plain.xes' });
    expect(plain.gzipped).toBe(false);
    expect((await collect(plain.chunks)).equals(text)).toBe(true);
    expect(plain.fileBytesRead()).toBe(text.length);

    const gz = await openMaybeGzipped(gzPath, { fileName: 'packed.xes.gz' });
    expect(gz.gzipped).toBe(true);
    expect(gz.fileSize).toBe(packed.length);
    expect((await collect(gz.chunks)).equals(text)).toBe(true);
    expect(gz.fileBytesRead()).toBe(packed.length);
  });
});
