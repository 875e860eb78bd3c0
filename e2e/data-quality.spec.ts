import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { chooseLogFile, createWorkspace, summaryFigure } from './ui-steps.ts';

/**
 * Ten clean cases Receive → Check → Ship, then a case with the variant label RECEIVE, a case
 * whose Check row is written twice, and a row with the timestamp "TBD". Worked out by hand:
 * 40 data rows, 1 set aside, 39 events, 4 activity labels (3 after merging RECEIVE), one
 * duplicate, one variant-label event, one unparseable timestamp (2.5% of rows: red).
 */
function dirtyCsv(): string {
  const rows = ['case,activity,time,resource'];
  const t = (c: number, h: number) => `2024-01-${String(c).padStart(2, '0')}T${String(8 + h).padStart(2, '0')}:00:00Z`;
  for (let c = 1; c <= 10; c++) rows.push(`${c},Receive,${t(c, 0)},ann`, `${c},Check,${t(c, 1)},bob`, `${c},Ship,${t(c, 2)},cy`);
  rows.push(`11,RECEIVE,${t(11, 0)},ann`, `11,Check,${t(11, 1)},bob`, `11,Ship,${t(11, 2)},cy`);
  rows.push(`12,Receive,${t(12, 0)},ann`, `12,Check,${t(12, 1)},bob`, `12,Check,${t(12, 1)},bob`, `12,Ship,${t(12, 2)},cy`);
  rows.push(`13,Receive,${t(13, 0)},ann`, `13,Check,TBD,bob`, `13,Ship,${t(13, 2)},cy`);
  return `${rows.join('\n')}\n`;
}

test('data quality: see the report, merge labels, watch the summary follow, undo', async ({ page }) => {
  test.setTimeout(120_000);
  const file = join(mkdtempSync(join(tmpdir(), 'gemba-e2e-quality-')), 'dirty-orders.csv');
  writeFileSync(file, dirtyCsv());

  await page.goto('/');
  await createWorkspace(page, 'quality');
  await chooseLogFile(page, file);
  await page.getByTestId('accept-rejects').check();
  await page.getByTestId('start-import').click();
  await expect(page.getByTestId('view-summary')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('stat-activities-value')).toBeVisible();
  expect(await summaryFigure(page, 'activities')).toBe(4);
  expect(await summaryFigure(page, 'events')).toBe(39);

  // The health light is on every screen until the report is reviewed.
  const badge = page.getByTestId('health-badge');
  await expect(badge.getByTestId('health-badge-light')).toHaveAttribute('data-health', 'red');
  await expect(badge).toContainText('not reviewed');

  // Reached from the summary.
  await page.getByTestId('summary-open-quality').click();
  await expect(page.getByTestId('view-quality')).toBeVisible();
  await expect(page.getByTestId('quality-health')).toHaveAttribute('data-health', 'red');
  await expect(page.getByTestId('quality-count-duplicate_events')).toHaveText('1');
  await expect(page.getByTestId('quality-count-inconsistent_labels')).toHaveText('1');
  await expect(page.getByTestId('quality-count-unparseable_timestamps')).toHaveText('1');
  await expect(badge).not.toContainText('not reviewed');

  // Expand the label check: one row of the merge map, RECEIVE → Receive; apply it.
  const labels = page.getByTestId('quality-check-inconsistent_labels');
  await labels.locator('summary').click();
  await expect(labels.getByTestId('merge-row')).toHaveCount(1);
  await expect(labels.getByTestId('merge-target')).toHaveValue('Receive');
  await expect(page.getByTestId('quality-examples-unparseable_timestamps')).toBeHidden();
  await labels.getByTestId('quality-apply-inconsistent_labels').click();
  await expect(page.getByTestId('quality-count-inconsistent_labels')).toHaveText('0');
  await expect(page.getByTestId('quality-fix-in-force')).toHaveCount(1);
  await expect(badge.getByTestId('health-badge-fixes')).toHaveText('1 fix in force');

  // The summary follows the fix: one activity fewer, same events.
  await page.getByTestId('nav-summary').click();
  await expect.poll(() => summaryFigure(page, 'activities')).toBe(3);
  expect(await summaryFigure(page, 'events')).toBe(39);

  // Drop the duplicate with one click, then undo the merge.
  await page.getByTestId('nav-quality').click();
  const duplicates = page.getByTestId('quality-check-duplicate_events');
  await duplicates.locator('summary').click();
  await duplicates.getByTestId('quality-apply-duplicate_events').click();
  await expect(page.getByTestId('quality-count-duplicate_events')).toHaveText('0');
  await expect(page.getByTestId('quality-fix-in-force')).toHaveCount(2);
  await page.getByTestId('quality-fix-in-force').first().getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('quality-fix-in-force')).toHaveCount(1);
  await expect(page.getByTestId('quality-count-inconsistent_labels')).toHaveText('1');
  await page.getByTestId('nav-summary').click();
  await expect.poll(() => summaryFigure(page, 'activities')).toBe(4);
  expect(await summaryFigure(page, 'events')).toBe(38);

  // A time-zone fix is recorded like any other and shows in the list with its zones.
  await page.getByTestId('nav-quality').click();
  const zone = page.getByTestId('quality-timezone');
  await zone.locator('summary').click();
  await zone.getByTestId('timezone-input').fill('+05:00');
  await zone.getByTestId('timezone-apply').click();
  await expect(page.getByTestId('quality-fix-in-force')).toHaveCount(2);
  await expect(page.getByTestId('quality-fix-in-force').last()).toContainText('in +05:00 instead of');
});
