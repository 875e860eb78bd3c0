import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { chooseLogFile, createWorkspace, summaryFigure } from './ui-steps.ts';

/**
 * Three cases Receive → Ship, the Ship of case 2 written twice: 7 rows as imported, 6 events once
 * the duplicate is dropped (worked out by hand).
 */
function csvWithOneDuplicate(): string {
  const rows = ['case,activity,time'];
  for (let c = 1; c <= 3; c++) rows.push(`${c},Receive,2024-01-0${c}T08:00:00Z`, `${c},Ship,2024-01-0${c}T09:00:00Z`);
  rows.push('2,Ship,2024-01-02T09:00:00Z');
  return `${rows.join('\n')}\n`;
}

test('figures of the current log follow the fixes in force; the import history keeps them as imported', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const file = join(mkdtempSync(join(tmpdir(), 'gemba-e2e-figures-')), 'one-duplicate.csv');
  writeFileSync(file, csvWithOneDuplicate());

  await page.goto('/');
  await createWorkspace(page, 'figures');
  await chooseLogFile(page, file);
  await page.getByTestId('start-import').click();
  await expect(page.getByTestId('view-summary')).toBeVisible({ timeout: 60_000 });
  await expect.poll(() => summaryFigure(page, 'events')).toBe(7);
  await expect(page.getByTestId('workspace-figures')).toHaveText('3 cases · 7 events');
  await expect(page.getByTestId('workspace-fixes')).toHaveCount(0);
  await expect(page.getByTestId('summary-fixes')).toHaveCount(0);

  // The duplicate's example quotes its time as the rest of the UI does, not as ISO 8601.
  await page.getByTestId('nav-quality').click();
  const duplicates = page.getByTestId('quality-check-duplicate_events');
  await duplicates.locator('summary').click();
  const example = duplicates.getByTestId('quality-examples-duplicate_events');
  await expect(example.locator('time')).toHaveAttribute('title', '2024-01-02T09:00:00.000Z (UTC)');
  await expect(example).not.toContainText('T09:00:00');
  await duplicates.getByTestId('quality-apply-duplicate_events').click();
  await expect(page.getByTestId('quality-count-duplicate_events')).toHaveText('0');

  // Sidebar and summary agree on the fixed log and say a fix is in force.
  await expect(page.getByTestId('workspace-figures')).toHaveText('3 cases · 6 events');
  await expect(page.getByTestId('workspace-fixes')).toHaveText('1 fix in force');
  await page.getByTestId('nav-summary').click();
  await expect.poll(() => summaryFigure(page, 'events')).toBe(6);
  await expect(page.getByTestId('summary-fixes')).toHaveText('1 fix in force');

  // The workspace page: current figures after the fix, the history as imported.
  await page.getByTestId('nav-home').click();
  await expect(page.getByTestId('current-events')).toHaveText('6');
  await expect(page.getByTestId('current-fixes')).toHaveText('1 fix in force (as imported: 3 cases, 7 events)');
  await expect(page.getByTestId('import-history-basis')).toContainText('as imported');
  await expect(page.getByTestId('import-history').locator('tbody tr').first()).toContainText('7');
});
