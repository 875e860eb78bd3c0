import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures.ts';
import { chooseLogFile, createWorkspace } from './ui-steps.ts';

let dir = '';
test.beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'gemba-bad-'));
});
test.afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('a CSV with an unbalanced quote shows the error with its line', async ({ page }) => {
  const file = path.join(dir, 'unbalanced-quote.csv');
  // Line 3 opens a quote that never closes.
  await writeFile(
    file,
    [
      'case,activity,timestamp',
      '1,register,2024-01-01T10:00:00Z',
      '2,"approve,2024-01-01T11:00:00Z',
      '3,pay,2024-01-01T12:00:00Z',
      '',
    ].join('\n'),
  );
  await page.goto('/');
  await createWorkspace(page, 'bad-input');
  await chooseLogFile(page, file);

  // The preview may already refuse the file; otherwise the import does.
  const error = page.getByTestId('error-panel');
  await expect(error.or(page.getByTestId('start-import'))).toBeVisible({ timeout: 30_000 });
  if (!(await error.isVisible())) await page.getByTestId('start-import').click();

  await expect(error).toBeVisible({ timeout: 30_000 });
  await expect(error).toContainText(/quote/i);
  await expect(error).toContainText(/line:? 3\b/i);
  // The workspace was left as it was: still no log.
  await page.getByTestId('nav-home').click();
  await expect(page.getByTestId('no-log')).toBeVisible();
});
