/**
 * A generated order-to-cash log with a known shift (bench/generator: from SHIFT.date on, the wait
 * before "Check Credit" is three times as long): the weekly waiting time of that activity must
 * show the means the generator tallied while simulating, before and after the shift, and the
 * weekly Xbar-S chart with limits from the weeks before must signal within two weeks of it, and
 * raise no alarm before it that the generator's injected anomalies do not explain.
 * The generator runs as a separate process so that the engine does not import bench code.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseBegin } from '../analysis/case-span.ts';
import type { EventLog } from '../eventlog/event-log.ts';
import { parseCsvLog } from '../import/csv/parse-csv-log.ts';
import { chooseChart, controlCharts, falseAlarmRate } from '../spc/index.ts';
import { casesOfPeriod, computeMeasure } from './compute-measure.ts';
import { defaultMeasures } from './workspace-measures.ts';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));

interface Anomaly {
  caseId: string;
  kind: string;
}

interface ShiftTruth {
  date: string;
  slowerActivity: string;
  meanWaitSecondsBefore: number;
  meanWaitSecondsAfter: number;
}

let dir: string;
let log: EventLog;
let shift: ShiftTruth;
let extremeCases: Set<string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gemba-shift-'));
  const out = join(dir, 'o2c.csv');
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'bench/generate.ts', '--events', '100000', '--seed', '11', '--out', out],
    { cwd: REPO, encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`generator failed: ${run.stderr}`);
  const truth = JSON.parse(readFileSync(`${out}.truth.json`, 'utf8')) as {
    shift: ShiftTruth;
    anomalies: { cases: Anomaly[] };
  };
  shift = truth.shift;
  extremeCases = new Set(truth.anomalies.cases.filter((a) => a.kind === 'extreme_duration').map((a) => a.caseId));
  log = (
    await parseCsvLog(
      out,
      { case: 'case:concept:name', activity: 'concept:name', timestamp: 'time:timestamp' },
      { fileName: 'o2c.csv' },
    )
  ).log;
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('weekly waiting time before the activity that slowed down', () => {
  const HOUR = 3600;
  const weekly = (mask?: Uint8Array) =>
    computeMeasure(log, defaultMeasures(), 'waiting_time', { activity: shift.slowerActivity, period: 'week', mask });
  const pooled = (subgroups: number[][]) => {
    const all = subgroups.flat();
    return all.reduce((s, v) => s + v, 0) / all.length;
  };

  it('has exactly the generator’s means for cases that started before and after the shift', () => {
    // The truth splits by case start, so the weekly subgroups of each side's cases pooled give its mean exactly.
    const shiftAt = Date.parse(shift.date);
    const before = Uint8Array.from({ length: log.caseCount }, (_, c) => (caseBegin(log, c) < shiftAt ? 1 : 0));
    const after = before.map((b) => 1 - b);
    const b = weekly(before).chart.input;
    const a = weekly(after).chart.input;
    if (b.kind !== 'variables' || a.kind !== 'variables') throw new Error('waiting time is a variables measure');
    expect(pooled(b.subgroups)).toBeCloseTo(shift.meanWaitSecondsBefore / HOUR, 9);
    expect(pooled(a.subgroups)).toBeCloseTo(shift.meanWaitSecondsAfter / HOUR, 9);
    expect(shift.meanWaitSecondsAfter / shift.meanWaitSecondsBefore).toBeGreaterThan(2.5); // the generator's 3x slowdown
  });

  it('shows the slowdown week by week: weeks before at the old mean, weeks after at the new one', () => {
    const result = weekly();
    const input = result.chart.input;
    if (input.kind !== 'variables') throw new Error('waiting time is a variables measure');
    const shiftWeek = input.labels.indexOf('2021-06-28'); // 1 July 2021 is a Thursday
    expect(shiftWeek).toBeGreaterThan(50);
    // Weeks wholly before, and wholly after, the week of the shift, each pooled; a week holds about 150 waits.
    expect(pooled(input.subgroups.slice(0, shiftWeek)) / (shift.meanWaitSecondsBefore / HOUR)).toBeCloseTo(1, 1);
    expect(pooled(input.subgroups.slice(shiftWeek + 1)) / (shift.meanWaitSecondsAfter / HOUR)).toBeCloseTo(1, 1);
    const means = input.subgroups.map((s) => s.reduce((a, v) => a + v, 0) / s.length);
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
    expect(median(means.slice(0, shiftWeek)) / (shift.meanWaitSecondsBefore / HOUR)).toBeGreaterThan(0.85);
    expect(median(means.slice(0, shiftWeek)) / (shift.meanWaitSecondsBefore / HOUR)).toBeLessThan(1.1);
    expect(median(means.slice(shiftWeek + 1)) / (shift.meanWaitSecondsAfter / HOUR)).toBeGreaterThan(0.85);
    expect(median(means.slice(shiftWeek + 1)) / (shift.meanWaitSecondsAfter / HOUR)).toBeLessThan(1.1);

    // The chart the schema names (Xbar-S), limits from the weeks before the shift: test 1 fires within two weeks.
    const chart = controlCharts(input, { chart: 'xbar-s', baseline: shiftWeek, rules: [1] }).charts.find(
      (c) => c.name === 'Xbar',
    )!;
    const firstAfter = chart.signals
      .map((s) => s.index)
      .filter((i) => i >= shiftWeek)
      .sort((x, y) => x - y)[0];
    expect(firstAfter).toBeDefined();
    expect(firstAfter - shiftWeek).toBeLessThanOrEqual(2);

    // The stable part: by chance, test 1 fires at 0.27% of points, about 0.2 of the weeks
    // before the shift. Every alarm there must be explained by a special cause the generator put
    // in: a week holding a wait of an extreme-duration case (40–60× the normal waits). Each
    // alarm leads back to its cases through the chart point's period.
    const stableAlarms = chart.signals.map((s) => s.index).filter((i) => i < shiftWeek);
    expect(stableAlarms.length).toBeLessThanOrEqual(3);
    for (const i of stableAlarms) {
      const cases = Array.from(casesOfPeriod(result, result.chart.periods[i]), (c) => log.caseIds[c]);
      expect(
        cases.some((id) => extremeCases.has(id)),
        `week ${input.labels[i]}`,
      ).toBe(true);
    }
  });

  it('is heavy-tailed: the chooser says so and proposes a transform; on that scale the weeks before the shift alarm as chance allows and the shift is still caught', () => {
    const result = weekly();
    const input = result.chart.input;
    if (input.kind !== 'variables') throw new Error('waiting time is a variables measure');
    const shiftWeek = input.labels.indexOf('2021-06-28');
    const stable = {
      kind: 'variables' as const,
      subgroups: input.subgroups.slice(0, shiftWeek),
      labels: input.labels.slice(0, shiftWeek),
    };
    const advice = chooseChart(stable);
    const tail = advice.checks.find((c) => c.name === 'heavy-tail')!;
    expect(tail.status).toBe('warning');
    expect(tail.message).toMatch(/long right tail .* chart with the (log|Box-Cox) transform, or chart medians/);
    expect(advice.transform).not.toBe('none');

    const stableAlarms = (transform: 'none' | 'log' | 'box-cox') => {
      const { charts } = controlCharts(input, { chart: 'xbar-s', baseline: shiftWeek, rules: [1], transform });
      return {
        charts,
        alarms: charts.flatMap((c) => c.signals.map((s) => s.index)).filter((i) => i < shiftWeek).length,
      };
    };
    // On the raw scale the S chart alone flags most weeks (extreme cases inflate s̄; ordinary weeks fall below its LCL).
    const raw = stableAlarms('none');
    expect(raw.alarms).toBeGreaterThan(shiftWeek / 2);

    // Chance alone: test 1 on two charts of shiftWeek stable points each, alarms ~ Poisson(expected).
    const expected = falseAlarmRate([1], { runs: 200 }).pointRate * 2 * shiftWeek;
    // The 99th percentile of that Poisson count: alarms beyond it are not chance.
    let allowed = 0;
    for (let p = Math.exp(-expected), cdf = p; cdf < 0.99; allowed++, p *= expected / allowed, cdf += p);
    const transformed = stableAlarms(advice.transform);
    expect(transformed.alarms).toBeLessThanOrEqual(allowed);
    const xbar = transformed.charts.find((c) => c.name === 'Xbar')!;
    const firstAfter = xbar.signals
      .map((s) => s.index)
      .filter((i) => i >= shiftWeek)
      .sort((x, y) => x - y)[0];
    expect(firstAfter - shiftWeek).toBeLessThanOrEqual(2);
  });
});
