import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { chooseLogFile, createWorkspace, sampleLog, startImportAndWaitForSummary } from './ui-steps.ts';

/** For each activity box on the map: its drawn width and the widest of its label lines, in the SVG's units. */
async function labelFits(page: Page): Promise<{ label: string; box: number; text: number }[]> {
  // The e2e tsconfig has no DOM library: the few SVG calls used are typed here.
  interface Drawn {
    querySelectorAll(selector: string): ArrayLike<Drawn>;
    querySelector(selector: string): Drawn;
    getBBox(): { width: number };
    getComputedTextLength(): number;
    textContent: string | null;
  }
  return page.getByTestId('map-svg').evaluate((element) =>
    [...Array.from((element as unknown as Drawn).querySelectorAll('g.node[id^="act_"]'))].map((node) => {
      const shape = node.querySelector('path, polygon');
      const texts = Array.from(node.querySelectorAll('text'));
      return {
        label: texts.map((t) => t.textContent).join(' / '),
        box: shape.getBBox().width,
        text: Math.max(...texts.map((t) => t.getComputedTextLength())),
      };
    }),
  );
}

// Issue 12, defect 2: labels were cut ("02 Check confirmation o") where Chromium drew in a wider
// font than the Helvetica the boxes were sized for. The UI font is bundled, the engine sizes boxes
// with its metrics, and every label must fit its box on screen at both window sizes.
test.use({ acceptDownloads: true });

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
]) {
  test(`every map label fits its box at ${viewport.width}×${viewport.height}`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(viewport);
    await page.goto('/');
    await createWorkspace(page, `labels-${viewport.width}`);
    await chooseLogFile(page, sampleLog('receipt.xes'));
    await startImportAndWaitForSummary(page);
    // The page's document, typed without the DOM library of the e2e tsconfig.
    interface Page2 {
      document: { fonts: { ready: Promise<unknown>; check(font: string): boolean }; body: unknown };
      getComputedStyle(element: unknown): { fontFamily: string };
    }
    expect(
      await page.evaluate(async () => {
        const { document } = globalThis as unknown as Page2;
        await document.fonts.ready;
        return document.fonts.check('12px "Gemba Sans"');
      }),
    ).toBe(true);
    expect(
      await page.evaluate(
        () =>
          (globalThis as unknown as Page2).getComputedStyle((globalThis as unknown as Page2).document.body).fontFamily,
      ),
    ).toContain('Gemba Sans');

    await page.getByTestId('nav-map').click();
    await expect(page.getByTestId('map-svg').locator('g.node').first()).toBeVisible();
    const fits = await labelFits(page);
    expect(fits.length).toBeGreaterThan(3);
    expect(fits.map((f) => f.label).join('\n')).toContain('T02 Check confirmation of');
    // The box holds the text and its margins (0.14 in = 10 pt each side, less a point for rounding).
    const clipped = fits.filter((f) => f.text + 18 > f.box);
    expect(clipped, 'labels wider than their boxes').toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`map-${viewport.width}x${viewport.height}.png`) });

    // The exported SVG carries the font, so it is drawn the same wherever it is opened.
    const download = page.waitForEvent('download');
    await page.getByTestId('export-svg').click();
    const svg = readFileSync(await (await download).path(), 'utf8');
    expect(svg).toContain("@font-face{font-family:'Gemba Sans';src:url(data:font/ttf;base64,");
    expect(svg).toContain('font-family="Gemba Sans,DejaVu Sans,sans-serif"');
  });
}
