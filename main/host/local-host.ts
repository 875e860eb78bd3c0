import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import {
  hasValidToken,
  isAllowedHost,
  isSameOriginRequest,
  newLaunchToken,
  tokenCookie,
  tokensMatch,
} from './access-guard.ts';
import { DEFAULT_MAX_UPLOAD_BYTES, handleCall, handleEvents, handleUpload, sendJson } from './api-routes.ts';
import type { HostedService } from './hosted-service.ts';
import { SECURITY_HEADERS } from './security-headers.ts';
import { findStaticFile, openStaticFile } from './static-files.ts';

/** Loopback only, by construction: the host is never reachable from another machine. */
export const LOOPBACK_ADDRESS = '127.0.0.1';

export interface LocalHostOptions {
  service: HostedService;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Tests pass a fixed token; otherwise a fresh random one per launch. */
  token?: string;
  maxUploadBytes?: number;
}

export interface LocalHost {
  port: number;
  token: string;
  /** http://127.0.0.1:PORT */
  origin: string;
  /** The one URL to open: sets the token cookie and lands on the UI. */
  loginUrl: string;
  server: Server;
  close(): Promise<void>;
}

function reject(response: ServerResponse, status: number, message: string): void {
  sendJson(response, status, { error: { kind: 'input', message } });
}

/**
 * Serves the renderer and the GembaApi on 127.0.0.1 for the browser mode and the e2e tests.
 * Wire protocol: see README.md in this folder.
 */
export async function startLocalHost(options: LocalHostOptions): Promise<LocalHost> {
  const token = options.token ?? newLaunchToken();
  const maxUploadBytes = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  let port = 0;

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);

    if (!isAllowedHost(request.headers.host, port)) {
      reject(response, 421, 'This Gemba host answers only to 127.0.0.1 and localhost on its own port.');
      return;
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    const method = request.method ?? 'GET';

    // Login: the printed URL carries the token once; from then on the HttpOnly cookie does.
    const offered = url.searchParams.get('token');
    if (offered !== null && (method === 'GET' || method === 'HEAD') && url.pathname === '/') {
      if (!tokensMatch(token, offered)) {
        reject(
          response,
          401,
          'The token in this URL is not the one Gemba printed at launch. Use the URL from the terminal.',
        );
        return;
      }
      response.writeHead(303, { 'set-cookie': tokenCookie(token, port), location: '/', 'cache-control': 'no-store' });
      response.end();
      return;
    }

    if (!hasValidToken(request.headers, token, port)) {
      reject(response, 401, 'Open Gemba with the URL printed in the terminal (it carries the launch token).');
      return;
    }

    if (url.pathname.startsWith('/api/')) {
      if (method === 'GET' && url.pathname === '/api/events') {
        handleEvents(options.service, request, response);
        return;
      }
      if (method !== 'POST') {
        reject(response, 405, `${method} is not allowed on ${url.pathname}.`);
        return;
      }
      if (!isSameOriginRequest(request.headers, port)) {
        reject(response, 403, 'Calls are accepted only from the Gemba page itself.');
        return;
      }
      if (url.pathname.startsWith('/api/call/')) {
        let name: string;
        try {
          name = decodeURIComponent(url.pathname.slice('/api/call/'.length));
        } catch {
          name = '';
        }
        await handleCall(options.service, name, request, response);
        return;
      }
      if (url.pathname === '/api/upload') {
        await handleUpload(options.service, url, request, response, maxUploadBytes);
        return;
      }
      reject(response, 404, `There is no API at ${url.pathname}.`);
      return;
    }

    if (method !== 'GET' && method !== 'HEAD') {
      reject(response, 405, `${method} is not allowed here.`);
      return;
    }
    const file = await findStaticFile(options.rendererDir, url.pathname);
    if (!file) {
      reject(response, 404, `Nothing at ${url.pathname}.`);
      return;
    }
    response.writeHead(200, {
      'content-type': file.contentType,
      'content-length': file.size,
      // The UI changes with every build; hashed assets may be cached, the entry page not.
      'cache-control': file.filePath.endsWith('.html') ? 'no-store' : 'private, max-age=3600',
    });
    if (method === 'HEAD') {
      response.end();
      return;
    }
    await pipeline(openStaticFile(file), response);
  }

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      if (!response.headersSent) {
        sendJson(response, 500, {
          error: {
            kind: 'internal',
            message: `Internal error: ${error instanceof Error ? error.message : String(error)}`,
          },
        });
      } else {
        response.destroy();
      }
    });
  });
  // Slow or stuck clients must not pin memory; uploads of many GB still stream within this.
  server.headersTimeout = 30_000;
  server.requestTimeout = 0;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: LOOPBACK_ADDRESS, port: options.port ?? 0 }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${LOOPBACK_ADDRESS}:${port}`;

  return {
    port,
    token,
    origin,
    loginUrl: `${origin}/?token=${token}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Open event streams would keep close() waiting forever.
        server.closeAllConnections();
      }),
  };
}
