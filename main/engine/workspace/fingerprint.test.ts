import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256OfFile } from './fingerprint.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('sha256OfFile', () => {
  it('gives the published SHA-256 of "abc" and of an empty file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'gemba-fingerprint-'));
    writeFileSync(join(dir, 'abc'), 'abc');
    writeFileSync(join(dir, 'empty'), '');
    // FIPS 180-2 test vectors.
    expect(await sha256OfFile(join(dir, 'abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(await sha256OfFile(join(dir, 'empty'))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('hashes a file of several read chunks as one piece of bytes', async () => {
    dir = mkdtempSync(join(tmpdir(), 'gemba-fingerprint-'));
    const bytes = Buffer.alloc((3 << 20) + 17).map((_, i) => (i * 131) & 255);
    writeFileSync(join(dir, 'big'), bytes);
    expect(await sha256OfFile(join(dir, 'big'))).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('fails for a missing file and stops when aborted', async () => {
    dir = mkdtempSync(join(tmpdir(), 'gemba-fingerprint-'));
    await expect(sha256OfFile(join(dir, 'missing'))).rejects.toThrow(/ENOENT/);
    writeFileSync(join(dir, 'f'), 'x');
    const controller = new AbortController();
    const hashing = sha256OfFile(join(dir, 'f'), controller.signal);
    controller.abort(new Error('cancelled by the user'));
    await expect(hashing).rejects.toThrow(/cancelled by the user/);
    await expect(sha256OfFile(join(dir, 'f'), controller.signal)).rejects.toThrow(/cancelled by the user/);
  });
});
