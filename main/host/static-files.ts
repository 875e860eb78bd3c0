import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.onnx': 'application/octet-stream',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path to a file inside `root`, or null when it would leave `root` or is not a plain
 * relative path. Decoding happens once, before the check, so `%2e%2e%2f` and `..%5c` are caught
 * like `../`; NUL bytes and backslashes (Windows separators) are refused outright.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (!decoded.startsWith('/')) return null;
  const segments = decoded.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const resolvedRoot = path.resolve(root);
  const resolved = path.resolve(resolvedRoot, relative);
  if (resolved !== resolvedRoot && !resolved.startsWith(resolvedRoot + path.sep)) return null;
  return resolved;
}

export interface StaticFile {
  filePath: string;
  size: number;
  contentType: string;
}

/**
 * The file to send for a GET of `urlPath`: the file itself, or index.html for an extension-less
 * path (the UI routes on the client). Null means 404; a traversal attempt is also a plain 404,
 * so probing tells an attacker nothing.
 */
export async function findStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  const resolved = resolveStaticPath(root, urlPath);
  if (resolved === null) return null;
  const candidates = [resolved];
  if (path.extname(resolved) === '') candidates.push(path.join(path.resolve(root), 'index.html'));
  for (const candidate of candidates) {
    try {
      const info = await stat(candidate);
      if (info.isFile()) return { filePath: candidate, size: info.size, contentType: contentTypeFor(candidate) };
    } catch {
      // try the next candidate
    }
  }
  return null;
}

export function openStaticFile(file: StaticFile): NodeJS.ReadableStream {
  return createReadStream(file.filePath);
}
