import { expect, test } from './fixtures.ts';
import { sampleLog } from './ui-steps.ts';

// The main flow works without a mouse: forms submit on Enter, the drop zone opens the file
// chooser on Enter, case rows are reachable with the arrow keys and open on Enter.
test('import and case drill-down by keyboard only', async ({ page }) => {
  await page.goto('/');
  const name = page.getByTestId('new-workspace-input');
  await expect(name).toBeFocused();
  await page.keyboard.type(`keyboard-${Date.now().toString(36)}`);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('view-home')).toBeVisible();

  await page.getByTestId('nav-import').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('drop-zone').focus();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(sampleLog('running-example.csv'));

  await page.getByTestId('map-activity').focus();
  await page.getByTestId('map-activity').selectOption('concept:name');
  await page.getByTestId('start-import').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('stat-events-value')).toHaveText('42', { timeout: 60_000 });

  await page.getByTestId('nav-cases').focus();
  await page.keyboard.press('Enter');
  const rows = page.getByTestId('case-row');
  await expect(rows).toHaveCount(6);
  await rows.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toBeFocused();
  const secondId = await rows.nth(1).getAttribute('data-case-id');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('case-detail-id')).toHaveText(secondId!);
  await expect(page.getByTestId('case-event-row').first()).toBeVisible();
});
