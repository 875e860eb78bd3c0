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
  // Paths through the hidden activities are dashed, and the legend says what dashed means.
  await expect(page.getByTestId('legend-through-hidden')).toContainText('via hidden activities');
  await expect(page.locator('[data-testid="map-svg"] svg g.edge.through-hidden').first()).toBeAttached();
  await page.getByTestId('slider-activities').fill('1');
  await expect(page.getByTestId('legend-through-hidden')).toHaveCount(0);
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
  await expect(page.getByTestId('filter-chip').first()).toContainText('Variant #1');
  await expect(counts).toContainText('1 of 6 cases');
  // Clicking the chip's text does nothing; its Invert button negates, and again restores.
  const chip = page.getByTestId('filter-chip').first();
  await chip.locator('.filter-chip-text').click();
  await expect(chip).not.toContainText('NOT (');
  await expect(counts).toContainText('1 of 6 cases');
  await expect(chip.getByTestId('filter-chip-not')).toHaveText('Invert');
  await chip.getByTestId('filter-chip-not').click();
  await expect(chip).toContainText('NOT (Variant #1');
  await expect(chip.getByTestId('filter-chip-not')).toHaveText('Inverted');
  await expect(counts).toContainText('5 of 6 cases');
  await chip.getByTestId('filter-chip-not').click();
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
  // The title block says what the picture shows.
  expect(svg).toContain('running-example.xes');
  expect(svg).toContain('Filters: Variant #1 · 1 of 6 cases');
  expect(svg).toMatch(/Process map, performance view \(mean duration\) · activities 100% \(5 of 5\) · paths 100%/);
  expect(svg).toContain('Durations in wall-clock time · exported ');

  // And as PNG: a real PNG image.
  const pngDownload = page.waitForEvent('download');
  await page.getByTestId('export-png').click();
  const png = readFileSync(await (await pngDownload).path());
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.length).toBeGreaterThan(2000);
});

// Hand-worked on the running example: decide → pay compensation waits 6 d 50 min, 3 d 43 min and
// 8 d 18 h 55 min: total 1,542,480 s (17 d 20 h), mean 514,160 s (5 d 23 h), median 521,400 s
// (6 d 1 h); check ticket → decide: 6 transitions, 1,091,760 s total (12 d 15 h).
test('process map: bottlenecks of the whole log, settings kept across views, working hours with both clocks, ranks kept, zoom at the centre', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await createWorkspace(page, 'process-map-2');
  await chooseLogFile(page, sampleLog('running-example.xes'));
  await startImportAndWaitForSummary(page);
  await page.getByTestId('nav-map').click();
  const counts = page.getByTestId('map-counts');
  await expect(counts).toContainText('8 of 8 activities');

  // Half the activities: pay compensation is not on the map, but the bottlenecks are the log's.
  await page.getByTestId('slider-activities').fill('0.5');
  await expect(counts).toContainText('4 of 8 activities');
  await page.getByTestId('tab-bottlenecks').click();
  const first = page.getByTestId('bottleneck').first();
  await expect(first).toContainText('decide → pay compensation');
  await expect(first).toContainText('(not on the map at these slider settings)');
  await expect(first).toContainText('17 d 20 h total');
  await expect(first).toContainText('3 transitions · mean 5 d 23 h · median 6 d 1 h');
  await expect(page.getByTestId('bottleneck').nth(1)).toContainText('check ticket → decide');
  await expect(page.getByTestId('bottleneck').nth(1)).toContainText('12 d 15 h total');
  await expect(page.getByTestId('bottleneck').nth(1)).toContainText('6 transitions');

  // A bottleneck opens with the log's figures, both clocks once working hours are on.
  await page.getByTestId('working-hours').check();
  const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  await expect(page.getByTestId('calendar-zone')).toHaveValue(zone);
  await expect(first.getByTestId('bottleneck-wall-clock')).toContainText('wall clock 17 d 20 h total');
  // Working time is in hours (a working day is not 24 h).
  await expect(first.getByTestId('bottleneck-figures')).toContainText(/working time [\d,.]+ h total/);
  // The zone of the working hours can be chosen; 'UTC' is always offered.
  await page.getByTestId('calendar-zone').selectOption('UTC');
  await expect(page.getByTestId('calendar-zone')).toHaveValue('UTC');
  await expect(first.getByTestId('bottleneck-figures')).toContainText(/working time [\d,.]+ h total/);
  await first.getByRole('button').click();
  const selection = page.getByTestId('map-selection');
  await expect(selection).toContainText('decide → pay compensation');
  await expect(selection).toContainText('Cases through it: 3');
  const durations = selection.getByTestId('selection-durations');
  await expect(durations).toContainText('working time');
  await expect(durations.getByRole('row', { name: /Median/ })).toContainText('6 d 1 h'); // the wall-clock column
  await expect(durations.getByRole('row', { name: /Total/ })).toContainText('17 d 20 h');

  // Leave for the summary and come back: the same map.
  await page.getByTestId('slider-paths').fill('0.8');
  await page.getByTestId('view-performance').click();
  await page.getByTestId('nav-summary').click();
  await page.getByTestId('nav-map').click();
  await expect(page.getByTestId('slider-activities')).toHaveValue('0.5');
  await expect(page.getByTestId('slider-paths')).toHaveValue('0.8');
  await expect(page.getByTestId('view-performance')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('working-hours')).toBeChecked();
  await expect(counts).toContainText('4 of 8 activities');
  await page.getByTestId('working-hours').uncheck();
  await page.getByTestId('slider-activities').fill('1');
  await expect(counts).toContainText('8 of 8 activities');

  // Variants keep their unfiltered rank, and the chip names them.
  await page.getByTestId('tab-variants').click();
  await page.getByTestId('variant-1').check();
  await page.getByTestId('variant-3').check();
  await page.getByTestId('filter-variants').click();
  await expect(page.getByTestId('filter-chip').first()).toContainText('Variants #2, #4');
  await expect(page.getByTestId('variants-panel')).toContainText('Variants (2)');
  await expect(page.getByTestId('variant-rank')).toHaveText(['#2', '#4']);
  await expect(page.getByTestId('variant-steps').first()).toContainText('register request');

  // "+" zooms around the middle of the frame: what was there stays there.
  const centre = async () => {
    const frame = (await page.getByTestId('map-canvas').boundingBox())!;
    const map = (await page.locator('[data-testid="map-svg"] svg').boundingBox())!;
    return {
      dx: map.x + map.width / 2 - (frame.x + frame.width / 2),
      dy: map.y + map.height / 2 - (frame.y + frame.height / 2),
      width: map.width,
    };
  };
  await expect(counts).toContainText('2 of 6 cases');
  await page.waitForTimeout(300); // the new map is in and fitted
  const before = await centre();
  await page.getByTestId('zoom-in').click();
  await expect.poll(async () => (await centre()).width / before.width).toBeCloseTo(1.25, 2);
  const after = await centre();
  expect(after.dx).toBeCloseTo(before.dx * 1.25, 0);
  expect(after.dy).toBeCloseTo(before.dy * 1.25, 0);
});

test('process map: a large log opens readable: fewer activities so that the whole map fits at a readable scale, at 1440×900 and 1280×720', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await createWorkspace(page, 'process-map-receipt');
  await chooseLogFile(page, sampleLog('receipt.xes'));
  await startImportAndWaitForSummary(page);
  await page.getByTestId('nav-map').click();
  const svg = page.getByTestId('map-svg');
  await expect(svg.locator('svg')).toBeVisible();
  // 27 activities: at most 15 to start with, fewer while the fitted map is below 0.45.
  await expect(page.getByTestId('activities-note')).toContainText('of 27 activities shown');
  await expect
    .poll(async () => Number(await svg.getAttribute('data-scale')), { timeout: 20_000 })
    .toBeGreaterThanOrEqual(0.45);
  const shown = Number(/(\d+) of 27 activities/.exec((await page.getByTestId('map-counts').textContent()) ?? '')?.[1]);
  expect(shown).toBeGreaterThanOrEqual(3);
  expect(shown).toBeLessThanOrEqual(15);
  await expect(page.getByTestId('slider-paths')).toHaveValue('0.3');
  const wholeMapInFrame = async () => {
    const frame = (await page.getByTestId('map-canvas').boundingBox())!;
    const map = (await svg.locator('svg').boundingBox())!;
    expect(map.x).toBeGreaterThanOrEqual(frame.x - 1);
    expect(map.y).toBeGreaterThanOrEqual(frame.y - 1);
    expect(map.x + map.width).toBeLessThanOrEqual(frame.x + frame.width + 1);
    expect(map.y + map.height).toBeLessThanOrEqual(frame.y + frame.height + 1);
  };
  await wholeMapInFrame();
  for (const id of ['working-hours', 'tab-bottlenecks', 'export-png', 'frequency-measure']) {
    const box = (await page.getByTestId(id).boundingBox())!;
    expect(box.x + box.width, id).toBeLessThanOrEqual(1440);
  }
  // No horizontal scrolling of the page (typed without the DOM library of the e2e tsconfig).
  const pageWidth = await page.evaluate(
    () =>
      (globalThis as unknown as { document: { scrollingElement: { scrollWidth: number } } }).document.scrollingElement
        .scrollWidth,
  );
  expect(pageWidth).toBeLessThanOrEqual(1440);
  await page.screenshot({ path: test.info().outputPath('receipt-1440.png') });

  // More activities than fit readably: Fit still shows the whole map, at the scale it needs.
  await page.getByTestId('slider-activities').fill('1');
  await expect(page.getByTestId('map-counts')).toContainText('27 of 27 activities');
  await page.getByTestId('zoom-in').click();
  await page.getByTestId('zoom-fit').click();
  await page.waitForTimeout(300);
  await wholeMapInFrame();

  await page.setViewportSize({ width: 1280, height: 720 });
  await page.waitForTimeout(400); // refitted to the smaller frame
  await wholeMapInFrame();
  await page.screenshot({ path: test.info().outputPath('receipt-720-all.png') });
});
