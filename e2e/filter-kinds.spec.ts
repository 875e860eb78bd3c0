import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { chooseLogFile, createWorkspace, sampleLog, startImportAndWaitForSummary } from './ui-steps.ts';

// Times typed into the timeframe fields are read in the browser's zone: pin it.
test.use({ timezoneId: 'UTC' });

async function openEditor(page: Page, kind: string): Promise<void> {
  await page.getByTestId('add-filter').click();
  await expect(page.getByTestId('filter-editor')).toBeVisible();
  await page.getByTestId('filter-kind').selectOption(kind);
}

// Expected counts of receipt.xes (1,434 cases) are the engine's, as `gemba stats --filter`
// prints them; the engine's own tests derive them by hand on small logs. Here: each kind can be
// built in the editor, becomes a chip in stack order, and every view follows.
test('Disco filter kinds from the editor as chips, undo/redo, a saved set, Enter and Escape', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await createWorkspace(page, 'filter-kinds');
  await chooseLogFile(page, sampleLog('receipt.xes'));
  await startImportAndWaitForSummary(page);
  await page.getByTestId('nav-map').click();
  const counts = page.getByTestId('map-counts');
  await expect(counts).toContainText('1,434 of 1,434 cases');
  const chips = page.getByTestId('view-map').getByTestId('filter-chip');

  // Escape closes the editor without a filter.
  await openEditor(page, 'variantCoverage');
  await page.getByTestId('filter-low').press('Escape');
  await expect(page.getByTestId('filter-editor')).toHaveCount(0);
  await expect(chips).toHaveCount(0);

  // Variant coverage: the fewest variants that hold 80% of the cases (ties kept); Enter adds.
  await openEditor(page, 'variantCoverage');
  await expect(page.getByTestId('filter-problem')).toContainText('top variants or the share');
  await page.getByTestId('filter-low').fill('80');
  await page.getByTestId('filter-low').press('Enter');
  await expect(chips).toHaveCount(1);
  await expect(chips.first()).toContainText('Variants covering 80% of cases');
  await expect(counts).toContainText('1,182 of 1,434 cases');

  // Performance: the slowest tenth of those cases, applied second.
  await openEditor(page, 'performance');
  await page.getByTestId('filter-low').fill('90');
  await page.getByTestId('filter-add').click();
  await expect(chips.nth(1)).toContainText('2.');
  await expect(chips.nth(1)).toContainText('Case duration between P90 and P100');
  await expect(counts).toContainText('119 of 1,434 cases');

  // Undo and redo of filter changes.
  await page.getByTestId('filter-undo').first().click();
  await expect(counts).toContainText('1,182 of 1,434 cases');
  await page.getByTestId('filter-redo').first().click();
  await expect(counts).toContainText('119 of 1,434 cases');

  // Save the stack as a set, clear it, apply the set again.
  await page.getByTestId('filter-set-new').first().click();
  await page.getByTestId('filter-set-name').fill('slowest tenth of the main flow');
  await page.getByTestId('filter-set-name').press('Enter');
  await page.getByTestId('view-map').getByRole('button', { name: 'Clear all' }).click();
  await expect(counts).toContainText('1,434 of 1,434 cases');
  await page.getByTestId('filter-set-apply').first().selectOption('slowest tenth of the main flow');
  await expect(counts).toContainText('119 of 1,434 cases');
  await expect(chips).toHaveCount(2);
  await page.getByTestId('view-map').getByRole('button', { name: 'Clear all' }).click();

  // Follower: confirmation eventually followed by its check by a different resource (a handover).
  await openEditor(page, 'follower');
  await page.getByTestId('filter-first').selectOption('Confirmation of receipt');
  await page.getByTestId('filter-second').selectOption('T02 Check confirmation of receipt');
  await page.getByTestId('filter-relation').selectOption('different');
  await expect(page.getByTestId('filter-problem')).toContainText('Choose the attribute');
  await page.getByTestId('filter-attribute').selectOption('resource');
  await page.getByTestId('filter-add').click();
  await expect(chips.first()).toContainText('different resource');
  await expect(counts).toContainText('233 of 1,434 cases');
  await page
    .getByTestId('view-map')
    .getByRole('button', { name: /^Remove filter/ })
    .click();

  // Endpoints, trimmed: each case cut from its first start activity to the first end after it.
  await openEditor(page, 'endpoints');
  await page.getByTestId('filter-first').selectOption(['Confirmation of receipt']);
  await page.getByTestId('filter-second').selectOption(['T02 Check confirmation of receipt']);
  await page.getByTestId('filter-trim').selectOption('first');
  await page.getByTestId('filter-add').click();
  await expect(chips.first()).toContainText('Trimmed (first)');
  await expect(counts).toContainText('1,316 of 1,434 cases');
  await page
    .getByTestId('view-map')
    .getByRole('button', { name: /^Remove filter/ })
    .click();

  // Timeframe, trim mode: only events completed from January to May 2011.
  await openEditor(page, 'timeRange');
  await page.getByTestId('filter-mode').selectOption('trim');
  await page.getByTestId('filter-low').fill('2011-01-01T00:00');
  await page.getByTestId('filter-high').fill('2011-06-01T00:00');
  await page.getByTestId('filter-add').click();
  await expect(chips).toHaveCount(1);
  await expect(chips.first()).toContainText('Events trimmed to 2011-01-01 00:00 – 2011-06-01 00:00');
  // Every kept case counts, also the one with none of the activities this slider shows.
  await expect(counts).toContainText('577 of 1,434 cases');

  // The summary follows the same stack.
  await page.getByTestId('nav-summary').click();
  await expect(page.getByTestId('stat-cases-value')).toHaveText('577');
  await expect(page.getByTestId('error-panel')).toHaveCount(0);
});
