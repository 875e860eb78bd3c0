import { expect, test } from './fixtures.ts';
import { chooseLogFile, createWorkspace, sampleLog, startImportAndWaitForSummary } from './ui-steps.ts';

// Issue 12, defect 6: map nodes and paths reachable by keyboard; switching Frequency/Performance
// kept nothing of the selection; a reload kept neither chips nor sliders.
test('map elements by keyboard, a selection kept across the view switch, chips and sliders kept over a reload', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await createWorkspace(page, 'map-keyboard');
  await chooseLogFile(page, sampleLog('running-example.xes'));
  await startImportAndWaitForSummary(page);
  await page.getByTestId('nav-map').click();
  await expect(page.getByTestId('map-counts')).toContainText('6 of 6 cases');

  const decide = page.getByRole('button', { name: /^decide, 9$/ });
  await expect(decide).toHaveAttribute('tabindex', '0');
  await decide.focus();
  await page.keyboard.press('Enter');
  const selection = page.getByTestId('map-selection');
  await expect(selection).toContainText('decide');
  // Its durations' histogram can put the counts on a log scale (skewed processes).
  await page.getByTestId('histogram-log').check();
  await expect(page.getByTestId('duration-histogram')).toHaveAttribute('aria-label', /counts on a log scale/);
  await expect(page.getByTestId('duration-histogram').locator('.ytitle')).toHaveText('count (log scale)');
  const path = page.getByRole('button', { name: /^path check ticket → decide/ });
  await expect(path).toHaveCount(1);

  await page.getByTestId('view-performance').click();
  await expect(page.getByTestId('view-performance')).toHaveAttribute('aria-pressed', 'true');
  await expect(selection).toContainText('decide');
  await page.getByTestId('view-frequency').click();
  await expect(selection).toContainText('decide');

  // A filter chip and a slider position survive a reload of the window.
  await page.getByTestId('tab-variants').click();
  await page.getByTestId('variant-0').check();
  await page.getByTestId('filter-variants').click();
  await expect(page.getByTestId('view-map').getByTestId('filter-chip')).toHaveCount(1);
  await page.getByTestId('slider-paths').fill('0.8');
  await page.reload();
  await expect(page.getByTestId('view-map').getByTestId('filter-chip')).toHaveCount(1);
  await expect(page.getByTestId('slider-paths')).toHaveValue('0.8');
  await expect(page.getByTestId('map-counts')).toContainText('1 of 6 cases');
});
