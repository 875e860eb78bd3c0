import { test as base, expect, type Page } from '@playwright/test';
import { isLocalRequest, startGembaHost, type GembaHost } from './gemba-host.ts';

export { expect };

interface WorkerFixtures {
  /** One browser-mode host per worker, with temp user-data and workspace folders. */
  gembaHost: GembaHost;
}

interface TestFixtures {
  /** Every request of this test that was not to the host (filled by the recorder). */
  foreignRequests: string[];
  /** Console reports of Content-Security-Policy violations; a test that provokes them on purpose empties it. */
  cspViolations: string[];
  /** The page, logged in through the printed URL and showing the UI at `/`. */
  app: Page;
}

/**
 * The e2e fixture. `page` and `context` already carry the host's token cookie and `baseURL` is
 * the host, so `page.goto('/')` shows the UI. Every request any page of the test makes is
 * recorded; one that is not to 127.0.0.1:PORT is aborted and fails the test at its end — the
 * no-network check holds over every e2e test, not only the security spec. So does the CSP: a
 * violation reported on the console fails the test.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  gembaHost: [
    async ({}, use) => {
      const host = await startGembaHost();
      await use(host);
      await host.stop();
    },
    { scope: 'worker', timeout: 90_000 },
  ],

  baseURL: async ({ gembaHost }, use) => {
    await use(gembaHost.origin);
  },

  foreignRequests: async ({}, use) => {
    await use([]);
  },

  cspViolations: async ({}, use) => {
    await use([]);
  },

  context: async ({ context, gembaHost, foreignRequests, cspViolations }, use, testInfo) => {
    // A UI feature blocked by the CSP fails loudly here instead of silently not working.
    context.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
        cspViolations.push(message.text());
    });
    await context.addCookies([
      {
        name: `gemba_token_${gembaHost.port}`,
        value: gembaHost.token,
        url: gembaHost.origin,
        httpOnly: true,
        sameSite: 'Strict',
      },
    ]);
    context.on('request', (request) => {
      if (!isLocalRequest(request.url(), gembaHost.origin)) foreignRequests.push(request.url());
    });
    // Nothing may actually leave the machine during a test, even one that is about to fail.
    await context.route(
      (url) => !isLocalRequest(url.href, gembaHost.origin),
      (route) => route.abort('blockedbyclient'),
    );
    await use(context);
    if (foreignRequests.length > 0) {
      await testInfo.attach('host output', { body: gembaHost.output(), contentType: 'text/plain' });
    }
    expect(foreignRequests, 'requests that were not to the local Gemba host').toEqual([]);
    expect(cspViolations, 'Content-Security-Policy violations reported by the page').toEqual([]);
  },

  app: async ({ page, gembaHost }, use) => {
    await page.goto(gembaHost.loginUrl);
    await expect(page).toHaveURL(`${gembaHost.origin}/`);
    await use(page);
  },
});
