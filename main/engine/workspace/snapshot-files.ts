import {
  closeSync,
  constants,
  fdatasync,
  fdatasyncSync,
  fsyncSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writev,
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

export interface SnapshotFileParts {
  events: readonly Uint8Array[];
  cases: readonly Uint8Array[];
}

/**
 * Writes both files of a snapshot durably and makes their names durable too; returns their paths.
 * Each file is given as its byte ranges in order (arrow-writer.ts): they are written as they are,
 * without first copying them into one file-sized array.
 */
export function writeSnapshotFiles(workspaceDir: string, snapshot: string, parts: SnapshotFileParts): string[] {
  const dir = join(workspaceDir, SNAPSHOT_DIR);
  const files = [
    writeDurably(dir, `${snapshot}.events.arrow`, parts.events),
    writeDurably(dir, `${snapshot}.cases.arrow`, parts.cases),
  ];
  syncDirectory(dir);
  return files;
}

/** Snapshot files being written in the background, under temp names until placed. */
export interface SnapshotWriting {
  /** Waits until both files are on the disk, then renames them into place; returns their paths. */
  place(): Promise<string[]>;
  /** Waits for the writes to end, then removes whatever they left (temp files or placed ones). */
  discard(): Promise<void>;
}

/**
 * Starts writing both files of a snapshot on Node's thread pool and returns at once: the main
 * thread only queues the writes, so copying 30+ MB into the kernel and waiting for the disk
 * happen while it does other work (an import's statistics). The files are opened with O_DSYNC,
 * so a write that has returned is on the disk, as after fdatasync; where there is no O_DSYNC
 * (Windows) an fdatasync follows the write. The parts must not change until `place` or `discard`.
 */
export function startSnapshotFiles(workspaceDir: string, snapshot: string, parts: SnapshotFileParts): SnapshotWriting {
  const dir = join(workspaceDir, SNAPSHOT_DIR);
  const names = [`${snapshot}.events.arrow`, `${snapshot}.cases.arrow`];
  const temps = names.map((name) => join(dir, `.tmp-${name}`));
  const targets = names.map((name) => join(dir, name));
  const writes = [writeInBackground(temps[0]!, parts.events), writeInBackground(temps[1]!, parts.cases)];
  // Until place or discard is called, a failed write must not count as an unhandled rejection.
  for (const write of writes) write.catch(() => undefined);
  return {
    async place() {
      await Promise.all(writes);
      temps.forEach((temp, i) => renameSync(temp, targets[i]!));
      syncDirectory(dir);
      return targets;
    },
    async discard() {
      await Promise.allSettled(writes);
      for (const file of [...temps, ...targets]) rmSync(file, { force: true });
    },
  };
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
  while (first < pending.length)
    first = advance(pending, first, writevSync(fd, pending.slice(first, first + WRITEV_MAX)));
}

const DATA_SYNC: number | undefined = constants.O_DSYNC;

/** writeAll and the data sync on the thread pool; the first write is queued before this returns. */
async function writeInBackground(path: string, parts: readonly Uint8Array[]): Promise<void> {
  const { O_WRONLY, O_CREAT, O_TRUNC } = constants;
  const fd = openSync(path, DATA_SYNC === undefined ? 'w' : O_WRONLY | O_CREAT | O_TRUNC | DATA_SYNC);
  try {
    const pending = parts.filter((p) => p.length > 0);
    let first = 0;
    while (first < pending.length) {
      const batch = pending.slice(first, first + WRITEV_MAX);
      const written = await new Promise<number>((resolve, reject) =>
        writev(fd, batch, (error, n) => (error ? reject(error) : resolve(n))),
      );
      first = advance(pending, first, written);
    }
    if (DATA_SYNC === undefined)
      await new Promise<void>((resolve, reject) => fdatasync(fd, (error) => (error ? reject(error) : resolve())));
  } finally {
    closeSync(fd);
  }
}

/** After `written` bytes from part `first` on: the first part not yet whole (shortened in place). */
function advance(pending: Uint8Array[], first: number, written: number): number {
  while (written > 0) {
    const part = pending[first]!;
    if (written < part.length) {
      pending[first] = part.subarray(written);
      return first;
    }
    written -= part.length;
    first++;
  }
  return first;
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
