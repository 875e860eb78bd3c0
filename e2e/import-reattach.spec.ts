import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures.ts';
import { chooseLogFile, createWorkspace } from './ui-steps.ts';

// 300 events in 100 cases; line 152 (header is line 1) has a timestamp no format reads, so the
// import sets exactly that row aside (1 of 300 rows, under the 1% threshold).
let file = '';
let dir = '';
test.beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'gemba-reattach-'));
  file = path.join(dir, 'three-steps.csv');
  const lines = ['case,activity,timestamp'];
  for (let i = 0; i < 300; i++) {
    const c = Math.floor(i / 3);
    const minute = String(i % 60).padStart(2, '0');
    lines.push(
      `${c},${['receive', 'check', 'ship'][i % 3]},${i === 150 ? 'yesterday' : `2024-01-${String(1 + (c % 28)).padStart(2, '0')}T1${i % 3}:${minute}:00Z`}`,
    );
  }
  await writeFile(file, `${lines.join('\n')}\n`);
});
test.afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('the import ends even when its final event is lost, and the rejected rows outlive a reload', async ({ page }) => {
  // No job event reaches the page: the screen must learn the outcome by asking jobs().
  await page.route('**/api/events', (route) => route.abort());
  await page.goto('/');
  await createWorkspace(page, 'reattach-missed');
  await chooseLogFile(page, file);
  await page.getByTestId('start-import').click();
  await expect(page.getByTestId('view-summary')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('stat-events-value')).toHaveText('299');
  await expect(page.getByTestId('rejected-count')).toHaveText('1');
  await expect(page.getByTestId('rejected-sample')).toContainText('152');

  // After a reload the import's own answer is gone; the sample is read back from the workspace.
  await page.reload();
  await expect(page.getByTestId('view-summary')).toBeVisible();
  await expect(page.getByTestId('rejected-sample')).toContainText('152');
  await page.getByTestId('nav-home').click();
  await expect(page.getByTestId('rejected-sample')).toContainText('152');
});

test('a reload during an import finds the job again and finishes it', async ({ page }) => {
  await page.route('**/api/events', (route) => route.abort());
  await page.goto('/');
  await createWorkspace(page, 'reattach-reload');
  await chooseLogFile(page, file);
  await page.getByTestId('start-import').click();
  // The job has its id (cancel is offered) but, without events, the screen does not know it ended.
  await expect(page.getByTestId('cancel-import')).toBeEnabled();
  await page.reload();
  // The import screen asks jobs() for the remembered job and takes its outcome, notes included.
  await expect(page.getByTestId('view-summary')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('stat-events-value')).toHaveText('299');
  await expect(page.getByTestId('import-notes')).toContainText('1 of 300 rows');
});
