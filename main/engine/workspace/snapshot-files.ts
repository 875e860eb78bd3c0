import {
  closeSync,
  fdatasyncSync,
  fsyncSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writevSync,
} from 'node:fs';
import { join } from 'node:path';

/**
 * The snapshot files of a workspace's imports (`snapshots/<id>.events.arrow` and `.cases.arrow`):
 * written so that a crash never leaves half a file under a name an import row points to, and the
 * leftovers of such a crash cleared away later.
 */

export const SNAPSHOT_DIR = 'snapshots';
const STRAY_SNAPSHOT_AGE_MS = 60 * 60 * 1000;

/** The two files of snapshot `snapshot`: events first, then cases. */
export function snapshotFiles(workspaceDir: string, snapshot: string): [string, string] {
  const dir = join(workspaceDir, SNAPSHOT_DIR);
  return [join(dir, `${snapshot}.events.arrow`), join(dir, `${snapshot}.cases.arrow`)];
}

/**
 * Writes both files of a snapshot durably and makes their names durable too; returns their paths.
 * Each file is given as its byte ranges in order (arrow-writer.ts): they are written as they are,
 * without first copying them into one file-sized array.
 */
export function writeSnapshotFiles(
  workspaceDir: string,
  snapshot: string,
  parts: { events: readonly Uint8Array[]; cases: readonly Uint8Array[] },
): string[] {
  const dir = join(workspaceDir, SNAPSHOT_DIR);
  const files = [
    writeDurably(dir, `${snapshot}.events.arrow`, parts.events),
    writeDurably(dir, `${snapshot}.cases.arrow`, parts.cases),
  ];
  syncDirectory(dir);
  return files;
}

/** Writes to a temp name, syncs the data to disk, then renames: a reader never sees half a file. */
function writeDurably(dir: string, name: string, parts: readonly Uint8Array[]): string {
  const temp = join(dir, `.tmp-${name}`);
  const fd = openSync(temp, 'w');
  try {
    writeAll(fd, parts);
    // The data and the size, not the times: fdatasync is what a later read of the bytes needs.
    fdatasyncSync(fd);
  } finally {
    closeSync(fd);
  }
  const target = join(dir, name);
  renameSync(temp, target);
  return target;
}

/** Most buffers one writev takes (Linux's IOV_MAX); a longer list takes several. */
const WRITEV_MAX = 1024;

/** Writes every part in order with as few system calls as the kernel allows, resuming after short writes. */
function writeAll(fd: number, parts: readonly Uint8Array[]): void {
  const pending = parts.filter((p) => p.length > 0);
  let first = 0;
  while (first < pending.length) {
    let written = writevSync(fd, pending.slice(first, first + WRITEV_MAX));
    while (written > 0) {
      const part = pending[first]!;
      if (written >= part.length) {
        written -= part.length;
        first++;
      } else {
        pending[first] = part.subarray(written);
        written = 0;
      }
    }
  }
}

/**
 * Removes snapshot files no import points to: leftovers of a crash between rename and commit.
 * Only files older than an hour, so an import running in another process is never touched.
 */
export function removeStraySnapshots(workspaceDir: string, known: ReadonlySet<string>): void {
  const dir = join(workspaceDir, SNAPSHOT_DIR);
  const cutoff = Date.now() - STRAY_SNAPSHOT_AGE_MS;
  for (const file of readdirSync(dir)) {
    const id = file.replace(/\.(events|cases)\.arrow$/, '');
    if (known.has(id) && !file.startsWith('.tmp-')) continue;
    const path = join(dir, file);
    if (statSync(path).mtimeMs < cutoff) rmSync(path, { force: true });
  }
}

/**
 * Makes the renames inside a folder durable: without it a power cut after the commit could leave
 * the database pointing at a snapshot whose directory entry never reached the disk. Some
 * platforms (Windows) cannot open a folder for fsync; there renames are durable on their own.
 */
function syncDirectory(dir: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // not supported on this platform
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
