import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_CALLS, proxyOf, type GembaApi, type JobEvent } from '../../preload/api.ts';
import { InputError } from '../engine/errors.ts';
import type { HostedService } from './hosted-service.ts';
import { startLocalHost, type LocalHost } from './local-host.ts';
import { CONTENT_SECURITY_POLICY } from './security-headers.ts';

const TOKEN = 'test-token-0123456789abcdefghijklmnopqrstu';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Raw node:http, because fetch() will not let a test forge Host or send `..` unnormalised. */
function send(
  host: LocalHost,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    hostHeader?: string;
  },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: host.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { host: options.hostHeader ?? `127.0.0.1:${host.port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const auth = { authorization: `Bearer ${TOKEN}` };
const jsonAuth = { ...auth, 'content-type': 'application/json' };

describe('local host', () => {
  let host: LocalHost;
  let rendererDir: string;
  let root: string;
  const calls: { method: string; args: unknown[] }[] = [];
  const uploads: { name: string; bytes: number }[] = [];
  const listeners = new Set<(e: JobEvent) => void>();

  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'gemba-host-'));
    rendererDir = path.join(root, 'renderer');
    mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Gemba</title>');
    writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(root, 'secret.txt'), 'outside the renderer');

    const forwarded = proxyOf<GembaApi>(API_CALLS, async (method, args) => {
      calls.push({ method, args });
      if (method === 'statistics' && args[0] === 'bad')
        throw new InputError('No such workspace.', { file: 'bad', hint: 'Pick another.' });
      if (method === 'variants') throw new Error('boom');
      if (method === 'cancelJob') return undefined;
      return { method, args };
    });
    const service: HostedService & { secretMethod(): Promise<string> } = {
      ...forwarded,
      onJobEvent: (listener: (e: JobEvent) => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      acceptUpload: async (name: string, body: NodeJS.ReadableStream) => {
        let bytes = 0;
        for await (const chunk of body as Readable) bytes += (chunk as Buffer).length;
        uploads.push({ name, bytes });
        return { kind: 'upload' as const, uploadId: 'u1', name };
      },
      secretMethod: async () => 'should never be reachable',
    };
    host = await startLocalHost({ service, rendererDir, token: TOKEN, maxUploadBytes: 1000 });
  });

  afterAll(async () => {
    await host.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 only', () => {
    const address = host.server.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
    expect(host.loginUrl).toBe(`http://127.0.0.1:${host.port}/?token=${TOKEN}`);
  });

  it('makes a fresh random token per launch when none is given', async () => {
    const a = await startLocalHost({ service: {} as HostedService, rendererDir });
    const b = await startLocalHost({ service: {} as HostedService, rendererDir });
    await a.close();
    await b.close();
    expect(a.token).not.toBe(b.token);
    expect(a.token.length).toBeGreaterThanOrEqual(43);
  });

  describe('token', () => {
    it('answers 401 without a token, for static files and the API alike', async () => {
      expect((await send(host, { path: '/' })).status).toBe(401);
      expect((await send(host, { path: '/assets/app.js' })).status).toBe(401);
      expect((await send(host, { path: '/api/events' })).status).toBe(401);
      const call = await send(host, {
        method: 'POST',
        path: '/api/call/environment',
        headers: { 'content-type': 'application/json' },
        body: '[]',
      });
      expect(call.status).toBe(401);
      expect(calls.some((c) => c.method === 'environment')).toBe(false);
    });

    it('answers 401 to a wrong token in the URL, cookie or bearer header', async () => {
      expect((await send(host, { path: '/?token=wrong' })).status).toBe(401);
      expect((await send(host, { path: '/', headers: { cookie: `gemba_token_${host.port}=${TOKEN}x` } })).status).toBe(
        401,
      );
      expect((await send(host, { path: '/', headers: { authorization: `Bearer ${TOKEN.slice(0, -1)}` } })).status).toBe(
        401,
      );
      // The right token under another port's cookie name belongs to another Gemba.
      expect((await send(host, { path: '/', headers: { cookie: `gemba_token_1=${TOKEN}` } })).status).toBe(401);
    });

    it('trades the URL token for an HttpOnly SameSite=Strict cookie and redirects to /', async () => {
      const login = await send(host, { path: `/?token=${TOKEN}` });
      expect(login.status).toBe(303);
      expect(login.headers.location).toBe('/');
      const cookie = String(login.headers['set-cookie']);
      expect(cookie).toContain(`gemba_token_${host.port}=${TOKEN}`);
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('SameSite=Strict');
      const page = await send(host, { path: '/', headers: { cookie: `other=1; gemba_token_${host.port}=${TOKEN}` } });
      expect(page.status).toBe(200);
      expect(page.body).toContain('<title>Gemba</title>');
    });

    it('accepts a bearer token', async () => {
      const page = await send(host, { path: '/assets/app.js', headers: auth });
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toContain('text/javascript');
    });
  });

  describe('Host header (DNS rebinding)', () => {
    it('refuses a foreign host name even with the right token', async () => {
      for (const hostHeader of [
        'evil.example:' + host.port,
        `127.0.0.1:${host.port + 1}`,
        '127.0.0.1',
        `0.0.0.0:${host.port}`,
      ]) {
        const reply = await send(host, { path: '/', headers: auth, hostHeader });
        expect(reply.status, hostHeader).toBe(421);
      }
    });

    it('accepts 127.0.0.1 and localhost on its own port', async () => {
      expect((await send(host, { path: '/', headers: auth, hostHeader: `localhost:${host.port}` })).status).toBe(200);
      expect((await send(host, { path: '/', headers: auth, hostHeader: `127.0.0.1:${host.port}` })).status).toBe(200);
    });
  });

  describe('static files', () => {
    it('sends the CSP and nosniff on every answer, 401s included', async () => {
      for (const reply of [await send(host, { path: '/', headers: auth }), await send(host, { path: '/' })]) {
        expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
        expect(reply.headers['x-content-type-options']).toBe('nosniff');
      }
      expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
      expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
      expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    });

    it('never serves a file outside the renderer folder', async () => {
      for (const p of [
        '/../secret.txt',
        '/assets/../../secret.txt',
        '/%2e%2e/secret.txt',
        '/%2E%2E%2Fsecret.txt',
        '/assets/..%2f..%2fsecret.txt',
        '/..%5csecret.txt',
        '/index.html%00.js',
        '/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      ]) {
        const reply = await send(host, { path: p, headers: auth });
        expect(reply.status, p).toBe(404);
        expect(reply.body, p).not.toContain('outside the renderer');
        expect(reply.body, p).not.toContain('root:');
      }
    });

    it('serves index.html for client-side routes but 404 for missing assets', async () => {
      expect((await send(host, { path: '/workspace/summary', headers: auth })).body).toContain('<title>Gemba</title>');
      expect((await send(host, { path: '/assets/missing.js', headers: auth })).status).toBe(404);
    });
  });

  describe('API calls', () => {
    it('calls a listed method with the JSON arguments and answers its JSON result', async () => {
      const reply = await send(host, {
        method: 'POST',
        path: '/api/call/cases',
        headers: jsonAuth,
        body: JSON.stringify(['ws', { offset: 0, limit: 5 }]),
      });
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.body)).toEqual({ method: 'cases', args: ['ws', { offset: 0, limit: 5 }] });
    });

    it('answers 204 for a call without a result', async () => {
      const reply = await send(host, {
        method: 'POST',
        path: '/api/call/cancelJob',
        headers: jsonAuth,
        body: '["j1"]',
      });
      expect(reply.status).toBe(204);
      expect(reply.body).toBe('');
    });

    it('refuses names outside API_METHODS, including inherited and private ones', async () => {
      for (const name of [
        'secretMethod',
        'constructor',
        '__proto__',
        'toString',
        'acceptUpload',
        'onJobEvent',
        'close',
        '%E0%A4%A',
      ]) {
        const before = calls.length;
        const reply = await send(host, { method: 'POST', path: `/api/call/${name}`, headers: jsonAuth, body: '[]' });
        expect(reply.status, name).toBe(404);
        expect(JSON.parse(reply.body).error.kind).toBe('input');
        expect(calls.length).toBe(before);
      }
    });

    it('maps InputError to 400 and other failures to 500, as UserFacingError', async () => {
      const bad = await send(host, {
        method: 'POST',
        path: '/api/call/statistics',
        headers: jsonAuth,
        body: '["bad"]',
      });
      expect(bad.status).toBe(400);
      expect(JSON.parse(bad.body)).toEqual({
        error: { kind: 'input', message: 'No such workspace.', file: 'bad', hint: 'Pick another.' },
      });
      const broken = await send(host, {
        method: 'POST',
        path: '/api/call/variants',
        headers: jsonAuth,
        body: '["ws"]',
      });
      expect(broken.status).toBe(500);
      expect(JSON.parse(broken.body).error).toMatchObject({ kind: 'internal', message: 'Internal error: boom' });
    });

    it('refuses arguments that are not a JSON array, and non-JSON bodies', async () => {
      expect(
        (await send(host, { method: 'POST', path: '/api/call/statistics', headers: jsonAuth, body: '{"a":1}' })).status,
      ).toBe(400);
      expect(
        (await send(host, { method: 'POST', path: '/api/call/statistics', headers: jsonAuth, body: '[oops' })).status,
      ).toBe(400);
      const form = await send(host, {
        method: 'POST',
        path: '/api/call/statistics',
        headers: { ...auth, 'content-type': 'text/plain' },
        body: '["ws"]',
      });
      expect(form.status).toBe(415);
    });

    it('refuses cross-origin POSTs even with the token', async () => {
      const foreign = await send(host, {
        method: 'POST',
        path: '/api/call/environment',
        headers: { ...jsonAuth, origin: 'http://evil.example' },
        body: '[]',
      });
      expect(foreign.status).toBe(403);
      const crossSite = await send(host, {
        method: 'POST',
        path: '/api/call/environment',
        headers: { ...jsonAuth, 'sec-fetch-site': 'cross-site' },
        body: '[]',
      });
      expect(crossSite.status).toBe(403);
      const own = await send(host, {
        method: 'POST',
        path: '/api/call/environment',
        headers: { ...jsonAuth, origin: host.origin, 'sec-fetch-site': 'same-origin' },
        body: '[]',
      });
      expect(own.status).toBe(200);
    });

    it('refuses GET on calls', async () => {
      expect((await send(host, { path: '/api/call/environment', headers: auth })).status).toBe(405);
    });
  });

  describe('uploads', () => {
    it('streams the body to acceptUpload and answers the FileRef', async () => {
      const reply = await send(host, {
        method: 'POST',
        path: '/api/upload?name=log.csv',
        headers: { ...auth, 'content-type': 'application/octet-stream' },
        body: 'a,b\n1,2\n',
      });
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.body)).toEqual({ kind: 'upload', uploadId: 'u1', name: 'log.csv' });
      expect(uploads.at(-1)).toEqual({ name: 'log.csv', bytes: 8 });
    });

    it('refuses an upload over the size limit', async () => {
      const reply = await send(host, {
        method: 'POST',
        path: '/api/upload?name=big.csv',
        headers: auth,
        body: Buffer.alloc(1001),
      });
      expect(reply.status).toBe(413);
      expect(JSON.parse(reply.body).error.kind).toBe('input');
    });

    it('refuses an over-limit body that lies about its length (chunked)', async () => {
      const reply = await new Promise<Reply>((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port: host.port,
            method: 'POST',
            path: '/api/upload?name=big.csv',
            headers: { ...auth, host: `127.0.0.1:${host.port}`, 'transfer-encoding': 'chunked' },
          },
          (res) => {
            let body = '';
            res.on('data', (c: Buffer) => (body += c.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
          },
        );
        req.on('error', reject);
        for (let i = 0; i < 5; i++) req.write(Buffer.alloc(300));
        req.end();
      });
      expect(reply.status).toBe(400);
      expect(JSON.parse(reply.body).error.message).toContain('larger than the limit');
    });

    it('refuses a file name with a path in it', async () => {
      const reply = await send(host, {
        method: 'POST',
        path: '/api/upload?name=..%2F..%2Fetc%2Fpasswd',
        headers: auth,
        body: 'x',
      });
      expect(reply.status).toBe(400);
    });
  });

  it('streams job events as Server-Sent Events', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: host.port,
          path: '/api/events',
          headers: { ...auth, host: `127.0.0.1:${host.port}` },
        },
        (res) => {
          expect(res.headers['content-type']).toContain('text/event-stream');
          let text = '';
          res.on('data', (c: Buffer) => {
            text += c.toString();
            if (text.includes('retry:') && listeners.size > 0 && !text.includes('data:')) {
              for (const l of listeners) l({ type: 'cancelled', kind: 'import', jobId: 'j7' });
            }
            if (text.includes('data:')) {
              req.destroy();
              resolve(text);
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    const data = received.split('\n').find((line) => line.startsWith('data: '))!;
    expect(JSON.parse(data.slice('data: '.length))).toEqual({ type: 'cancelled', kind: 'import', jobId: 'j7' });
    await new Promise((r) => setTimeout(r, 50));
    expect(listeners.size).toBe(0);
  });
});
