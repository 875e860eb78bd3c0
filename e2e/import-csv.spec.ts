import { expect, test } from './fixtures.ts';
import { chooseLogFile, createWorkspace, sampleLog, startImportAndWaitForSummary } from './ui-steps.ts';

// Hand-checked on the file itself: 42 data rows, 6 distinct case:concept:name, 8 distinct
// concept:name; case 3's rows in time order are the 9 activities below.
const CASE_3_ACTIVITIES = [
  'register request',
  'examine casually',
  'check ticket',
  'decide',
  'reinitiate request',
  'examine thoroughly',
  'check ticket',
  'decide',
  'pay compensation',
];

test('imports running-example.csv through the mapping screen and opens a case', async ({ page }) => {
  await page.goto('/');
  await createWorkspace(page, 'running-example-csv');
  await chooseLogFile(page, sampleLog('running-example.csv'));

  // The mapping screen: preview, detection, and the column choices. The file has decoy
  // "Activity"/"Resource" columns beside the XES-style ones; map the XES-style ones explicitly.
  await expect(page.getByTestId('preview-table')).toBeVisible();
  await expect(page.getByTestId('preview-table')).toContainText('register request');
  await expect(page.getByTestId('preview-delimiter')).toHaveText('comma');
  await page.getByTestId('map-case').selectOption('case:concept:name');
  await page.getByTestId('map-activity').selectOption('concept:name');
  await page.getByTestId('map-timestamp').selectOption('time:timestamp');
  await page.getByTestId('map-resource').selectOption('org:resource');
  await expect(page.getByTestId('mapping-problems')).toHaveCount(0);

  await startImportAndWaitForSummary(page);
  await expect(page.getByTestId('stat-cases-value')).toHaveText('6');
  await expect(page.getByTestId('stat-events-value')).toHaveText('42');
  await expect(page.getByTestId('stat-activities-value')).toHaveText('8');
  await expect(page.getByTestId('start-activities')).toContainText('register request');
  await expect(page.getByTestId('events-per-day')).toBeVisible();

  await page.getByTestId('nav-cases').click();
  await expect(page.getByTestId('case-total')).toHaveText('6 cases');
  await page.getByTestId('case-search').fill('3');
  await expect(page.getByTestId('case-total')).toHaveText('1 case matching "3"');
  await page.locator('[data-testid="case-row"][data-case-id="3"]').click();
  const detail = page.getByTestId('case-detail');
  await expect(detail.getByTestId('case-detail-id')).toHaveText('3');
  await expect(detail.getByTestId('case-event-activity')).toHaveText(CASE_3_ACTIVITIES);
  const stamps = await detail.getByTestId('case-event-timestamp').allInnerTexts();
  expect(stamps).toEqual([...stamps].sort());
  // 14:32 at +01:00 is stored as 13:32 UTC (the tooltip) and shown in the machine's zone.
  await expect(detail.getByTestId('case-event-timestamp').first()).toHaveAttribute(
    'title',
    '2010-12-30T13:32:00.000Z (UTC)',
  );
  if ((await page.getByTestId('time-zone-caption').innerText()).startsWith('Times in UTC'))
    expect(stamps[0]).toBe('2010-12-30 13:32:00');
  // The timeline has one mark per event; the decoy "Activity"/"Resource" columns repeat the
  // mapped fields and are named once, not shown as second columns.
  await expect(detail.getByTestId('case-timeline').getByTestId('timeline-mark')).toHaveCount(9);
  await expect(detail.getByTestId('case-repeated-columns')).toContainText('Activity (same as the activity)');
  await expect(detail.getByTestId('case-events').locator('thead th', { hasText: /^Activity$/ })).toHaveCount(1);

  // The workspace remembers the import.
  await page.getByTestId('nav-home').click();
  await expect(page.getByTestId('import-history')).toContainText('running-example.csv');
});
