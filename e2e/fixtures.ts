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
  /** The page, logged in through the printed URL and showing the UI at `/`. */
  app: Page;
}

/**
 * The e2e fixture. `page` and `context` already carry the host's token cookie and `baseURL` is
 * the host, so `page.goto('/')` shows the UI. Every request any page of the test makes is
 * recorded; one that is not to 127.0.0.1:PORT is aborted and fails the test at its end — the
 * no-network check holds over every e2e test, not only the security spec.
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

  context: async ({ context, gembaHost, foreignRequests }, use, testInfo) => {
    await context.addCookies([
      { name: `gemba_token_${gembaHost.port}`, value: gembaHost.token, url: gembaHost.origin, httpOnly: true, sameSite: 'Strict' },
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
  },

  app: async ({ page, gembaHost }, use) => {
    await page.goto(gembaHost.loginUrl);
    await expect(page).toHaveURL(`${gembaHost.origin}/`);
    await use(page);
  },
});
