import { expect, test } from './fixtures.ts';
import { chooseLogFile, createWorkspace, sampleLog, startImportAndWaitForSummary } from './ui-steps.ts';

// Worked out by hand from running-example.csv (42 events, 6 cases, each its own variant):
// activities 9, 9, 6, 6, 3, 3, 3, 3 → 80% of 42 (33.6) is first reached by the 6th (36 = 85.7%);
// resources Sara 12, Mike 11, Pete 7, Ellen 7, Sean 3, Sue 2 → the 4th reaches 37 of 42 (88%);
// variants 1 case each → 5 of 6 reach 80%.
// Cases 1–3 started on 2010-12-30, cases 4–6 on 2011-01-06; every case starts with "register request".
test('Pareto charts and two segments compared side by side', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await createWorkspace(page, 'pareto-compare');
  await chooseLogFile(page, sampleLog('running-example.csv'));
  await startImportAndWaitForSummary(page);

  await page.getByTestId('nav-pareto').click();
  const caption = page.getByTestId('pareto-caption');
  await expect(caption).toContainText('6 of 8 activities account for 80% of 42 events');
  await expect(page.getByTestId('pareto-chart').locator('.bars .point')).toHaveCount(8);
  await page.getByTestId('pareto-of-resource').click();
  await expect(caption).toContainText('4 of 6 resources account for 80% of 42 events');
  await page.getByTestId('pareto-of-variant').click();
  await expect(caption).toContainText('5 of 6 variants account for 80% of 6 cases');

  await page.getByTestId('nav-compare').click();
  await page.getByTestId('compare-date').fill('2011-01-03T00:00');
  const compared = page.getByTestId('compare-caption');
  await expect(compared).toContainText('started before 2011-01-03 00:00 UTC: 3 cases');
  await expect(compared).toContainText('started from 2011-01-03 00:00 UTC: 3 cases');
  await expect(page.getByTestId('compare-map-A').locator('svg g.node')).not.toHaveCount(0);
  await expect(page.getByTestId('compare-map-B').locator('svg g.node')).not.toHaveCount(0);
  const register = page.getByTestId('compare-row').filter({ hasText: /^register request3/ });
  await expect(register).toContainText('3 (100.0%)3 (100.0%)0.0');
  // What changed is coloured on the maps (by the segment where it is more common) and in the table.
  await expect(page.locator('[data-testid^="compare-map-"] svg :is(.more-in-a, .more-in-b)').first()).toBeAttached();
  await page.getByTestId('compare-threshold').fill('100');
  await expect(page.locator('[data-testid^="compare-map-"] svg :is(.more-in-a, .more-in-b)')).toHaveCount(0);
});
