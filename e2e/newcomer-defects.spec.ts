import { expect, test } from './fixtures.ts';
import { chooseLogFile, createWorkspace, sampleLog, startImportAndWaitForSummary } from './ui-steps.ts';

// Issue 12, defect 6: small things a newcomer tripped on, each checked the way they met it.
test('creating a workspace with an existing name asks; a missing folder is explained for the app', async ({ page }) => {
  await page.goto('/');
  await createWorkspace(page, 'same-name');
  const name = await page.getByTestId('workspace-name').innerText();
  await page.getByTestId('close-workspace').click();

  await page.getByTestId('new-workspace-input').fill(name);
  await page.getByTestId('create-workspace').click();
  const ask = page.getByTestId('workspace-exists');
  await expect(ask).toContainText(`A workspace named ${name} already exists`);
  await expect(page.getByTestId('view-start')).toBeVisible();
  await page.getByTestId('workspace-exists-rename').click();
  await expect(ask).toHaveCount(0);
  await page.getByTestId('create-workspace').click();
  await page.getByTestId('workspace-exists-open').click();
  await expect(page.getByTestId('view-home')).toBeVisible();
  await expect(page.getByTestId('workspace-name')).toHaveText(name);
  await page.getByTestId('close-workspace').click();

  await page.getByTestId('open-workspace-input').fill('/tmp/gemba-e2e-folder-that-was-moved-away');
  await page.getByTestId('open-workspace').click();
  const error = page.getByTestId('error-panel');
  await expect(error).toContainText('is not a Gemba workspace');
  await expect(error).toContainText('create a new one on the start screen');
  await expect(error).not.toContainText('gemba import');
});

test('drift between unrelated imports is information that says why, not a red error', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await createWorkspace(page, 'unrelated-drift');
  await chooseLogFile(page, sampleLog('running-example.xes'));
  await startImportAndWaitForSummary(page);
  await chooseLogFile(page, sampleLog('reviewing.xes'));
  await startImportAndWaitForSummary(page);
  await page.getByTestId('nav-quality').click();
  const drift = page.getByTestId('quality-check-schema_drift');
  await expect(drift).toHaveAttribute('data-severity', 'info');
  await drift.locator('summary').click();
  await expect(drift).toContainText('looks like a different log from the previous one');
  await expect(drift).toContainText('Drift matters when two imports are periods of the same process');
});
