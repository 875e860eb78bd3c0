import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateLog } from '../bench/generate.ts';
import { expect, test } from './fixtures.ts';
import { chooseLogFile, createWorkspace, startImportAndWaitForSummary } from './ui-steps.ts';

/**
 * The local models from the UI: a generated order-to-cash log with injected anomalies (bench
 * generator), cut while work is in progress so some cases are still running; train from the
 * Models view with progress, open the top finding, see its explanation chart and conditions,
 * dismiss it with a comment and see the audit entry; then the running cases with remaining time.
 */
let logFile = '';

test.beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gemba-e2e-findings-'));
  logFile = path.join(dir, 'orders.csv');
  await generateLog({ events: 16_000, seed: 5, format: 'csv', out: logFile });
  // Keep the rows up to 85% of the time span: cases that started late are still running.
  const [header, ...rows] = readFileSync(logFile, 'utf8').trimEnd().split('\n');
  const times = rows.map((r) => Date.parse(r.split(',')[2]));
  const first = Math.min(...times);
  const cut = first + 0.85 * (Math.max(...times) - first);
  writeFileSync(logFile, [header, ...rows.filter((_, i) => times[i] <= cut)].join('\n') + '\n');
});

test('trains from the UI, explains the top finding, dismisses it with an audit entry', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await createWorkspace(page, 'findings');
  await chooseLogFile(page, logFile);
  await expect(page.getByTestId('preview-table')).toBeVisible();
  await startImportAndWaitForSummary(page);

  // Train: anomaly, remaining time and bottlenecks are chosen by default.
  await page.getByTestId('nav-models').click();
  await expect(page.getByTestId('models-view')).toBeVisible();
  await expect(page.getByTestId('no-models')).toBeVisible();
  await expect(page.getByTestId('train-model-anomaly')).toBeChecked();
  await expect(page.getByTestId('train-model-remaining-time')).toBeChecked();
  await page.getByTestId('train-segment').selectOption('region');
  await page.getByTestId('start-training').click();
  const progress = page.getByTestId('training-progress');
  await expect(progress).toBeVisible();
  await expect(progress.getByRole('progressbar')).toBeVisible();
  await expect(page.getByTestId('training-phase')).toContainText(/Unusual cases|Remaining time|Bottlenecks|waiting/);
  // Training runs on its own thread: the map still answers meanwhile, and the Models view
  // re-attaches to the job (or shows how it ended) on return.
  await page.getByTestId('nav-map').click();
  await expect(page.getByTestId('view-map').locator('svg').first()).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('nav-models').click();
  await expect(page.getByTestId('training-result')).toBeVisible({ timeout: 180_000 });
  await expect(page.getByTestId('training-result')).toContainText('anomaly v1');
  await expect(page.getByTestId('model-card')).toHaveCount(3);
  await expect(page.locator('[data-model="remaining-time"]').getByTestId('model-baselines')).toContainText(
    'this model',
  );
  await expect(page.locator('[data-model="anomaly"]').getByTestId('model-drift')).toBeVisible();
  await expect(page.locator('[data-model="remaining-time"]').getByTestId('model-fairness')).toContainText('EU');

  // The top finding: highest score first, its explanation as a waterfall and its conditions in words.
  await page.getByTestId('open-findings').click();
  await expect(page.getByTestId('findings-view')).toBeVisible();
  await page.getByTestId('findings-kind').selectOption('anomaly');
  const rows = page.getByTestId('finding-row');
  await expect(rows.first()).toBeVisible();
  await expect(rows.filter({ hasText: 'exception type' })).toHaveCount(0);
  await expect(rows.first()).toContainText('unusual case');
  expect(await rows.count()).toBeGreaterThan(0);
  await rows.first().click();
  const detail = page.getByTestId('finding-detail');
  await expect(detail).toBeVisible();
  await expect(detail.getByTestId('finding-conditions').locator('li').first()).not.toBeEmpty();
  const chart = detail.getByTestId('finding-waterfall');
  await expect(chart).toHaveAttribute('data-drawn', /[1-9]/, { timeout: 30_000 });
  await expect(chart.locator('.waterfalllayer .point').first()).toBeVisible();
  await expect(detail.getByTestId('finding-main-cause')).not.toBeEmpty();
  await expect(detail.getByTestId('finding-case')).toBeVisible();
  // The score is read as a rarity (a power of ten), not as 8.5e+7 "times rarer".
  await expect(detail.getByTestId('finding-facts')).toContainText(
    /rarity \d+\.\d \(as unusual as about 1 in [\d,]+ cases\)/,
  );
  // Freshly trained on this log: no stale-model notice.
  await expect(page.getByTestId('stale-models')).toHaveCount(0);
  // At 1280×720 the open finding sits above the list, which keeps its full width (its columns are not crushed).
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 720 });
  const rowBox = await rows.first().boundingBox();
  const detailBox = await detail.boundingBox();
  expect(rowBox!.width).toBeGreaterThan(900);
  expect(detailBox!.y).toBeLessThan(rowBox!.y);
  // The sidebar scrolls rather than cutting its footer off.
  await expect(page.locator('.sidebar')).toHaveCSS('overflow-y', 'auto');
  if (viewport) await page.setViewportSize(viewport);

  // Dismiss with a comment: the status changes and the audit trail shows both.
  await expect(detail.getByTestId('finding-status')).toHaveText('open');
  await detail.getByTestId('finding-comment').fill('Known one-off: a customer asked for it.');
  await detail.getByTestId('finding-dismiss').click();
  await expect(detail.getByTestId('finding-status')).toHaveText('dismissed');
  const audit = detail.getByTestId('audit-entry');
  await expect(audit).toHaveCount(2);
  await expect(detail.getByTestId('finding-audit')).toContainText('dismissed (was open)');
  await expect(detail.getByTestId('finding-audit')).toContainText('commented: Known one-off: a customer asked for it.');
  await page.getByTestId('findings-status').selectOption('dismissed');
  await expect(rows).toHaveCount(1);

  // An exception type lists its cases, each a link to its own finding.
  await page.getByTestId('findings-status').selectOption('');
  await page.getByTestId('findings-kind').selectOption('exception-type');
  // Wait for the list of the new kind before clicking (the old rows stay until it arrives).
  await expect(rows.first()).toContainText('exception type');
  await expect(rows.filter({ hasText: 'unusual case' })).toHaveCount(0);
  await rows.first().click();
  await expect(detail.getByRole('heading', { level: 2 })).toContainText('Exception type');
  await expect(detail.getByTestId('finding-members').getByRole('button').nth(1)).toBeVisible();

  // Running cases: remaining time for each, and the cases as a filter chip on the map.
  await page.getByTestId('nav-running').click();
  await expect(page.getByTestId('running-view')).toBeVisible();
  await expect(page.getByTestId('running-row').first()).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('running-row').first().click();
  await expect(page.getByTestId('running-waterfall')).toHaveAttribute('data-drawn', /[1-9]/, { timeout: 30_000 });
  await page.getByTestId('running-filter').click();
  await expect(page.getByTestId('view-map')).toBeVisible();
  await expect(page.getByTestId('filter-chip').first()).toContainText('running case');
});
