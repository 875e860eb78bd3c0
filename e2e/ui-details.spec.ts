import { expect, test } from './fixtures.ts';
import { chooseLogFile, createWorkspace, sampleLog, startImportAndWaitForSummary } from './ui-steps.ts';

/** Relative luminance and contrast (WCAG 2), for colours the page reports as rgb()/rgba(). */
function rgb(text: string): [number, number, number, number] {
  const [r = 0, g = 0, b = 0, a = 1] = (/rgba?\(([^)]+)\)/.exec(text)?.[1] ?? '').split(',').map(Number);
  return [r, g, b, a];
}
function luminance([r, g, b]: number[]): number {
  const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
}

// Issue 12, defect 6: small things a newcomer tripped on, at 1280×720.
test.use({ viewport: { width: 1280, height: 720 } });

test('legend whole with working hours, sliders still at 100%, readable quality badge on hover, Start-import bar above the preview', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await createWorkspace(page, 'ui-details');
  await chooseLogFile(page, sampleLog('running-example.csv'));
  // The mapping preview: its sticky table header never covers the Start-import bar.
  const bar = page.locator('.start-bar');
  await expect(bar).toBeVisible();
  const [barZ, headZ] = await Promise.all([
    bar.evaluate((el) =>
      Number(
        (globalThis as unknown as { getComputedStyle(e: unknown): { zIndex: string } }).getComputedStyle(el).zIndex,
      ),
    ),
    page
      .locator('.data-table th')
      .first()
      .evaluate((el) =>
        Number(
          (globalThis as unknown as { getComputedStyle(e: unknown): { zIndex: string } }).getComputedStyle(el).zIndex,
        ),
      ),
  ]);
  expect(barZ).toBeGreaterThan(headZ);
  await page.getByTestId('map-case').selectOption('case:concept:name');
  await page.getByTestId('map-activity').selectOption('concept:name');
  await page.getByTestId('map-timestamp').selectOption('time:timestamp');
  await startImportAndWaitForSummary(page);

  // Hovered, the badge's text keeps a readable contrast against the dark sidebar (WCAG AA: 4.5).
  const badge = page.getByTestId('health-badge');
  await badge.hover();
  const colours = await badge.evaluate((el) => {
    const style = (
      globalThis as unknown as { getComputedStyle(e: unknown): { color: string; backgroundColor: string } }
    ).getComputedStyle(el);
    return { color: style.color, background: style.backgroundColor };
  });
  const sidebar: [number, number, number] = [0x16, 0x20, 0x2e];
  const [br, bg, bb, ba] = rgb(colours.background);
  const shown = [br, bg, bb].map((c, i) => c * ba + sidebar[i]! * (1 - ba));
  const [l1, l2] = [luminance(rgb(colours.color)), luminance(shown)].sort((a, b) => b - a);
  expect((l1! + 0.05) / (l2! + 0.05)).toBeGreaterThan(4.5);

  // The slider row stays put when the activities note goes away at 100%.
  await page.getByTestId('nav-map').click();
  const slider = page.getByTestId('slider-activities');
  await slider.fill('0.5');
  await expect(page.getByTestId('activities-note')).toBeVisible();
  const before = (await slider.boundingBox())!.y;
  await slider.fill('1');
  await expect(page.getByTestId('activities-all')).toContainText('All 8 activities shown');
  expect((await slider.boundingBox())!.y).toBe(before);

  // With working hours on, bottlenecks and hidden activities, every legend entry is whole.
  await slider.fill('0.5');
  await page.getByTestId('view-performance').click();
  await page.getByTestId('working-hours').check();
  await expect(page.getByTestId('legend-working-time')).toBeVisible();
  await expect(page.getByTestId('legend-bottleneck')).toBeVisible();
  await expect(page.getByTestId('legend-through-hidden')).toBeVisible();
  const legend = page.getByTestId('map-legend');
  const fits = await legend.evaluate((el) => {
    const box = el as unknown as {
      scrollWidth: number;
      clientWidth: number;
      getBoundingClientRect(): { right: number };
      querySelectorAll(s: string): ArrayLike<{ getBoundingClientRect(): { right: number } }>;
    };
    const right = box.getBoundingClientRect().right;
    return {
      overflow: box.scrollWidth - box.clientWidth,
      last: Array.from(box.querySelectorAll('span')).every((s) => s.getBoundingClientRect().right <= right),
    };
  });
  expect(fits.overflow).toBeLessThanOrEqual(0);
  expect(fits.last).toBe(true);
});
