import { randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FileRef } from '../../preload/api.ts';
import { InputError } from '../engine/errors.ts';

const UPLOAD_DIR = 'uploads';
const KEEP_UPLOADS_MS = 24 * 60 * 60 * 1000;

/**
 * Files the browser mode uploads to the local host. The browser cannot hand over a path, so the
 * bytes are streamed into the user-data folder once and referred to by an opaque id.
 */
export class UploadStore {
  private readonly dir: string;

  constructor(
    userDataDir: string,
    /** Whether `{kind: 'path'}` references are allowed (Electron and CLI: yes; browser host: no). */
    private readonly acceptsPaths = true,
  ) {
    this.dir = join(userDataDir, UPLOAD_DIR);
  }

  async save(name: string, body: NodeJS.ReadableStream): Promise<Extract<FileRef, { kind: 'upload' }>> {
    mkdirSync(this.dir, { recursive: true });
    this.removeOld();
    const uploadId = randomUUID();
    const target = join(this.dir, uploadId);
    try {
      await pipeline(body, createWriteStream(target));
    } catch (error) {
      rmSync(target, { force: true });
      throw error;
    }
    return { kind: 'upload', uploadId, name };
  }

  /** The local path and display name of a file reference. */
  resolve(file: FileRef): { path: string; name: string } {
    if (file.kind === 'path') {
      if (!this.acceptsPaths)
        throw new InputError('In the browser mode a file is chosen by uploading it, not by its path.', {
          hint: 'Choose the file with the file picker or drop it on the page.',
        });
      if (!existsSync(file.path))
        throw new InputError(`File not found: ${file.path}.`, {
          file: file.path,
          hint: 'Check the path and try again.',
        });
      return { path: file.path, name: file.path.split(/[\\/]/).pop() ?? file.path };
    }
    if (!/^[0-9a-f-]{36}$/.test(file.uploadId))
      throw new InputError('Unknown upload id.', { hint: 'Choose the file again.' });
    const path = join(this.dir, file.uploadId);
    if (!existsSync(path))
      throw new InputError(`The uploaded copy of ${file.name} is gone.`, {
        file: file.name,
        hint: 'Choose the file again.',
      });
    return { path, name: file.name };
  }

  private removeOld(): void {
    const cutoff = Date.now() - KEEP_UPLOADS_MS;
    for (const f of readdirSync(this.dir)) {
      const p = join(this.dir, f);
      if (statSync(p).mtimeMs < cutoff) rmSync(p, { force: true });
    }
  }
}
