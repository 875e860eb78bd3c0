import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { chooseLogFile, createWorkspace, sampleLog, startImportAndWaitForSummary } from './ui-steps.ts';

test.use({ acceptDownloads: true });

// Issue 12, exports: the log (fixes and filters applied) as CSV and XES from the app, the same
// files as `gemba export --log`; the CSV imports back to the same figures.
test('the log exports as XES and CSV from the Cases view, and the CSV imports back to the same figures', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await createWorkspace(page, 'log-export');
  await chooseLogFile(page, sampleLog('running-example.xes'));
  await startImportAndWaitForSummary(page);
  await page.getByTestId('nav-cases').click();

  const xesDownload = page.waitForEvent('download');
  await page.getByTestId('export-log-xes').click();
  const xes = await xesDownload;
  expect(xes.suggestedFilename()).toBe('running-example.xes');
  const xml = readFileSync(await xes.path(), 'utf8');
  expect(xml.match(/<trace>/g)).toHaveLength(6);
  expect(xml.match(/<event>/g)).toHaveLength(42);
  await expect(page.getByTestId('export-log-done')).toContainText('6 cases, 42 events');
  await expect(page.getByTestId('export-log-done')).toContainText('UTC');

  const csvDownload = page.waitForEvent('download');
  await page.getByTestId('export-log-csv').click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toBe('running-example.csv');
  const csvPath = test.info().outputPath('running-example-export.csv');
  await csv.saveAs(csvPath);
  expect(readFileSync(csvPath, 'utf8').trim().split(/\r?\n/)).toHaveLength(43);

  await chooseLogFile(page, csvPath);
  await startImportAndWaitForSummary(page);
  await expect(page.getByTestId('stat-cases-value')).toHaveText('6');
  await expect(page.getByTestId('stat-events-value')).toHaveText('42');
  await expect(page.getByTestId('stat-activities-value')).toHaveText('8');
  await expect(page.getByTestId('stat-variants-value')).toHaveText('6');
});
