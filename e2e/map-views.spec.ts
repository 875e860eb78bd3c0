import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { chooseLogFile, createWorkspace, sampleLog, startImportAndWaitForSummary } from './ui-steps.ts';

/**
 * Handover of work, a variant highlighted on the map, and the animation, on the running example.
 * Expected figures are read from the CSV here, independently of the engine.
 */
function runningExampleHandover() {
  const [header, ...lines] = readFileSync(sampleLog('running-example.csv'), 'utf8').trim().split(/\r?\n/);
  const col = header.split(',');
  const rows = lines.map((l) => l.split(','));
  const at = (name: string) => col.indexOf(name);
  const byCase = new Map<string, { time: number; resource: string }[]>();
  for (const r of rows) {
    const events = byCase.get(r[at('case:concept:name')]) ?? [];
    events.push({ time: Date.parse(r[at('time:timestamp')].replace(' ', 'T')), resource: r[at('org:resource')] });
    byCase.set(r[at('case:concept:name')], events);
  }
  const pairs = new Map<string, { count: number; cases: Set<string> }>();
  for (const [id, events] of byCase) {
    events.sort((a, b) => a.time - b.time);
    for (let i = 1; i < events.length; i++) {
      const key = `${events[i - 1].resource} → ${events[i].resource}`;
      const pair = pairs.get(key) ?? { count: 0, cases: new Set<string>() };
      pair.count++;
      pair.cases.add(id);
      pairs.set(key, pair);
    }
  }
  const [topName, top] = [...pairs].sort((x, y) => y[1].count - x[1].count)[0];
  return {
    resources: new Set(rows.map((r) => r[at('org:resource')])).size,
    paths: pairs.size,
    topName,
    topCount: top.count,
    topCases: top.cases.size,
  };
}

/** The canvas as the page sees it (this file is compiled without the DOM library). */
interface PaintedCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } };
}

test('handover of work, variant on the map, animation start and pause', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await createWorkspace(page, 'map-views');
  await chooseLogFile(page, sampleLog('running-example.csv'));
  await startImportAndWaitForSummary(page);
  await page.getByTestId('nav-map').click();
  const counts = page.getByTestId('map-counts');
  await expect(counts).toContainText('8 of 8 activities');
  const svg = page.locator('[data-testid="map-svg"] svg');

  // Variant highlight: the variant's activities and transitions stand out, the rest is dimmed.
  await page.getByTestId('slider-paths').fill('1');
  await page.getByTestId('tab-variants').click();
  const steps = (await page.getByTestId('variant-row').first().getAttribute('title'))!.split(' → ');
  await page.getByTestId('variant-show-0').click();
  await expect(page.getByTestId('map-svg')).toHaveClass(/map-dimmed/);
  const route = ['start', ...steps, 'end'];
  const transitions = new Set(route.slice(1).map((to, i) => `${route[i]}→${to}`));
  await expect(svg.locator('g.node.map-highlighted')).toHaveCount(new Set(steps).size + 2);
  await expect(svg.locator('g.edge.map-highlighted')).toHaveCount(transitions.size);
  await page.getByTestId('variant-show-0').click();
  await expect(page.getByTestId('map-svg')).not.toHaveClass(/map-dimmed/);

  // Animation: tokens on one canvas (no DOM node per token), a clock that runs and stops.
  await page.getByTestId('replay-open').click();
  const clock = page.getByTestId('replay-clock');
  await expect(clock).toContainText('2010-12-30');
  await page.getByTestId('replay-speed').selectOption('week');
  await page.getByTestId('replay-play').click();
  await expect(page.getByTestId('replay-play')).toContainText('Pause');
  await expect(clock).not.toContainText('2010-12-30', { timeout: 10_000 });
  await expect
    .poll(() =>
      page.getByTestId('replay-canvas').evaluate((c: PaintedCanvas) => {
        const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let painted = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
        return painted;
      }),
    )
    .toBeGreaterThan(0);
  await page.getByTestId('replay-play').click();
  await expect(page.getByTestId('replay-play')).toContainText('Play');
  const paused = await clock.innerText();
  await page.waitForTimeout(600);
  await expect(clock).toHaveText(paused);
  await page.getByTestId('replay-close').click();
  await expect(page.getByTestId('replay-canvas')).toHaveCount(0);

  // Handover of work: resources instead of activities, with the same sliders.
  const expected = runningExampleHandover();
  await page.getByTestId('map-of-handover').click();
  await expect(page.getByRole('heading', { name: 'Handover of work' })).toBeVisible();
  await expect(counts).toContainText(`${expected.resources} of ${expected.resources} resources`);
  await expect(counts).toContainText(`${expected.paths} of ${expected.paths} paths`);
  await expect(svg).toContainText('Sara');
  // The most frequent handover, clicked: how often, in how many cases, how long it waited.
  await page.locator('[data-testid="map-svg"] g#path_0').dispatchEvent('click');
  const picked = page.getByTestId('handover-selection');
  await expect(picked).toContainText(expected.topName);
  await expect(picked).toContainText(`Handovers${expected.topCount}`);
  await expect(picked).toContainText(`Cases${expected.topCases}`);
  await expect(picked).toContainText('Mean wait');
  await page.getByTestId('slider-activities').fill('0.5');
  // Half the resources, more where resources tie at the threshold (they are kept together).
  await expect(counts).toContainText(
    new RegExp(`[${Math.ceil(expected.resources / 2)}-${expected.resources - 1}] of ${expected.resources} resources`),
  );
  await page.getByTestId('map-of-activities').click();
  await expect(counts).toContainText('of 8 activities');
});
