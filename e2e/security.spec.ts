import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import os from 'node:os';
import { request as playwrightRequest } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../main/host/security-headers.ts';
import { expect, test } from './fixtures.ts';
import { isLocalRequest } from './gemba-host.ts';
import { chooseLogFile, createWorkspace, sampleLog, startImportAndWaitForSummary } from './ui-steps.ts';

/** The few browser globals the in-page checks touch (the root tsconfig has no DOM lib). */
interface BrowserElement {
  innerHTML: string;
  textContent: string | null;
  append(child: BrowserElement): void;
  remove(): void;
}
interface BrowserGlobals {
  __pwned?: number;
  fetch(url: string): Promise<unknown>;
  document: {
    cookie: string;
    body: BrowserElement;
    createElement(tag: string): BrowserElement;
    addEventListener(type: 'securitypolicyviolation', listener: (event: { violatedDirective: string }) => void): void;
  };
}

function statusOf(
  port: number,
  path: string,
  headers: Record<string, string>,
  method = 'GET',
  body?: string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** 'refused' when nothing listens at address:port, 'open' when a connection is accepted. */
function probe(address: string, port: number): Promise<'open' | 'refused'> {
  return new Promise((resolve) => {
    const socket = connect({ host: address, port, timeout: 2_000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve('open');
    });
    socket.once('error', () => resolve('refused'));
    socket.once('timeout', () => {
      socket.destroy();
      resolve('refused');
    });
  });
}

test.describe('local host access', () => {
  test('answers 401 without the token or with a wrong one, for pages, assets and the API', async ({ gembaHost }) => {
    const anonymous = await playwrightRequest.newContext({ baseURL: gembaHost.origin });
    try {
      const index = await anonymous.get('/');
      expect(index.status()).toBe(401);
      expect(await index.text()).not.toContain('<div id="root">');
      expect((await anonymous.get('/index.html')).status()).toBe(401);
      expect((await anonymous.get('/api/events')).status()).toBe(401);
      expect((await anonymous.post('/api/call/environment', { data: [] })).status()).toBe(401);
      expect((await anonymous.post('/api/upload?name=x.csv', { data: 'a,b\n' })).status()).toBe(401);
      expect((await anonymous.get('/?token=not-the-token', { maxRedirects: 0 })).status()).toBe(401);
      const wrongBearer = { authorization: `Bearer ${gembaHost.token.slice(1)}x` };
      expect((await anonymous.get('/', { headers: wrongBearer })).status()).toBe(401);
      expect((await anonymous.post('/api/call/environment', { data: [], headers: wrongBearer })).status()).toBe(401);
      const wrongCookie = { cookie: `gemba_token_${gembaHost.port}=${gembaHost.token}0` };
      expect((await anonymous.get('/', { headers: wrongCookie })).status()).toBe(401);

      // The right token, as the printed URL or a bearer header, is let in.
      const login = await anonymous.get(`/?token=${gembaHost.token}`, { maxRedirects: 0 });
      expect(login.status()).toBe(303);
      expect(login.headers()['set-cookie']).toMatch(/HttpOnly/);
      expect(login.headers()['set-cookie']).toMatch(/SameSite=Strict/);
      const api = await anonymous.post('/api/call/environment', {
        data: [],
        headers: { authorization: `Bearer ${gembaHost.token}` },
      });
      expect(api.status()).toBe(200);
      expect((await api.json()).mode).toBe('browser');
    } finally {
      await anonymous.dispose();
    }
  });

  test('binds 127.0.0.1 only', async ({ gembaHost }) => {
    expect(await probe('127.0.0.1', gembaHost.port)).toBe('open');
    // A socket bound to 0.0.0.0 or the whole loopback net would accept these; 127.0.0.1 does not.
    expect(await probe('127.0.0.2', gembaHost.port)).toBe('refused');
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal)
      .map((a) => a!.address);
    for (const address of [...others, '::1']) {
      expect(await probe(address, gembaHost.port), address).toBe('refused');
    }
  });

  test('refuses foreign Host headers and cross-origin POSTs even with the token', async ({ gembaHost }) => {
    const bearer = { authorization: `Bearer ${gembaHost.token}` };
    expect(await statusOf(gembaHost.port, '/', { ...bearer, host: `attacker.example:${gembaHost.port}` })).toBe(421);
    expect(await statusOf(gembaHost.port, '/', { ...bearer, host: `localhost:${gembaHost.port}` })).toBe(200);
    const json = { ...bearer, host: `127.0.0.1:${gembaHost.port}`, 'content-type': 'application/json' };
    expect(
      await statusOf(
        gembaHost.port,
        '/api/call/environment',
        { ...json, origin: 'http://attacker.example' },
        'POST',
        '[]',
      ),
    ).toBe(403);
    expect(
      await statusOf(gembaHost.port, '/api/call/environment', { ...json, origin: gembaHost.origin }, 'POST', '[]'),
    ).toBe(200);
    expect(await statusOf(gembaHost.port, '/api/call/acceptUpload', json, 'POST', '["x", null]')).toBe(404);
  });
});

test.describe('content security policy', () => {
  test('every response carries the CSP and nosniff', async ({ app, gembaHost }) => {
    const page = await app.request.get(`${gembaHost.origin}/`);
    expect(page.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers()['x-content-type-options']).toBe('nosniff');
    const html = await page.text();
    const asset = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset, 'the built index.html loads a script from assets/').toBeTruthy();
    const script = await app.request.get(`${gembaHost.origin}/${asset}`);
    expect(script.status()).toBe(200);
    expect(script.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(script.headers()['x-content-type-options']).toBe('nosniff');
    expect(CONTENT_SECURITY_POLICY).toMatch(/(^|; )default-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/(^|; )connect-src 'self'(;|$)/);
  });

  test('the browser enforces it: no remote fetch, no inline script, no readable token', async ({
    app,
    cspViolations,
  }) => {
    await expect(app.locator('#root')).not.toBeEmpty();
    const outcome = await app.evaluate(async () => {
      // Runs in the page; the root tsconfig has no DOM types, so name what is used.
      const page = globalThis as unknown as BrowserGlobals;
      const violations: string[] = [];
      page.document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      const remote = await page.fetch('http://example.invalid/steal').then(
        () => 'reached',
        () => 'blocked',
      );
      const holder = page.document.createElement('div');
      holder.innerHTML = '<img src="/missing.png" onerror="window.__pwned = 1">';
      page.document.body.append(holder);
      const inline = page.document.createElement('script');
      inline.textContent = 'window.__pwned = 2';
      page.document.body.append(inline);
      await new Promise((r) => setTimeout(r, 500));
      holder.remove();
      inline.remove();
      return { remote, pwned: page.__pwned ?? null, violations, cookie: page.document.cookie };
    });
    expect(outcome.remote).toBe('blocked');
    expect(outcome.pwned).toBeNull();
    expect(outcome.violations).toEqual(expect.arrayContaining(['connect-src']));
    expect(outcome.violations.some((v) => v.startsWith('script-src'))).toBe(true);
    expect(outcome.cookie).not.toContain('gemba_token');
    // The violations above were provoked on purpose; the console saw them too.
    expect(cspViolations.length).toBeGreaterThan(0);
    cspViolations.length = 0;
  });
});

test('no request leaves the machine during a whole UI session', async ({ app, gembaHost, foreignRequests }) => {
  const local: string[] = [];
  app.context().on('request', (r) => {
    if (isLocalRequest(r.url(), gembaHost.origin)) local.push(r.url());
  });
  await app.goto('/');
  await createWorkspace(app, 'no-network');
  await chooseLogFile(app, sampleLog('running-example.csv'));
  await expect(app.getByTestId('preview-table')).toBeVisible();
  await app.getByTestId('map-case').selectOption('case:concept:name');
  await app.getByTestId('map-activity').selectOption('concept:name');
  await app.getByTestId('map-timestamp').selectOption('time:timestamp');
  await startImportAndWaitForSummary(app);
  await app.getByTestId('nav-cases').click();
  await app.locator('[data-testid="case-row"]').first().click();
  await expect(app.getByTestId('case-detail')).toBeVisible();
  await app.waitForLoadState('networkidle');

  // The recorder saw the session (page, assets, API calls, upload) and nothing foreign.
  expect(local.some((u) => u.includes('/api/upload'))).toBe(true);
  expect(local.some((u) => u.includes('/api/call/startImport'))).toBe(true);
  expect(foreignRequests).toEqual([]);
});

test('the request recorder tells local from foreign URLs', () => {
  const origin = 'http://127.0.0.1:4321';
  expect(isLocalRequest(`${origin}/api/call/environment`, origin)).toBe(true);
  expect(isLocalRequest('data:image/png;base64,AA', origin)).toBe(true);
  expect(isLocalRequest('http://127.0.0.1:4322/', origin)).toBe(false);
  expect(isLocalRequest('http://localhost:4321/', origin)).toBe(false);
  expect(isLocalRequest('https://fonts.example.com/x.woff2', origin)).toBe(false);
});
