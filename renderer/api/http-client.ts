import type { ApiMethod, FileRef, GembaApi, GembaBridge, JobEvent, UserFacingError } from '../../preload/api.ts';
import { API_CALLS, proxyOf, startsJob } from '../../preload/api.ts';
import { GembaError } from './gemba-error.ts';

/** The pieces of the browser the HTTP transport needs; injectable so it can be tested in Node. */
export interface HttpTransport {
  fetch: typeof fetch;
  openEvents: (url: string) => EventSourceLike;
}

export interface EventSourceLike {
  onmessage: ((event: { data: string }) => void) | null;
  onopen: (() => void) | null;
  onerror: (() => void) | null;
  readonly readyState: number;
  close(): void;
}

const EVENT_SOURCE_OPEN = 1;

/** Browser mode: the same GembaApi over the local host's wire protocol (main/host). */
export interface HttpBridge extends GembaBridge {
  upload(file: Blob & { readonly name: string }): Promise<FileRef>;
}

async function readError(response: Response): Promise<UserFacingError> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { error?: UserFacingError };
    if (body && typeof body.error === 'object' && body.error && typeof body.error.message === 'string')
      return body.error;
  } catch {
    // a proxy or crash page: report the status below
  }
  return {
    kind: 'internal',
    message: `The local Gemba service answered ${response.status} ${response.statusText}`.trim(),
    hint: text ? text.slice(0, 300) : undefined,
  };
}

async function readResult(response: Response): Promise<unknown> {
  if (!response.ok) throw new GembaError(await readError(response));
  const text = await response.text();
  return text === '' ? undefined : JSON.parse(text);
}

export function createHttpBridge(transport: HttpTransport = browserTransport()): HttpBridge {
  const listeners = new Set<(event: JobEvent) => void>();
  let events: EventSourceLike | null = null;
  let opened: Promise<void> | null = null;

  // One stream for the whole page, opened before the first job starts: a small import can finish
  // within milliseconds, and an event sent before the stream is connected would be lost.
  function connectEvents(): Promise<void> {
    if (events && opened && events.readyState !== 2) return opened;
    const source = transport.openEvents('/api/events');
    events = source;
    opened = new Promise<void>((resolve) => {
      source.onopen = () => resolve();
      // EventSource reconnects by itself; do not block a call forever on a failing stream.
      source.onerror = () => resolve();
      if (source.readyState === EVENT_SOURCE_OPEN) resolve();
    });
    source.onmessage = (message) => {
      let event: JobEvent;
      try {
        event = JSON.parse(message.data) as JobEvent;
      } catch {
        return;
      }
      for (const listener of [...listeners]) listener(event);
    };
    return opened;
  }

  async function call(method: ApiMethod, args: unknown[]): Promise<unknown> {
    if (startsJob(method)) await connectEvents();
    const response = await transport.fetch(`/api/call/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(args),
      credentials: 'same-origin',
    });
    return readResult(response);
  }

  return {
    ...proxyOf<GembaApi>(API_CALLS, call),

    onJobEvent: (listener: (event: JobEvent) => void) => {
      listeners.add(listener);
      void connectEvents();
      return () => {
        listeners.delete(listener);
      };
    },

    upload: async (file: Blob & { readonly name: string }): Promise<FileRef> => {
      const response = await transport.fetch(`/api/upload?name=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body: file,
        credentials: 'same-origin',
      });
      return (await readResult(response)) as FileRef;
    },
  };
}

function browserTransport(): HttpTransport {
  return {
    fetch: (input, init) => fetch(input, init),
    openEvents: (url) => new EventSource(url, { withCredentials: true }) as unknown as EventSourceLike,
  };
}
