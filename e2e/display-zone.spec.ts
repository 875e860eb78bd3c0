import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { chooseLogFile, createWorkspace, sampleLog, startImportAndWaitForSummary } from './ui-steps.ts';

// Issue 12, defect 5: times showed only in the machine's zone and events per day binned by UTC
// day. The running example's first event is 2010-12-30 11:02 +01:00 (10:02 UTC); on Kiritimati
// (+14:00) that is 2010-12-31 00:02, so the first day of events moves to 31 December.
test.use({ acceptDownloads: true });

test('a display time zone chosen once is used by every view, bins the days, and survives a reload', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await createWorkspace(page, 'display-zone');
  await chooseLogFile(page, sampleLog('running-example.xes'));
  await startImportAndWaitForSummary(page);
  await page.getByTestId('display-zone').selectOption('UTC');
  await expect(page.getByTestId('time-range-start')).toHaveText('2010-12-30 10:02:00');
  await expect(page.getByTestId('events-days-zone')).toContainText('in UTC · first day 2010-12-30');

  await page.getByTestId('display-zone').selectOption('Pacific/Kiritimati');
  await expect(page.getByTestId('time-range-start')).toHaveText('2010-12-31 00:02:00');
  await expect(page.getByTestId('events-days-zone')).toContainText('in Pacific/Kiritimati · first day 2010-12-31');

  await page.getByTestId('nav-cases').click();
  await expect(page.getByTestId('time-zone-caption')).toContainText('Times in Pacific/Kiritimati');
  // The case table's CSV carries the same wall-clock times, with the zone's offset.
  const download = page.waitForEvent('download');
  await page.getByTestId('cases-export').click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  expect(csv).toContain('"2010-12-31T00:02:00.000+14:00"');

  await page.reload();
  await expect(page.getByTestId('time-zone-caption')).toContainText('Times in Pacific/Kiritimati');
  await expect(page.getByTestId('display-zone')).toHaveValue('Pacific/Kiritimati');
});
