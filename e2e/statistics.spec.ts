import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { chooseLogFile, createWorkspace, sampleLog, startImportAndWaitForSummary } from './ui-steps.ts';

test.use({ acceptDownloads: true });

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await (download as Download).path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

// Disco's Statistics tab (issue 12): per activity / resource / attribute, sortable, exportable.
// Figures of the running example worked out by hand from running-example.xes: "check ticket" and
// "decide" occur 9 times in 6 cases; Sara does 12 events in 6 cases; "register request" starts
// every case, so no time since a previous event is known for it.
test('statistics per activity and resource, sorted by a column, exported as CSV with the cases and variants', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await createWorkspace(page, 'statistics');
  await chooseLogFile(page, sampleLog('running-example.xes'));
  await startImportAndWaitForSummary(page);

  await page.getByTestId('nav-statistics').click();
  const rows = page.getByTestId('statistics-row');
  await expect(rows).toHaveCount(8);
  await expect(rows.first()).toContainText('check ticket');
  await expect(rows.first().locator('td').nth(1)).toHaveText('9');
  await expect(rows.first().locator('td').nth(3)).toHaveText('6');
  await expect(rows.filter({ hasText: 'register request' }).locator('td').nth(6)).toHaveText('—');
  await expect(page.getByTestId('statistics-meaning')).toContainText('previous event');

  // Longest median first: pay compensation (521,400 s = 6 d 1 h); again: shortest first, unknown last.
  await page.getByTestId('statistics-sort-median').click();
  await expect(rows.first()).toContainText('pay compensation');
  await expect(rows.first().locator('td').nth(6)).toHaveText('6 d 1 h');
  await expect(page.getByTestId('statistics-table').locator('th[aria-sort="descending"]')).toContainText('Median');
  await page.getByTestId('statistics-sort-median').click();
  await expect(rows.first()).toContainText('examine casually');
  await expect(rows.last()).toContainText('register request');
  await page.getByTestId('statistics-sort-value').click();
  await expect(rows.first()).toContainText('check ticket');

  const csv = await downloaded(page, () => page.getByTestId('statistics-export').click());
  expect(csv.name).toMatch(/\.csv$/);
  expect(csv.text).toContain('register request');
  expect(csv.text.split(/\r?\n/).filter((line) => line.trim() !== '')).toHaveLength(9);

  await page.getByTestId('statistics-by-resource').click();
  await expect(rows).toHaveCount(6);
  // The chosen order (values A to Z) stays; most events first again:
  await expect(rows.first()).toContainText('Ellen');
  await page.getByTestId('statistics-sort-frequency').click();
  await expect(rows.first()).toContainText('Sara');
  await expect(rows.first().locator('td').nth(1)).toHaveText('12');

  await page.getByTestId('statistics-by-attribute').click();
  await expect(page.getByTestId('statistics-attribute')).toBeVisible();
  await expect(rows.first()).toBeVisible();

  // The cases table and the variants list export too (what the filters keep: here everything).
  await page.getByTestId('nav-cases').click();
  const cases = await downloaded(page, () => page.getByTestId('cases-export').click());
  expect(cases.name).toMatch(/\.csv$/);
  expect(cases.text.split(/\r?\n/).filter((line) => line.trim() !== '')).toHaveLength(7);
  await page.getByTestId('nav-map').click();
  await page.getByTestId('tab-variants').click();
  const variants = await downloaded(page, () => page.getByTestId('variants-export').click());
  expect(variants.text).toContain('register request');
  expect(variants.text.split(/\r?\n/).filter((line) => line.trim() !== '')).toHaveLength(7);
});
