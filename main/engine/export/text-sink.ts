import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { InputError, throwIfCancelled } from '../errors.ts';

/** Text is collected up to this many characters, then written: few syscalls, bounded memory. */
const FLUSH_CHARS = 1 << 18;

/**
 * A UTF-8 (optionally gzip) text file written in bounded memory: `write` collects text and
 * hands it to the stream in chunks, waiting whenever the stream says its buffer is full. The
 * file appears at `path` only when `close` succeeds (written beside it, then renamed), so a
 * failed or cancelled export never leaves half a file under the name the user chose.
 */
export class TextSink {
  private readonly file: WriteStream;
  private readonly head: Writable;
  private readonly temp: string;
  private parts: string[] = [];
  private pending = 0;
  private failure: Error | null = null;
  bytesWritten = 0;

  constructor(
    readonly path: string,
    gzip: boolean,
    private readonly signal?: AbortSignal,
  ) {
    this.temp = `${path}.${process.pid}.partial`;
    this.file = createWriteStream(this.temp);
    const gz = gzip ? createGzip() : null;
    if (gz) gz.pipe(this.file);
    this.head = gz ?? this.file;
    const fail = (error: Error) => (this.failure ??= error);
    this.file.on('error', fail);
    gz?.on('error', fail);
  }

  /** Adds text; call `await sink.drain()` between larger pieces (e.g. per case). */
  write(text: string): void {
    this.parts.push(text);
    this.pending += text.length;
  }

  /** Writes what was collected once it is large enough, waiting for the stream if it is full. */
  async drain(force = false): Promise<void> {
    if (this.failure) throw this.failed();
    if (!force && this.pending < FLUSH_CHARS) return;
    throwIfCancelled(this.signal);
    const chunk = this.parts.join('');
    this.parts = [];
    this.pending = 0;
    if (chunk === '') return;
    if (!this.head.write(chunk)) await this.until(this.head, 'drain');
    if (this.failure) throw this.failed();
  }

  /** Writes the rest, closes the file and gives it its name. */
  async close(): Promise<void> {
    await this.drain(true);
    this.head.end();
    await this.until(this.file, 'close');
    if (this.failure) throw this.failed();
    this.bytesWritten = this.file.bytesWritten;
    try {
      await rename(this.temp, this.path);
    } catch (error) {
      this.failure = error as Error;
      throw this.failed();
    }
  }

  /** Stops writing and removes the partial file. */
  async abort(): Promise<void> {
    this.head.destroy();
    this.file.destroy();
    await rm(this.temp, { force: true });
  }

  /** Resolves on `event`, or when the file closes (it does after any error). */
  private until(stream: Writable, event: string): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        stream.off(event, done);
        this.file.off('close', done);
        resolve();
      };
      stream.once(event, done);
      if (this.file.closed) done();
      else this.file.once('close', done);
    });
  }

  private failed(): Error {
    const code = (this.failure as NodeJS.ErrnoException).code;
    return new InputError(`Cannot write ${this.path}: ${code ?? this.failure!.message}.`, {
      file: this.path,
      hint:
        code === 'ENOENT'
          ? 'The folder does not exist; choose an existing folder.'
          : code === 'ENOSPC'
            ? 'The disk is full; free some space or choose another disk.'
            : code === 'EISDIR'
              ? 'That is a folder; give a file name inside it.'
              : 'Check that the folder exists and you may write to it.',
    });
  }
}

/** Runs `write` into a sink for `path`, removing the partial file when anything fails. */
export async function writeTextFile(
  path: string,
  gzip: boolean,
  signal: AbortSignal | undefined,
  write: (sink: TextSink) => Promise<void>,
): Promise<number> {
  const sink = new TextSink(path, gzip, signal);
  try {
    await write(sink);
    await sink.close();
    return sink.bytesWritten;
  } catch (error) {
    await sink.abort();
    throw error;
  }
}
