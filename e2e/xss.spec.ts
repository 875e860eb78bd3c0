import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures.ts';
import { chooseLogFile, createWorkspace, startImportAndWaitForSummary } from './ui-steps.ts';

const SCRIPT_LABEL = '<script>alert(1)</script>';
const IMG_LABEL = '<img src=x onerror=alert(1)>';
const LINK_LABEL = '<a href="https://example.invalid">link</a> & <b>bold</b>';
const FORMULA_LABEL = '=HYPERLINK("https://example.invalid","click")';

let dir = '';
test.beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'gemba-xss-'));
});
test.afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('hostile labels are stored and shown as text, and nothing runs', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const file = path.join(dir, 'hostile-labels.csv');
  const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;
  await writeFile(
    file,
    [
      'case,activity,timestamp',
      `c1,${SCRIPT_LABEL},2024-01-01T10:00:00Z`,
      `c1,${IMG_LABEL},2024-01-01T11:00:00Z`,
      `c1,${quoted(FORMULA_LABEL)},2024-01-01T12:00:00Z`,
      `${quoted('<b>c2</b>')},${SCRIPT_LABEL},2024-01-02T10:00:00Z`,
      `${quoted('<b>c2</b>')},${quoted(LINK_LABEL)},2024-01-02T11:00:00Z`,
      '',
    ].join('\n'),
  );

  await page.goto('/');
  await createWorkspace(page, 'xss');
  await chooseLogFile(page, file);
  await expect(page.getByTestId('preview-table')).toContainText(SCRIPT_LABEL);
  await page.getByTestId('map-case').selectOption('case');
  await page.getByTestId('map-activity').selectOption('activity');
  await page.getByTestId('map-timestamp').selectOption('timestamp');
  await startImportAndWaitForSummary(page);

  const top = page.getByTestId('top-activities');
  await expect(top).toContainText(SCRIPT_LABEL);
  await expect(top).toContainText(IMG_LABEL);
  await expect(top).toContainText(FORMULA_LABEL);

  await page.getByTestId('nav-cases').click();
  await expect(page.locator('[data-testid="case-row"][data-case-id="<b>c2</b>"]')).toContainText('<b>c2</b>');
  await page.locator('[data-testid="case-row"][data-case-id="c1"]').click();
  await expect(page.getByTestId('case-event-activity')).toHaveText([SCRIPT_LABEL, IMG_LABEL, FORMULA_LABEL]);

  // Plotly reads a subset of HTML in category ticks: the Pareto chart shows the label as typed, no link.
  await page.getByTestId('nav-pareto').click();
  const pareto = page.getByTestId('pareto-chart');
  await expect(pareto.locator('.xtick text').filter({ hasText: LINK_LABEL })).toHaveCount(1);
  await expect(pareto.locator('a')).toHaveCount(0);

  // Nothing was turned into markup: no injected image, script or bold element anywhere.
  await expect(page.locator('img')).toHaveCount(0);
  await expect(page.locator('body script')).toHaveCount(0);
  await expect(page.locator('b')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});
