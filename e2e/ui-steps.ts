import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';

/** The shared sample logs, next to the repository (see ../shared/data/README.md). */
export function sampleLog(name: string): string {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  return path.resolve(repoRoot, '../shared/data', name);
}

/**
 * From the start screen, creates a workspace with a bare (unique) name, so it lands in the
 * host's default workspace folder, which the e2e fixture points at a temporary directory.
 */
export async function createWorkspace(page: Page, name: string): Promise<void> {
  await expect(page.getByTestId('view-start')).toBeVisible();
  await page.getByTestId('new-workspace-input').fill(`${name}-${Date.now().toString(36)}`);
  await page.getByTestId('create-workspace').click();
  await expect(page.getByTestId('view-home')).toBeVisible();
}

/** Opens the import screen and chooses a file through the picker. */
export async function chooseLogFile(page: Page, file: string): Promise<void> {
  await page.getByTestId('nav-import').click();
  await expect(page.getByTestId('view-import')).toBeVisible();
  await page.getByTestId('file-input').setInputFiles(file);
}

/** Starts the import and waits for the summary. */
export async function startImportAndWaitForSummary(page: Page, timeout = 60_000): Promise<void> {
  await page.getByTestId('start-import').click();
  await expect(page.getByTestId('view-summary')).toBeVisible({ timeout });
  await expect(page.getByTestId('stat-cases-value')).toBeVisible({ timeout });
}

export async function summaryFigure(page: Page, name: 'cases' | 'events' | 'activities' | 'variants'): Promise<number> {
  const text = await page.getByTestId(`stat-${name}-value`).innerText();
  return Number(text.replace(/[^0-9]/g, ''));
}
