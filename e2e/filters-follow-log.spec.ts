import { expect, test } from './fixtures.ts';
import { chooseLogFile, createWorkspace, sampleLog, startImportAndWaitForSummary } from './ui-steps.ts';

// Filters name activities and variants of one log. Found by a newcomer: after filtering the
// running example to two variants, importing receipt.xes kept the "2 variants" chip and every
// view failed with "activity 'register request' does not occur in the log".
test('filters apply to the summary, and a new import starts without them', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await createWorkspace(page, 'filters-follow-log');
  await chooseLogFile(page, sampleLog('running-example.csv'));
  await page.getByTestId('map-case').selectOption('case:concept:name');
  await page.getByTestId('map-activity').selectOption('concept:name');
  await page.getByTestId('map-timestamp').selectOption('time:timestamp');
  await startImportAndWaitForSummary(page);
  await expect(page.getByTestId('summary-filter-notice')).toHaveCount(0);

  // Process map → variants → select two → "Filter to selected".
  await page.getByTestId('nav-map').click();
  await expect(page.getByTestId('map-counts')).toContainText('6 of 6 cases');
  await page.getByTestId('tab-variants').click();
  await expect(page.getByTestId('variants-panel')).toContainText('Variants (6)');
  await page.getByTestId('variant-0').check();
  await page.getByTestId('variant-1').check();
  await page.getByTestId('filter-variants').click();
  await expect(page.getByTestId('filter-chip').first()).toContainText(/variants/i);
  await expect(page.getByTestId('map-counts')).toContainText('2 of 6 cases');

  // The summary follows the filter and says so (all 6 cases are distinct variants: 2 of 6).
  await page.getByTestId('nav-summary').click();
  const notice = page.getByTestId('summary-filter-notice');
  await expect(notice).toBeVisible();
  await expect(notice.getByTestId('filter-chip')).toContainText(/variants/i);
  await expect(page.getByTestId('summary-filter-share')).toContainText('2 of 6 cases');
  await expect(page.getByTestId('stat-cases-value')).toHaveText('2');
  await expect(page.getByTestId('stat-cases')).toContainText('of 6 cases');

  // A new import: receipt.xes has no 'register request'; nothing may be left of the old filter.
  await chooseLogFile(page, sampleLog('receipt.xes'));
  await startImportAndWaitForSummary(page);
  await expect(page.getByTestId('stat-cases-value')).toHaveText('1,434');
  await expect(page.getByTestId('summary-filter-notice')).toHaveCount(0);
  await expect(page.getByTestId('filter-chip')).toHaveCount(0);
  await expect(page.getByTestId('error-panel')).toHaveCount(0);

  await page.getByTestId('nav-map').click();
  await expect(page.getByTestId('map-counts')).toContainText('1,434 of 1,434 cases');
  await expect(page.getByTestId('filter-chip')).toHaveCount(0);
  await expect(page.getByTestId('error-panel')).toHaveCount(0);

  await page.getByTestId('nav-cases').click();
  await expect(page.getByTestId('case-total')).toHaveText('1,434 cases');
  await expect(page.getByTestId('case-filters-note')).toHaveCount(0);
  await expect(page.getByTestId('error-panel')).toHaveCount(0);

  // Restoring the first import also starts without filters.
  await page.getByTestId('nav-map').click();
  await page.getByTestId('tab-variants').click();
  await page.getByTestId('variant-0').check();
  await page.getByTestId('filter-variants').click();
  await expect(page.getByTestId('filter-chip')).toHaveCount(2); // the map's bar and the sidebar
  await page.getByTestId('nav-home').click();
  await page.getByTestId('import-history').getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByTestId('workspace-log')).toContainText('running-example.csv');
  await expect(page.getByTestId('filter-chip')).toHaveCount(0);
  await page.getByTestId('nav-summary').click();
  await expect(page.getByTestId('stat-cases-value')).toHaveText('6');
  await expect(page.getByTestId('error-panel')).toHaveCount(0);
});

test('an analysis error is not called a file that could not be read', async ({ page }) => {
  await page.goto('/');
  await createWorkspace(page, 'error-title');
  await chooseLogFile(page, sampleLog('running-example.xes'));
  await startImportAndWaitForSummary(page);
  // A filter naming an activity the log lacks, as a stale one would, set through the session.
  await page.evaluate(() => {
    // The page's sessionStorage (typed here without the DOM library of the e2e tsconfig).
    const storage = (
      globalThis as unknown as {
        sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
      }
    ).sessionStorage;
    const saved = JSON.parse(storage.getItem('gemba.filters') ?? '{}') as Record<
      string,
      { importId: number | null; filters: unknown[] }
    >;
    for (const key of Object.keys(saved))
      saved[key]!.filters = [{ kind: 'activities', activities: ['no such activity'], mode: 'any' }];
    storage.setItem('gemba.filters', JSON.stringify(saved));
  });
  await page.reload();
  await page.getByTestId('nav-summary').click();
  const error = page.getByTestId('error-panel');
  await expect(error).toBeVisible();
  await expect(error).toContainText('The summary could not be computed');
  await expect(error).not.toContainText('The file could not be read');
});
