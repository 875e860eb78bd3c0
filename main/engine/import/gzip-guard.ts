import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { InputError } from '../errors.ts';

/**
 * Gzip input with a ceiling. A gzip bomb is a small file that inflates to terabytes; we read it
 * as a stream and stop as soon as the inflated bytes pass a ceiling, so memory stays bounded
 * by the stream buffers whatever the file claims.
 */

/** Default ceiling on the inflated size of a .gz input: 4 GiB. */
export const DEFAULT_DECOMPRESSED_CEILING = 4 * 1024 ** 3;

/** Past this many inflated bytes, a compression ratio above MAX_EXPANSION_RATIO is a bomb. */
export const RATIO_CHECK_AFTER_BYTES = 256 * 1024 ** 2;
/** Real event logs compress 10–50:1; a thousand to one is padding, not data. */
export const MAX_EXPANSION_RATIO = 1000;

const GZIP_MAGIC_0 = 0x1f;
const GZIP_MAGIC_1 = 0x8b;

/** Size of each read from disk; large enough that per-chunk overhead vanishes. */
const READ_CHUNK_BYTES = 256 * 1024;

export function startsWithGzipMagic(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === GZIP_MAGIC_0 && head[1] === GZIP_MAGIC_1;
}

export interface GunzipLimits {
  /** File name the user knows, for the error message. */
  fileName: string;
  /** Ceiling on inflated bytes; DEFAULT_DECOMPRESSED_CEILING when absent. */
  maxDecompressedBytes?: number;
  /** Compressed bytes consumed so far, for the ratio check. */
  compressedBytesRead(): number;
  /** Overrides of the ratio check (tests); RATIO_CHECK_AFTER_BYTES and MAX_EXPANSION_RATIO by default. */
  ratioCheckAfterBytes?: number;
  maxExpansionRatio?: number;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${+(bytes / 1024 ** 3).toFixed(2)} GiB`;
  if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

const RAISE_HINT =
  'If the log really is this large, unpack it yourself and import the uncompressed file, or raise the ceiling (ImportContext.maxDecompressedBytes).';

/**
 * Inflates `compressed` chunk by chunk. Throws InputError when the inflated size passes the
 * ceiling, when the expansion ratio is absurd, or when the gzip data is truncated or corrupt.
 */
export async function* gunzipWithCeiling(
  compressed: AsyncIterable<Uint8Array>,
  limits: GunzipLimits,
): AsyncGenerator<Buffer> {
  const ceiling = limits.maxDecompressedBytes ?? DEFAULT_DECOMPRESSED_CEILING;
  const ratioCheckAfter = limits.ratioCheckAfterBytes ?? RATIO_CHECK_AFTER_BYTES;
  const maxRatio = limits.maxExpansionRatio ?? MAX_EXPANSION_RATIO;
  const gunzip = createGunzip();
  let inflated = 0;
  let feedError: unknown = null;

  // Feed the inflater from the source with backpressure, so neither side buffers unboundedly.
  const feeding = (async () => {
    try {
      for await (const chunk of compressed) {
        if (gunzip.destroyed) return;
        if (!gunzip.write(chunk)) {
          await new Promise<void>((resolve) => {
            const done = () => {
              gunzip.off('drain', done);
              gunzip.off('close', done);
              resolve();
            };
            gunzip.on('drain', done);
            gunzip.on('close', done);
          });
        }
      }
      if (!gunzip.destroyed) gunzip.end();
    } catch (error) {
      feedError = error;
      gunzip.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();

  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      if (inflated > ceiling) {
        throw new InputError(
          `The gzip file inflates to more than ${formatBytes(ceiling)}, Gemba's ceiling for compressed input; import stopped so it cannot exhaust memory or disk (a "gzip bomb" looks like this).`,
          { file: limits.fileName, hint: RAISE_HINT },
        );
      }
      if (inflated > ratioCheckAfter) {
        const ratio = inflated / Math.max(1, limits.compressedBytesRead());
        if (ratio > maxRatio) {
          throw new InputError(
            `The gzip file expands more than ${maxRatio}:1 (${formatBytes(inflated)} from ${formatBytes(limits.compressedBytesRead())} so far); no event log compresses like that, so the import was stopped as a likely gzip bomb.`,
            { file: limits.fileName, hint: RAISE_HINT },
          );
        }
      }
      yield chunk;
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    if (feedError) throw feedError;
    if (isZlibError(error)) {
      const truncated =
        (error as { code?: string }).code === 'Z_BUF_ERROR' || /unexpected end/i.test((error as Error).message);
      throw new InputError(
        truncated
          ? `The gzip file ends too early after ${formatBytes(inflated)} of data — it looks truncated.`
          : `The gzip data is corrupt after ${formatBytes(inflated)} (${(error as Error).message}).`,
        { file: limits.fileName, hint: 'Copy or download the file again, or unpack it with another tool to check it.' },
      );
    }
    throw error;
  } finally {
    gunzip.destroy();
    await feeding;
  }
  if (feedError) throw feedError;
}

function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}

/** A file read as plain bytes, inflated transparently when it starts with the gzip magic. */
export interface OpenedInput {
  /** The file's content, inflated when gzipped. */
  chunks: AsyncIterable<Buffer>;
  gzipped: boolean;
  /** Bytes of the file on disk read so far (compressed bytes for gzip). */
  fileBytesRead(): number;
  fileSize: number;
}

export interface OpenInputOptions {
  fileName: string;
  maxDecompressedBytes?: number;
}

/** Opens `path` for streaming, sniffing the first two bytes for gzip. */
export async function openMaybeGzipped(path: string, options: OpenInputOptions): Promise<OpenedInput> {
  const fileSize = (await stat(path)).size;
  const head = Buffer.alloc(2);
  const handle = await open(path, 'r');
  let headBytes = 0;
  try {
    headBytes = (await handle.read(head, 0, 2, 0)).bytesRead;
  } finally {
    await handle.close();
  }
  const gzipped = startsWithGzipMagic(head.subarray(0, headBytes));
  let bytesRead = 0;
  // The stream (and its file handle) is opened when reading starts, inside the generator, so a
  // caller that gives up before reading leaks no handle.
  async function* counted(): AsyncGenerator<Buffer> {
    const stream = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        bytesRead += chunk.length;
        yield chunk;
      }
    } finally {
      stream.destroy();
    }
  }
  const fileBytesRead = () => bytesRead;
  const chunks = gzipped
    ? gunzipWithCeiling(counted(), {
        fileName: options.fileName,
        maxDecompressedBytes: options.maxDecompressedBytes,
        compressedBytesRead: fileBytesRead,
      })
    : counted();
  return { chunks, gzipped, fileBytesRead, fileSize };
}
