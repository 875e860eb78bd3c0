import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SNAPSHOT_DIR, snapshotFiles, startSnapshotFiles, writeSnapshotFiles } from './snapshot-files.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeSnapshotFiles', () => {
  it('writes each file as its parts one after the other, more parts than one writev takes', () => {
    dir = mkdtempSync(join(tmpdir(), 'gemba-snapshot-files-'));
    mkdirSync(join(dir, SNAPSHOT_DIR));
    // 3000 parts of 0..12 bytes (some empty), each byte telling its part and place.
    const events = Array.from({ length: 3000 }, (_, i) =>
      Uint8Array.from({ length: i % 13 }, (_, j) => (i * 7 + j) & 255),
    );
    const big = new Uint8Array(3 << 20).map((_, i) => (i * 31) & 255);
    const cases = [big.subarray(5), new Uint8Array([1, 2, 3])];
    const files = writeSnapshotFiles(dir, 'snap', { events, cases });
    expect(files).toEqual(snapshotFiles(dir, 'snap'));
    const expected = (parts: Uint8Array[]) => Buffer.concat(parts);
    expect(readFileSync(files[0]!).equals(expected(events))).toBe(true);
    expect(readFileSync(files[1]!).equals(expected(cases))).toBe(true);
    // No temp file is left behind.
    expect(readdirSync(join(dir, SNAPSHOT_DIR)).sort()).toEqual(['snap.cases.arrow', 'snap.events.arrow']);
  });

  it('writes the same files in the background, and removes them when discarded', async () => {
    dir = mkdtempSync(join(tmpdir(), 'gemba-snapshot-files-'));
    mkdirSync(join(dir, SNAPSHOT_DIR));
    const events = Array.from({ length: 2500 }, (_, i) => Uint8Array.from({ length: i % 11 }, (_, j) => (i + j) & 255));
    const cases = [new Uint8Array(1 << 20).map((_, i) => (i * 7) & 255)];
    const placed = await startSnapshotFiles(dir, 'kept', { events, cases }).place();
    expect(placed).toEqual(snapshotFiles(dir, 'kept'));
    expect(readFileSync(placed[0]!).equals(Buffer.concat(events))).toBe(true);
    expect(readFileSync(placed[1]!).equals(Buffer.concat(cases))).toBe(true);

    await startSnapshotFiles(dir, 'dropped', { events, cases }).discard();
    expect(readdirSync(join(dir, SNAPSHOT_DIR)).sort()).toEqual(['kept.cases.arrow', 'kept.events.arrow']);
  });
});
