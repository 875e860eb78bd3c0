import { expect, test } from './fixtures.ts';
import { chooseLogFile, createWorkspace, sampleLog, startImportAndWaitForSummary } from './ui-steps.ts';

// Counted on the file: 1434 <trace> and 8577 <event> elements (see ../shared/data/README.md).
test('imports receipt.xes without a mapping step', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await createWorkspace(page, 'receipt-xes');
  await chooseLogFile(page, sampleLog('receipt.xes'));

  await expect(page.getByTestId('chosen-file')).toHaveText('receipt.xes');
  await expect(page.getByTestId('preview-table')).toHaveCount(0);
  await startImportAndWaitForSummary(page, 90_000);
  await expect(page.getByTestId('stat-cases-value')).toHaveText('1,434');
  await expect(page.getByTestId('stat-events-value')).toHaveText('8,577');

  // The case table scrolls through all cases in pages.
  await page.getByTestId('nav-cases').click();
  await expect(page.getByTestId('case-total')).toHaveText('1,434 cases');
  await page.getByTestId('case-scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(page.getByTestId('case-row').last()).toBeVisible();
  await page.getByTestId('case-row').last().click();
  await expect(page.getByTestId('case-event-row').first()).toBeVisible();
});
