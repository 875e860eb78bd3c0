import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { findStaticFile } from '../host/static-files.ts';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security.ts';

/**
 * Serves the built renderer on gemba://app/ with the same traversal rules and CSP as the local
 * host. A custom origin instead of file:// means the page cannot fetch arbitrary local files and
 * the CSP's 'self' names exactly this folder.
 */
export function serveRendererOnAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const headers = { 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' };
    if (url.host !== APP_HOST || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return new Response('Not found', { status: 404, headers });
    }
    const file = await findStaticFile(rendererDir, url.pathname);
    if (!file) return new Response('Not found', { status: 404, headers });
    const body = await readFile(file.filePath);
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: { ...headers, 'content-type': file.contentType },
    });
  });
}
