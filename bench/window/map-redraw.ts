import type { Page } from '@playwright/test';

const MAP_CALLS = /\/api\/call\/(processMap|handoverMap)$/;
/** No new map asked for this long: the slider's last value has been sent (the map view waits 40 ms). */
const QUIET_MS = 150;

/**
 * Follows the map requests of a page, so the bench can wait until the map has been redrawn for
 * the slider's last position: every request answered, none started for a while, the map no
 * longer busy, and two animation frames later (the new SVG is in the page and painted).
 */
export function followMapRequests(page: Page) {
  let started = 0;
  let answered = 0;
  let lastStartAt = 0;
  page.on('request', (r) => {
    if (!MAP_CALLS.test(r.url())) return;
    started++;
    lastStartAt = performance.now();
  });
  const done = (r: { url(): string }) => {
    if (MAP_CALLS.test(r.url())) answered++;
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);

  return {
    /** How many map requests were answered so far (pass it to `redrawn`). */
    answered: () => answered,
    /** Waits until the map is redrawn after `since` answers; resolves with the page's clock then. */
    async redrawn(since: number, timeoutMs = 120_000): Promise<number> {
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        const quiet = performance.now() - lastStartAt >= QUIET_MS;
        if (answered > since && answered === started && quiet) {
          const busy = await page.locator('.map-main').getAttribute('aria-busy');
          const drawn = await page.locator('[data-testid="map-svg"] svg g.node').count();
          if (busy === 'false' && drawn > 0) break;
        }
        if (performance.now() > deadline) throw new Error('the map was not redrawn in time');
        await page.waitForTimeout(20);
      }
      return (await page.evaluate(
        'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))))',
      )) as number;
    },
  };
}
