/**
 * DFG (counts, means, medians), start/end activities and variants on a seeded generated log
 * against the truth the generator tallied while simulating (bench/generate.ts, run as a
 * separate process so the engine does not import bench code).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventLog } from '../eventlog/event-log.ts';
import { parseCsvLog } from '../import/csv/parse-csv-log.ts';
import { directlyFollows } from './directly-follows.ts';
import { variants } from './variants.ts';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));

interface Truth {
  cases: number;
  events: number;
  activities: Record<string, number>;
  startActivities: Record<string, number>;
  endActivities: Record<string, number>;
  dfg: { from: string; to: string; count: number; meanSeconds: number; medianSeconds: number | null }[];
  variants: { activities: string[]; count: number }[];
}

let dir: string;
let log: EventLog;
let truth: Truth;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gemba-truth-'));
  const out = join(dir, 'o2c.csv');
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'bench/generate.ts', '--events', '20000', '--seed', '7', '--out', out],
    { cwd: REPO, encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`generator failed: ${run.stderr}`);
  truth = JSON.parse(readFileSync(`${out}.truth.json`, 'utf8')) as Truth;
  log = (
    await parseCsvLog(
      out,
      { case: 'case:concept:name', activity: 'concept:name', timestamp: 'time:timestamp' },
      { fileName: 'o2c.csv' },
    )
  ).log;
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('generated order-to-cash log against its known truth', () => {
  it('has the directly-follows graph the generator recorded', () => {
    const graph = directlyFollows(log);
    expect(graph.cases).toBe(truth.cases);
    expect(graph.events).toBe(truth.events);
    expect(Object.fromEntries(graph.nodes.map((n) => [n.activity, n.count]))).toEqual(truth.activities);
    expect(Object.fromEntries(graph.startPaths.map((p) => [p.to, p.count]))).toEqual(truth.startActivities);
    expect(Object.fromEntries(graph.endPaths.map((p) => [p.from, p.count]))).toEqual(truth.endActivities);
    expect(graph.edges.length).toBe(truth.dfg.length);
    for (const expected of truth.dfg) {
      const edge = graph.edges.find((e) => e.from === expected.from && e.to === expected.to);
      expect(edge, `${expected.from} → ${expected.to}`).toBeDefined();
      expect(edge!.count).toBe(expected.count);
      expect(edge!.meanSeconds).toBeCloseTo(expected.meanSeconds, 6);
      expect(edge!.medianSeconds).toBe(expected.medianSeconds);
    }
  });

  it('has the variants the generator recorded', () => {
    const ours = Object.fromEntries(variants(log).map((v) => [JSON.stringify(v.activities), v.count]));
    expect(ours).toEqual(Object.fromEntries(truth.variants.map((v) => [JSON.stringify(v.activities), v.count])));
  });
});
