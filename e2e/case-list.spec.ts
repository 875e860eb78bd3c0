import { expect, test } from './fixtures.ts';
import { chooseLogFile, createWorkspace, sampleLog, startImportAndWaitForSummary } from './ui-steps.ts';

test('case list: sorted by id ascending as numbers, ids readable with a case open', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await createWorkspace(page, 'case-list');
  // reviewing.xes: 100 cases with ids "1" … "100" (see ../shared/data/README.md).
  await chooseLogFile(page, sampleLog('reviewing.xes'));
  await startImportAndWaitForSummary(page);
  await page.getByTestId('nav-cases').click();

  const rows = page.getByTestId('case-row');
  await expect(rows.first()).toBeVisible();
  // Numbers in number order (not 1, 10, 100, 11, … as text), marked as sorted by id.
  const ids = await rows.evaluateAll((els) => els.slice(0, 12).map((el) => el.getAttribute('data-case-id')));
  expect(ids).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
  const idHeader = page.getByRole('columnheader').filter({ has: page.getByTestId('sort-id') });
  await expect(idHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.getByTestId('sort-end')).toBeVisible();

  // Descending and back.
  await page.getByTestId('sort-id').click();
  await expect(idHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(rows.first()).toHaveAttribute('data-case-id', '100');
  await page.getByTestId('sort-id').click();
  await expect(rows.first()).toHaveAttribute('data-case-id', '1');

  // With a case open beside the table, End gives way and the id column keeps its width; the full id is on hover.
  await page.locator('[data-testid="case-row"][data-case-id="10"]').click();
  await expect(page.getByTestId('case-detail')).toBeVisible();
  await expect(page.getByTestId('sort-end')).toHaveCount(0);
  const idCell = page.locator('[data-testid="case-row"][data-case-id="10"] [role="cell"]').first();
  await expect(idCell).toHaveAttribute('title', '10');
  const box = await idCell.boundingBox();
  expect(box!.width).toBeGreaterThanOrEqual(120);
});
