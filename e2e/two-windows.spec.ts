import { expect, test } from './fixtures.ts';
import { chooseLogFile, createWorkspace, sampleLog, startImportAndWaitForSummary } from './ui-steps.ts';

// Defect found by a newcomer (issue 12, 1): with the map open in one tab, restoring another import
// in a second tab left the first tab showing the old log's sidebar, summary and variants while the
// map redrew with the new log. Every view must notice the change and refresh, saying so.
test('a log restored in a second tab refreshes every view of the first, which says so', async ({ page, context }) => {
  test.setTimeout(150_000);
  await page.goto('/');
  await createWorkspace(page, 'two-windows');
  await chooseLogFile(page, sampleLog('running-example.xes'));
  await startImportAndWaitForSummary(page);
  await chooseLogFile(page, sampleLog('receipt.xes'));
  await startImportAndWaitForSummary(page);
  await expect(page.getByTestId('stat-cases-value')).toHaveText('1,434');

  // The first tab shows the map's variants of receipt.xes.
  await page.getByTestId('nav-map').click();
  await expect(page.getByTestId('map-counts')).toContainText('1,434 of 1,434 cases');
  await page.getByTestId('tab-variants').click();
  await expect(page.getByTestId('variants-panel')).toBeVisible();
  await expect(page.getByTestId('log-change-notice')).toHaveCount(0);

  // A second tab of the same browser session opens the workspace (sessionStorage is per tab, so
  // it opens it from the recent list) and restores the first import.
  const second = await context.newPage();
  await second.goto('/');
  const name = await page.getByTestId('workspace-name').innerText();
  await second.getByTestId('recent-workspaces').getByRole('button').filter({ hasText: name }).first().click();
  await second.getByTestId('nav-home').click();
  await expect(second.getByTestId('view-home')).toBeVisible();
  await second
    .getByTestId('import-history')
    .getByRole('row')
    .filter({ hasText: 'running-example.xes' })
    .getByRole('button', { name: 'Restore' })
    .click();
  await expect(second.getByTestId('workspace-log')).toContainText('running-example.xes');

  // Back in the first tab: it noticed, says so, and every view shows the restored log.
  await page.bringToFront();
  const notice = page.getByTestId('log-change-notice');
  await expect(notice).toContainText('now running-example.xes');
  await expect(notice).toContainText('this window showed receipt.xes');
  await expect(page.getByTestId('workspace-log')).toContainText('running-example.xes');
  await expect(page.getByTestId('workspace-figures')).toContainText('6 cases');
  await expect(page.getByTestId('map-counts')).toContainText('6 of 6 cases');
  await expect(page.getByTestId('variants-panel')).toContainText('Variants (6)');
  await page.getByTestId('nav-summary').click();
  await expect(page.getByTestId('stat-cases-value')).toHaveText('6');
  await expect(page.getByTestId('error-panel')).toHaveCount(0);
  await page.getByTestId('log-change-dismiss').click();
  await expect(notice).toHaveCount(0);

  // The tab that made the change is not told about its own restore.
  await expect(second.getByTestId('log-change-notice')).toHaveCount(0);
});
