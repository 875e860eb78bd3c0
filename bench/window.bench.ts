/**
 * The window stays responsive (issue 11): no main-thread task over 200 ms in the browser while a
 * user opens the app, imports a 1M-event CSV through the UI and moves the map's sliders; and the
 * time to the app's first paint.
 *
 * The real UI in browser mode: bin/serve.mjs on a free port with temp folders (as e2e does),
 * Debian's Chromium through Playwright. Before the app's script runs, PerformanceObservers record
 * every long task (≥ 50 ms of main-thread work, during which the window takes no input and paints
 * nothing), the paints and the long animation frames. The session, as a user does it
 * (bench/window/session.ts):
 *   1. first paint: open the app until the start screen's workspace name box is usable;
 *   2. import: create a workspace, choose the generated CSV (upload + preview), start the import,
 *      wait for the summary, open the process map and wait until it is drawn;
 *   3. sliders: move the activities and paths sliders by keyboard (Home, End, ten arrow presses)
 *      and by dragging, each time waiting until the map is redrawn.
 * Each phase's long tasks are counted by where they start.
 *
 *   node bench/run.mjs window [--events 1M] [--seed 42] [--repeat N] [--reference DIR]
 *                             [--profile FILE.cpuprofile] [--trace FILE.json]
 *
 * --reference DIR: also run every session against another build of the UI (e.g. one made from
 * main before a change and copied away), alternating with this one, for before/after in the same
 * run. --repeat N: N sessions per build; the table shows each phase's median. --profile records the
 * page's JavaScript over import and sliders, --trace a Chrome performance trace (last session).
 */
import { relative } from 'node:path';
import { parseCount } from './generate.ts';
import { benchArgs } from './lib/bench-args.ts';
import { REPO } from './lib/child.ts';
import { dataset } from './lib/datasets.ts';
import { printTable, writeResults } from './lib/report.ts';
import { GOAL_MS, type PhaseLongTasks } from './window/long-tasks.ts';
import { ensureRendererBuilt } from './window/renderer-build.ts';
import { windowSession, type SessionResult } from './window/session.ts';

const { option } = benchArgs();
const seed = Number(option('--seed', '42'));
const events = parseCount(option('--events', '1M'));
const repeat = Math.max(1, Number(option('--repeat', '1')));
const reference = option('--reference', '');
const profileTo = option('--profile', '');
const traceTo = option('--trace', '');

const log = await dataset(events, 'csv', seed);
console.log(`renderer: ${ensureRendererBuilt()}`);
const sides = [
  ...(reference ? [{ name: 'reference', rendererDir: reference }] : []),
  { name: 'this build', rendererDir: undefined },
];
const runs = new Map<string, SessionResult[]>(sides.map((s) => [s.name, []]));
for (let k = 0; k < repeat; k++)
  for (const side of sides) {
    const last = k === repeat - 1 && side.name === 'this build';
    const result = await windowSession(log, {
      rendererDir: side.rendererDir,
      profileTo: last && profileTo ? profileTo : undefined,
      traceTo: last && traceTo ? traceTo : undefined,
    });
    runs.get(side.name)!.push(result);
    console.log(`${side.name}, session ${k + 1}: longest task ${Math.round(worst(result))} ms`);
  }
if (profileTo) console.log(`profile: ${profileTo}`);
if (traceTo) console.log(`trace: ${traceTo}`);

/** A phase of the table: the steps whose names start with it. */
const PHASES = ['first paint', 'import', 'sliders'];
function phaseOf(result: SessionResult, phase: string) {
  const mine = result.steps.filter((d) => d.phase === phase || d.phase.startsWith(`${phase}:`));
  return summed(phase, mine);
}
function summed(phase: string, mine: PhaseLongTasks[]) {
  return {
    phase,
    seconds: mine.reduce((s, d) => s + d.ms, 0) / 1000,
    longestMs: Math.max(0, ...mine.map((d) => d.longestMs)),
    over200: mine.reduce((s, d) => s + d.over200, 0),
    over50: mine.reduce((s, d) => s + d.over50, 0),
    blockedSeconds: mine.reduce((s, d) => s + d.blockedMs, 0) / 1000,
  };
}
function worst(result: SessionResult): number {
  return Math.max(...result.steps.map((s) => s.longestMs));
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const verdict = (ms: number) => (ms <= GOAL_MS ? 'met' : 'NOT met');

const rows: (string | number)[][] = [];
const summary: Record<string, unknown> = {};
const stepNames = runs.get('this build')![0].steps.map((s) => s.phase);
for (const side of sides) {
  const mine = runs.get(side.name)!;
  const label = (phase: string) => (sides.length > 1 ? `${side.name} · ${phase}` : phase);
  const row = (name: string, of: (r: SessionResult) => ReturnType<typeof summed>, goal: boolean) => {
    const each = mine.map(of);
    const longest = median(each.map((p) => p.longestMs));
    rows.push([
      label(name),
      median(each.map((p) => p.seconds)).toFixed(1),
      `${Math.round(longest)} ms`,
      each.map((p) => Math.round(p.longestMs)).join(' · '),
      median(each.map((p) => p.over200)),
      median(each.map((p) => p.over50)),
      median(each.map((p) => p.blockedSeconds)).toFixed(2),
      goal ? verdict(longest) : '',
    ]);
  };
  for (const phase of PHASES) row(phase, (r) => phaseOf(r, phase), true);
  for (const step of stepNames.filter((s) => s.includes(':')))
    row(
      `  ${step}`,
      (r) =>
        summed(
          step,
          r.steps.filter((s) => s.phase === step),
        ),
      false,
    );
  summary[side.name] = {
    phases: Object.fromEntries(PHASES.map((phase) => [phase, mine.map((r) => phaseOf(r, phase))])),
    firstPaint: mine.map((r) => r.firstPaint),
    user: mine.map((r) => r.user),
  };
}
const events1 = log.truth.events.toLocaleString('en-US');
printTable(
  `Long tasks of the window: ${events1}-event CSV import and map sliders (Chromium, software rendering; median of ${repeat})`,
  [
    'phase',
    'phase s',
    'longest task',
    'each session',
    'tasks >200 ms',
    'tasks ≥50 ms',
    'blocked s',
    `goal ≤${GOAL_MS} ms`,
  ],
  rows,
);

const figures: (string | number)[][] = [];
const ms = (x: number) => `${Math.round(x)} ms`;
const s1 = (x: number) => `${x.toFixed(1)} s`;
const figure = (name: string, of: (r: SessionResult) => number, show: (x: number) => string) =>
  figures.push([name, ...sides.map((side) => show(median(runs.get(side.name)!.map(of))))]);
figure('first paint', (r) => r.firstPaint.firstPaintMs, ms);
figure('first contentful paint', (r) => r.firstPaint.firstContentfulPaintMs, ms);
figure('start screen usable (workspace name box)', (r) => r.firstPaint.usableMs, ms);
figure('choose file → preview shown (upload + preview)', (r) => r.user.uploadAndPreviewSeconds, s1);
figure('Start import → summary', (r) => r.user.importSeconds, s1);
figure('choose file → process map drawn', (r) => r.user.fileToMapSeconds, s1);
const moves = runs.get('this build')![0].moves;
moves.forEach((m, i) =>
  figure(`map redraw: ${m.slider} ${m.how} (${m.from} → ${m.to})`, (r) => r.moves[i].redrawMs, ms),
);
printTable(
  `Time to first paint and import as the user sees it (median of ${repeat})`,
  ['figure', ...sides.map((s) => s.name)],
  figures,
);

const ours = runs.get('this build')!;
const longest = median(ours.map(worst));
console.log(
  `\ngoal: no task over ${GOAL_MS} ms → ${verdict(longest)} (longest ${Math.round(longest)} ms, median of ${repeat})`,
);
const path = writeResults('window', {
  seed,
  repeat,
  file: relative(REPO, log.path),
  events: log.truth.events,
  goalMs: GOAL_MS,
  reference: reference || null,
  ...summary,
  sessions: Object.fromEntries(runs),
});
console.log(`results: ${relative(REPO, path)}`);
