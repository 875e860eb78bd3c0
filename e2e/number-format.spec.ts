import { writeFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { chooseLogFile, createWorkspace, startImportAndWaitForSummary } from './ui-steps.ts';

// Issue 12, defect 3 in the UI: a semicolon CSV whose amounts read "23,50". The mapping shows
// how each number column is written, and the user can say it per column.
test('a per-column number format in the mapping reads decimal commas and thousands dots', async ({ page }) => {
  test.setTimeout(120_000);
  const file = test.info().outputPath('amounts.csv');
  writeFileSync(
    file,
    [
      'case;activity;time;amount',
      '1;A;2024-01-01T10:00:00Z;23,50',
      '1;B;2024-01-02T10:00:00Z;1.234,50',
      '2;A;2024-01-01T11:00:00Z;7,00',
      '2;B;2024-01-03T11:00:00Z;12,00',
      '',
    ].join('\n'),
  );
  await page.goto('/');
  await createWorkspace(page, 'number-format');
  await chooseLogFile(page, file);
  const picker = page.getByTestId('number-format-amount');
  await expect(picker).toBeVisible();
  await expect(picker.locator('option').first()).toHaveText('as detected (1.234,5)');
  await picker.selectOption('1.234,5');
  await startImportAndWaitForSummary(page);
  await expect(page.getByTestId('stat-events-value')).toHaveText('4');

  // Amounts are numbers: at least one event of 20 or more keeps case 1 (23.50 and 1,234.50) only.
  await page.getByTestId('nav-map').click();
  // The map's first view settles (slider, layout) before the editor opens; a click during that
  // first load can be lost (see the closing note), which this test is not about.
  await expect(page.getByTestId('map-counts')).toContainText('2 of 2 cases');
  await page.getByTestId('add-filter').click();
  await page.getByTestId('filter-kind').selectOption('eventAttribute');
  await page.getByTestId('filter-attribute').selectOption('amount');
  await page.getByTestId('filter-low').fill('20');
  await page.getByTestId('filter-low').press('Enter');
  await expect(page.getByTestId('map-counts')).toContainText('1 of 2 cases');
});
