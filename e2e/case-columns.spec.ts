import { expect, test } from './fixtures.ts';
import { chooseLogFile, createWorkspace, sampleLog, startImportAndWaitForSummary } from './ui-steps.ts';

// Issue 12, cases table: the variant and the case attributes, with a column chooser kept per workspace.
test('the case table shows each case’s variant and chosen attributes, kept over a reload', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await createWorkspace(page, 'case-columns');
  await chooseLogFile(page, sampleLog('receipt.xes'));
  await startImportAndWaitForSummary(page);
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('case-search').fill('case-10011');
  const row = page.getByTestId('case-row').filter({ hasText: 'case-10011' });
  await expect(row).toHaveCount(1);
  // The variant column is there by default, as the variants list numbers them.
  await expect(page.getByTestId('case-head-variant')).toHaveText('Variant');
  await expect(row.getByTestId('case-cell-variant')).toHaveText(/^#\d+$/);

  await page.getByTestId('column-chooser').locator('summary').click();
  await page.getByTestId('column-attr:channel').check();
  await page.getByTestId('column-attr:department').check();
  await expect(row.getByTestId('case-cell-attr:channel')).toHaveText('Internet');
  await expect(row.getByTestId('case-cell-attr:department')).toHaveText('General');
  await page.getByTestId('column-variant').uncheck();
  await expect(page.getByTestId('case-head-variant')).toHaveCount(0);

  await page.reload();
  await page.getByTestId('case-search').fill('case-10011');
  await expect(page.getByTestId('case-head-attr:channel')).toHaveText('channel');
  await expect(page.getByTestId('case-head-variant')).toHaveCount(0);
  await expect(
    page.getByTestId('case-row').filter({ hasText: 'case-10011' }).getByTestId('case-cell-attr:department'),
  ).toHaveText('General');
});
