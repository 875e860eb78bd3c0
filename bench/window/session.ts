import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { chromium, type Locator, type Page } from '@playwright/test';
import { startGembaHost } from '../../e2e/gemba-host.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config.ts';
import type { Dataset } from '../lib/datasets.ts';
import { longTasksByPhase, phasesBetween, type PhaseLongTasks } from './long-tasks.ts';
import { followMapRequests } from './map-redraw.ts';
import { OBSERVERS_SCRIPT, READ_OBSERVATIONS, type PageObservations } from './page-observers.ts';

/** A 1M-event import on a shared 2-core machine takes seconds; allow for a slow run. */
const SLOW = 300_000;

export interface SessionOptions {
  /** A built UI other than dist/renderer (the reference build of a before/after comparison). */
  rendererDir?: string;
  /** Write a CPU profile of the page's JavaScript over import and sliders here (CDP Profiler). */
  profileTo?: string;
  /** Write a Chrome performance trace of the whole session here. */
  traceTo?: string;
}

export interface SlidersMove {
  slider: string;
  how: string;
  from: number;
  to: number;
  /** From the key press or drag to the redrawn map, painted. */
  redrawMs: number;
}

export interface SessionResult {
  firstPaint: {
    firstPaintMs: number;
    firstContentfulPaintMs: number;
    /** The start screen's workspace name box is in the page and laid out. */
    usableMs: number;
    responseEndMs: number;
    domContentLoadedMs: number;
    loadMs: number;
  };
  user: { uploadAndPreviewSeconds: number; importSeconds: number; fileToMapSeconds: number };
  /** The long tasks of each step of the session, by where they start. */
  steps: PhaseLongTasks[];
  moves: SlidersMove[];
  longestFrames: PageObservations['frames'];
}

/**
 * One user's session in a fresh browser against a fresh host: open the app, import the log
 * through the UI until the map is drawn, move the map's sliders; with every long task recorded.
 * The steps are those of the e2e import tests (e2e/ui-steps.ts).
 */
export async function windowSession(log: Dataset, options: SessionOptions = {}): Promise<SessionResult> {
  const host = await startGembaHost({}, options.rendererDir ? ['--renderer-dir', options.rendererDir] : []);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript(OBSERVERS_SCRIPT);
    const now = async () => (await page.evaluate('performance.now()')) as number;
    const marks: { name: string; at: number }[] = [{ name: 'first paint', at: 0 }];
    const mark = async (name: string) => marks.push({ name, at: await now() });
    if (options.traceTo) await browser.startTracing(page, { path: options.traceTo, screenshots: false });

    // 1. First paint: the start screen until its first control is there, then a second of
    //    idling so that work the app does just after showing it still counts here.
    await page.goto(host.loginUrl);
    await page.getByTestId('new-workspace-input').waitFor({ state: 'visible', timeout: 60_000 });
    await page.waitForTimeout(1000);
    const opened = (await page.evaluate(READ_OBSERVATIONS)) as PageObservations;
    if (opened.longtaskUnsupported)
      throw new Error(`this Chromium reports no long tasks: ${opened.longtaskUnsupported}`);
    const navigation = (await page.evaluate(
      'JSON.parse(JSON.stringify(performance.getEntriesByType("navigation")[0]))',
    )) as { responseEnd: number; domContentLoadedEventEnd: number; loadEventEnd: number };
    const paintAt = (name: string) => opened.paints.find((p) => p.name === name)?.at ?? NaN;

    const cdp = options.profileTo ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    // The profile's clock (µs) and the page's (ms) differ by an offset: the page's time at the start lines them up.
    const profiledFrom = cdp ? await now() : 0;

    // 2. Import, with a mark between the steps.
    await mark('import: new workspace');
    await page.getByTestId('new-workspace-input').fill(`window-bench-${Date.now().toString(36)}`);
    await page.getByTestId('create-workspace').click();
    await page.getByTestId('view-home').waitFor({ timeout: 60_000 });
    await mark('import: upload + preview');
    const chosenAt = performance.now();
    await page.getByTestId('nav-import').click();
    await page.getByTestId('file-input').setInputFiles(log.path);
    await page.getByTestId('preview-table').waitFor({ timeout: SLOW });
    await mapColumnsIfNeeded(page);
    await mark('import: running');
    const startedAt = performance.now();
    await page.getByTestId('start-import').click();
    await page.getByTestId('stat-cases-value').waitFor({ timeout: SLOW });
    const summaryAt = performance.now();
    await mark('import: summary + first map');
    const shown = Number((await page.getByTestId('stat-events-value').innerText()).replace(/[^0-9]/g, ''));
    if (shown !== log.truth.events)
      throw new Error(`the summary shows ${shown} events, the log has ${log.truth.events}`);
    await page.getByTestId('events-per-day').waitFor({ timeout: SLOW });
    const maps = followMapRequests(page);
    await page.getByTestId('nav-map').click();
    await maps.redrawn(0, SLOW);
    const mapShownAt = performance.now();

    // 3. Sliders, by keyboard and by drag; each move waits for its map.
    await mark('sliders');
    const moves: SlidersMove[] = [];
    const move = async (slider: 'activities' | 'paths', how: string, act: (s: Locator) => Promise<void>) => {
      const s = page.getByTestId(`slider-${slider}`);
      const from = Number(await s.inputValue());
      const since = maps.answered();
      const at = await now();
      await act(s);
      const to = Number(await s.inputValue());
      if (to === from) throw new Error(`${how} did not move the ${slider} slider from ${from}`);
      moves.push({ slider, how, from, to, redrawMs: Math.round((await maps.redrawn(since)) - at) });
    };
    for (const slider of ['activities', 'paths'] as const) {
      await move(slider, 'key Home', (s) => s.press('Home'));
      await move(slider, 'key End', (s) => s.press('End'));
      await move(slider, 'key ← ×10', async (s) => {
        for (let i = 0; i < 10; i++) await s.press('ArrowLeft');
      });
      await move(slider, 'drag to 30%', (s) => drag(page, s, 0.3));
      await move(slider, 'drag to 90%', (s) => drag(page, s, 0.9));
    }
    await page.waitForTimeout(500);
    const end = await now();

    if (cdp && options.profileTo) {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: object };
      mkdirSync(dirname(options.profileTo), { recursive: true });
      writeFileSync(options.profileTo, JSON.stringify({ ...profile, pageNowAtStart: profiledFrom }));
    }
    if (options.traceTo) await browser.stopTracing();

    const seen = (await page.evaluate(READ_OBSERVATIONS)) as PageObservations;
    return {
      firstPaint: {
        firstPaintMs: paintAt('first-paint'),
        firstContentfulPaintMs: paintAt('first-contentful-paint'),
        usableMs: seen.usableAt ?? NaN,
        responseEndMs: navigation.responseEnd,
        domContentLoadedMs: navigation.domContentLoadedEventEnd,
        loadMs: navigation.loadEventEnd,
      },
      user: {
        uploadAndPreviewSeconds: (startedAt - chosenAt) / 1000,
        importSeconds: (summaryAt - startedAt) / 1000,
        fileToMapSeconds: (mapShownAt - chosenAt) / 1000,
      },
      steps: longTasksByPhase(seen.longTasks, phasesBetween(marks, end)),
      moves,
      // The longest animation frames and the scripts in them: where to look for a long task's cause.
      longestFrames: [...seen.frames].sort((a, b) => b.duration - a.duration).slice(0, 10),
    };
  } finally {
    await browser.close();
    await host.stop();
  }
}

/** The generated log's columns are the XES-style ones; map them if detection did not. */
async function mapColumnsIfNeeded(page: Page): Promise<void> {
  if ((await page.getByTestId('mapping-problems').count()) === 0) return;
  await page.getByTestId('map-case').selectOption('case:concept:name');
  await page.getByTestId('map-activity').selectOption('concept:name');
  await page.getByTestId('map-timestamp').selectOption('time:timestamp');
  await page.getByTestId('map-resource').selectOption('org:resource');
}

/** Drags a range input's thumb from where it is to `share` of its width, in small mouse steps. */
async function drag(page: Page, slider: Locator, share: number): Promise<void> {
  const box = await slider.boundingBox();
  if (!box) throw new Error('the slider is not on screen');
  // Chromium's thumb is about 16 px wide and travels between half a thumb from each end.
  const thumb = 16;
  const xOf = (v: number) => box.x + thumb / 2 + v * (box.width - thumb);
  const y = box.y + box.height / 2;
  await page.mouse.move(xOf(Number(await slider.inputValue())), y);
  await page.mouse.down();
  await page.mouse.move(xOf(share), y, { steps: 15 });
  await page.mouse.up();
}
