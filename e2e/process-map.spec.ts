import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { chooseLogFile, createWorkspace, sampleLog, startImportAndWaitForSummary } from './ui-steps.ts';

test.use({ acceptDownloads: true });

// Worked out by hand on the running example (see main/engine/analysis/directly-follows.test.ts):
// 8 activities, 16 paths; the most frequent path is check ticket → decide, 6 times in 4 cases
// (3, 1, 6, 5); all 6 cases are distinct variants, the first listed being case 2's.
test('process map: see it, move the sliders, click a path, filter by variant, export SVG', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await createWorkspace(page, 'process-map');
  await chooseLogFile(page, sampleLog('running-example.xes'));
  await startImportAndWaitForSummary(page);

  await page.getByTestId('nav-map').click();
  const counts = page.getByTestId('map-counts');
  await expect(counts).toContainText('6 of 6 cases');
  await expect(counts).toContainText('8 of 8 activities');
  await expect(page.locator('[data-testid="map-svg"] svg g.node[id^="act_"]')).toHaveCount(8);

  // Activities slider: half of 8 activities; paths slider: all, then none but the connecting ones.
  await page.getByTestId('slider-activities').fill('0.5');
  await expect(counts).toContainText('4 of 8 activities');
  await expect(page.locator('[data-testid="map-svg"] svg g.node[id^="act_"]')).toHaveCount(4);
  await page.getByTestId('slider-activities').fill('1');
  await page.getByTestId('slider-paths').fill('1');
  await expect(counts).toContainText('16 of 16 paths');
  await page.getByTestId('slider-paths').fill('0');
  await expect(counts).toContainText('8 of 8 activities');
  await expect(counts).not.toContainText('16 of 16 paths');
  await page.getByTestId('slider-paths').fill('1');
  await expect(counts).toContainText('16 of 16 paths');

  // Click the most frequent path: its statistics and its cases.
  await page.locator('[data-testid="map-svg"] g#path_0').dispatchEvent('click');
  const selection = page.getByTestId('map-selection');
  await expect(selection).toContainText('check ticket → decide');
  await expect(selection).toContainText('Cases through it: 4');
  await expect(selection.getByTestId('selection-cases').getByRole('button')).toHaveText(['3', '1', '6', '5']);
  await expect(selection.getByTestId('duration-histogram')).toBeVisible();

  // Performance view shows durations (mean check ticket → decide = 181,960 s ≈ 2.1 d).
  await page.getByTestId('view-performance').click();
  await expect(page.locator('[data-testid="map-svg"] svg')).toContainText('2.1 d');

  // Variant filter: every view follows.
  await page.getByTestId('tab-variants').click();
  await expect(page.getByTestId('variants-panel')).toContainText('Variants (6)');
  await page.getByTestId('variant-0').check();
  await page.getByTestId('filter-variants').click();
  await expect(page.getByTestId('filter-chip').first()).toContainText('Variant of 5 steps');
  await expect(counts).toContainText('1 of 6 cases');
  await expect(page.getByTestId('variants-panel')).toContainText('Variants (1)');
  await page.getByTestId('nav-cases').click();
  await expect(page.getByTestId('case-total')).toContainText('1 case');
  await page.getByTestId('nav-map').click();
  await expect(counts).toContainText('1 of 6 cases');

  // Export the map as SVG and check the file.
  const download = page.waitForEvent('download');
  await page.getByTestId('export-svg').click();
  const file = await (await download).path();
  const svg = readFileSync(file, 'utf8');
  expect(svg.startsWith('<?xml')).toBe(true);
  expect(svg).toContain('<svg');
  expect(svg).toContain('register request');
  expect(svg).not.toContain('reject request'); // case 2 ends with pay compensation

  // And as PNG: a real PNG image.
  const pngDownload = page.waitForEvent('download');
  await page.getByTestId('export-png').click();
  const png = readFileSync(await (await pngDownload).path());
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.length).toBeGreaterThan(2000);
});
