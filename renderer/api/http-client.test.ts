import { describe, expect, it } from 'vitest';
import type { JobEvent } from '../../preload/api.ts';
import { GembaError, toUserFacingError } from './gemba-error.ts';
import { createHttpBridge, type EventSourceLike, type HttpTransport } from './http-client.ts';

interface Recorded {
  url: string;
  init: RequestInit | undefined;
}

function fakeTransport(answer: (url: string) => Response) {
  const calls: Recorded[] = [];
  const sources: (EventSourceLike & { emit(data: unknown): void; open(): void })[] = [];
  const transport: HttpTransport = {
    fetch: async (input, init) => {
      calls.push({ url: String(input), init });
      return answer(String(input));
    },
    openEvents: () => {
      const source = {
        onmessage: null as EventSourceLike['onmessage'],
        onopen: null as EventSourceLike['onopen'],
        onerror: null as EventSourceLike['onerror'],
        readyState: 0,
        close() {},
        emit(data: unknown) {
          source.onmessage?.({ data: JSON.stringify(data) });
        },
        open() {
          source.readyState = 1;
          source.onopen?.();
        },
      };
      sources.push(source);
      return source;
    },
  };
  return { transport, calls, sources };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('createHttpBridge', () => {
  it('posts the arguments as a JSON array to /api/call/<method>', async () => {
    const { transport, calls } = fakeTransport(() => json({ cases: 6 }));
    const api = createHttpBridge(transport);
    const result = await api.cases('/ws', { offset: 0, limit: 10 });
    expect(result).toEqual({ cases: 6 });
    expect(calls[0]!.url).toBe('/api/call/cases');
    expect(calls[0]!.init?.method).toBe('POST');
    expect(JSON.parse(String(calls[0]!.init?.body))).toEqual(['/ws', { offset: 0, limit: 10 }]);
  });

  it('throws the UserFacingError of a non-2xx answer', async () => {
    const error = {
      kind: 'input',
      message: 'Unbalanced quote',
      file: 'bad.csv',
      line: 3,
      column: 7,
      hint: 'Close the quote',
    };
    const { transport } = fakeTransport(() => json({ error }, 400));
    const api = createHttpBridge(transport);
    const thrown = await api.previewCsv({ kind: 'path', path: 'bad.csv' }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(GembaError);
    expect(toUserFacingError(thrown)).toEqual(error);
  });

  it('reports a non-JSON failure as an internal error with the status', async () => {
    const { transport } = fakeTransport(() => new Response('gateway down', { status: 502, statusText: 'Bad Gateway' }));
    const thrown = await createHttpBridge(transport)
      .environment()
      .catch((e: unknown) => e);
    expect(toUserFacingError(thrown)).toMatchObject({ kind: 'internal', message: expect.stringContaining('502') });
  });

  it('answers undefined for an empty body (void calls)', async () => {
    const { transport } = fakeTransport(() => new Response('', { status: 200 }));
    await expect(createHttpBridge(transport).cancelJob('j1')).resolves.toBeUndefined();
  });

  it('uploads the file body with its encoded name and returns the FileRef', async () => {
    const ref = { kind: 'upload', uploadId: 'u1', name: 'a b.csv' };
    const { transport, calls } = fakeTransport(() => json(ref));
    const file = Object.assign(new Blob(['x,y\n']), { name: 'a b.csv' });
    await expect(createHttpBridge(transport).upload(file)).resolves.toEqual(ref);
    expect(calls[0]!.url).toBe('/api/upload?name=a%20b.csv');
    expect(calls[0]!.init?.body).toBe(file);
  });

  it('connects the event stream before starting a job and delivers its events', async () => {
    const { transport, calls, sources } = fakeTransport(() => json({ jobId: 'j1' }));
    const api = createHttpBridge(transport);
    const seen: JobEvent[] = [];
    api.onJobEvent((event) => seen.push(event));
    const started = api.startImport({ workspace: '/ws', file: { kind: 'path', path: 'x.csv' } });
    await Promise.resolve();
    expect(calls).toHaveLength(0); // still waiting for the stream
    sources[0]!.open();
    await expect(started).resolves.toEqual({ jobId: 'j1' });
    sources[0]!.emit({ type: 'cancelled', jobId: 'j1' });
    expect(seen).toEqual([{ type: 'cancelled', jobId: 'j1' }]);
    expect(sources).toHaveLength(1);
  });
});

describe('toUserFacingError', () => {
  it('recovers a UserFacingError flattened into an Electron IPC message', () => {
    const detail = { kind: 'input', message: 'Empty file', file: 'e.csv' };
    const ipc = new Error(`Error invoking remote method 'gemba:call': ${JSON.stringify(detail)}`);
    expect(toUserFacingError(ipc)).toEqual(detail);
  });

  it('treats anything else as internal', () => {
    expect(toUserFacingError(new Error('boom'))).toEqual({ kind: 'internal', message: 'boom' });
  });
});
