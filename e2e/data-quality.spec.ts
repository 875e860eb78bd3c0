import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { chooseLogFile, createWorkspace, summaryFigure } from './ui-steps.ts';
import { dirtyCsv } from '../main/engine/quality/dirty-csv.fixture.ts';

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
