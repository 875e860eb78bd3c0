import type { IncomingMessage, ServerResponse } from 'node:http';
import { Transform } from 'node:stream';
import { isApiMethod, type UserFacingError } from '../../preload/api.ts';
import { InputError, toUserFacingError } from '../engine/errors.ts';
import type { HostedService } from './hosted-service.ts';

/** Arguments of one call are small JSON; anything bigger is not from our UI. */
export const MAX_CALL_BODY_BYTES = 1024 * 1024;
/** Largest upload accepted: far above any real event log, below "fill the disk". */
export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 ** 3;
/** SSE comment sent this often so idle proxies and the browser keep the stream open. */
const EVENT_STREAM_HEARTBEAT_MS = 15_000;

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  response.end(text);
}

export function sendError(response: ServerResponse, error: UserFacingError): void {
  sendJson(response, error.kind === 'internal' ? 500 : 400, { error });
}

async function readSmallBody(request: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new InputError(`The request is larger than ${limit} bytes.`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** POST /api/call/<method>: body is the JSON array of arguments; the answer is the JSON result. */
export async function handleCall(
  service: HostedService,
  method: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (!isApiMethod(method)) {
    sendJson(response, 404, {
      error: { kind: 'input', message: `There is no call named "${method}".` } satisfies UserFacingError,
    });
    return;
  }
  const contentType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (contentType !== 'application/json') {
    // A plain HTML form can only send form or text bodies; insisting on JSON keeps it out.
    sendJson(response, 415, {
      error: { kind: 'input', message: 'Calls must send a JSON body (content-type: application/json).' },
    });
    return;
  }
  let args: unknown;
  try {
    const text = await readSmallBody(request, MAX_CALL_BODY_BYTES);
    args = text.trim() === '' ? [] : JSON.parse(text);
  } catch (error) {
    sendError(
      response,
      error instanceof InputError
        ? toUserFacingError(error)
        : { kind: 'input', message: 'The call arguments are not valid JSON.' },
    );
    return;
  }
  if (!Array.isArray(args)) {
    sendError(response, { kind: 'input', message: 'The call arguments must be a JSON array.' });
    return;
  }
  try {
    const fn = service[method] as (...a: unknown[]) => Promise<unknown>;
    const result = await fn.apply(service, args);
    if (result === undefined) {
      response.writeHead(204, { 'cache-control': 'no-store' });
      response.end();
    } else {
      sendJson(response, 200, result);
    }
  } catch (error) {
    sendError(response, toUserFacingError(error));
  }
}

/** GET /api/events: every JobEvent as one Server-Sent Event `data: <json>`. */
export function handleEvents(service: HostedService, request: IncomingMessage, response: ServerResponse): void {
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  // Ask the browser to wait 1 s before reconnecting, then confirm the stream is open.
  response.write('retry: 1000\n\n');
  const unsubscribe = service.onJobEvent((event) => {
    response.write(`data: ${JSON.stringify(event)}\n\n`);
  });
  const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), EVENT_STREAM_HEARTBEAT_MS);
  heartbeat.unref();
  const stop = () => {
    clearInterval(heartbeat);
    unsubscribe();
  };
  request.on('close', stop);
  response.on('close', stop);
}

/** Counts bytes on their way through and fails the stream once the ceiling is passed. */
export function byteCeiling(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > limit) {
        callback(
          new InputError(`The upload is larger than the limit of ${limit} bytes.`, {
            hint: 'Open the file from the command line (gemba import) instead.',
          }),
        );
      } else {
        callback(null, chunk);
      }
    },
  });
}

/**
 * POST /api/upload?name=<file name>: the raw file bytes as the body, streamed to the service
 * (never buffered whole). The answer is the FileRef to pass to previewCsv / startImport.
 */
export async function handleUpload(
  service: HostedService,
  url: URL,
  request: IncomingMessage,
  response: ServerResponse,
  maxBytes: number,
): Promise<void> {
  const name = url.searchParams.get('name');
  if (!name || name.length > 255 || /[\\/\0]/.test(name)) {
    sendError(response, { kind: 'input', message: 'The upload needs a plain file name (?name=…) without slashes.' });
    return;
  }
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    sendJson(response, 413, {
      error: { kind: 'input', message: `"${name}" is larger than the upload limit of ${maxBytes} bytes.`, file: name },
    });
    request.resume();
    return;
  }
  const limited = byteCeiling(maxBytes);
  let streamError: unknown = null;
  limited.on('error', (error) => {
    streamError = error;
  });
  request.on('error', (error) => limited.destroy(error));
  request.pipe(limited);
  try {
    const ref = await service.acceptUpload(name, limited);
    if (streamError) throw streamError;
    sendJson(response, 200, ref);
  } catch (error) {
    const failure = toUserFacingError(streamError ?? error);
    if (streamError instanceof InputError && failure.kind === 'input') failure.file = name;
    sendError(response, failure);
    request.unpipe(limited);
    request.resume();
  }
}
