/**
 * Frames per second of the map animation while it replays 100,000 cases, in the real UI: the
 * browser-mode host (bin/serve.mjs) serves the built renderer, Debian's Chromium opens the map of
 * a workspace holding the log, starts the animation and counts requestAnimationFrame callbacks
 * (and frames over 50 ms) for a few seconds. Goal: ≥ 30 fps.
 *
 * The log: N cases of 5 steps (two variants), each case 20–80 days long, starting evenly over one
 * year, so about a seventh of all cases are on the move at any moment (~14,000 tokens at 100k).
 *
 *   node scripts/build.mjs --renderer && node bench/run.mjs replay-fps [--cases 100000] [--seconds 5]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startGembaHost } from '../e2e/gemba-host.ts';
import { gemba } from '../main/cli/cli-run.fixture.ts';
import { benchArgs } from './lib/bench-args.ts';
import { printTable, writeResults } from './lib/report.ts';

const args = benchArgs();
const cases = Number(args.option('--cases', '100000'));
const seconds = Number(args.option('--seconds', '5'));
const DAY = 86_400_000;

const dir = mkdtempSync(join(tmpdir(), 'gemba-bench-replay-'));
const host = await startGembaHost({ GEMBA_WORKSPACES: dir });
try {
  let s = 7;
  const next = () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const rows = ['case,activity,timestamp,resource'];
  const start = Date.UTC(2023, 0, 1);
  const steps = [
    ['Receive', 'Check', 'Approve', 'Ship', 'Close'],
    ['Receive', 'Approve', 'Check', 'Ship', 'Close'],
  ];
  for (let c = 0; c < cases; c++) {
    let t = start + (c / cases) * 365 * DAY;
    const length = (20 + 60 * next()) * DAY;
    for (const activity of steps[c % 2]) {
      rows.push(`c${c},${activity},${new Date(t).toISOString()},R${c % 40}`);
      t += (length / 4) * (0.5 + next());
    }
  }
  const csv = join(dir, 'replay.csv');
  writeFileSync(csv, `${rows.join('\n')}\n`);
  const ws = join(dir, 'replay-ws');
  const importStart = performance.now();
  const imported = await gemba('import', csv, '--workspace', ws);
  if (imported.code !== 0) throw new Error(`import failed: ${imported.stderr}`);
  const importSeconds = (performance.now() - importStart) / 1000;

  const browser = await chromium.launch({
    executablePath: process.env.GEMBA_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(host.loginUrl);
  await page.getByTestId('open-workspace-input').fill(ws);
  await page.getByTestId('open-workspace').click();
  await page.getByTestId('nav-map').click();
  await page.locator('[data-testid="map-svg"] svg g.node').first().waitFor({ timeout: 60_000 });
  const replayStart = performance.now();
  await page.getByTestId('replay-open').click();
  await page.getByTestId('replay-clock').filter({ hasText: '2023' }).waitFor({ timeout: 60_000 });
  const replayLoadSeconds = (performance.now() - replayStart) / 1000;
  await page.getByTestId('replay-speed').selectOption('whole-60');
  // From mid-year, when the most cases are on the move.
  await page.getByTestId('replay-position').fill(String(120 * 86_400));
  await page.getByTestId('replay-play').click();
  await page.waitForTimeout(1000);
  // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
  const measured = (await page.evaluate(`new Promise((resolve) => {
    const ms = ${seconds * 1000};
    const begin = performance.now();
    let last = begin, frames = 0, slowFrames = 0, worstMs = 0;
    const tick = (now) => {
      const gap = now - last;
      last = now;
      frames++;
      if (gap > 50) slowFrames++;
      if (gap > worstMs) worstMs = gap;
      if (now - begin < ms) requestAnimationFrame(tick);
      else resolve({ frames, slowFrames, worstMs, elapsedMs: now - begin });
    };
    requestAnimationFrame(tick);
  })`)) as { frames: number; slowFrames: number; worstMs: number; elapsedMs: number };
  const moving = await page.getByTestId('replay-moving').innerText();
  const canvas = await page
    .getByTestId('replay-canvas')
    .evaluate((c: { width: number; height: number }) => `${c.width} × ${c.height}`);
  const scale = await page.getByTestId('map-svg').getAttribute('data-scale');
  await browser.close();
  const fps = (measured.frames * 1000) / measured.elapsedMs;
  printTable(
    `Animation of ${cases.toLocaleString('en')} cases, ${seconds} s measured (Chromium, software rendering)`,
    ['figure', 'value'],
    [
      ['frames per second', fps.toFixed(1)],
      ['frames over 50 ms', measured.slowFrames],
      ['worst frame ms', measured.worstMs.toFixed(0)],
      ['tokens at the end', moving],
      ['canvas px (map scale)', `${canvas} (${scale})`],
      ['import s', importSeconds.toFixed(1)],
      ['replay paths loaded s', replayLoadSeconds.toFixed(1)],
    ],
  );
  console.log(`\ngoal: ≥ 30 fps → ${fps >= 30 ? 'met' : 'NOT met'}`);
  writeResults('replay-fps', {
    cases,
    events: cases * 5,
    seconds,
    fps,
    ...measured,
    moving,
    canvas,
    mapScale: Number(scale),
    importSeconds,
    replayLoadSeconds,
  });
} finally {
  await host.stop();
  rmSync(dir, { recursive: true, force: true });
}
