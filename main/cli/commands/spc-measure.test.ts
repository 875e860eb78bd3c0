import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CYCLE_CSV } from '../../service/cycle-log.fixture.ts';
import { gemba } from '../cli-run.fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'gemba-spc-measure-'));
const ws = join(dir, 'ws');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(async () => {
  const file = join(dir, 'cycle.csv');
  writeFileSync(file, `${CYCLE_CSV}\n`);
  expect((await gemba('import', file, '--workspace', ws, '--json')).code).toBe(0);
});

async function json(...argv: string[]) {
  const run = await gemba('spc', ws, ...argv, '--json');
  // Remarks of the engine ("Phase 1 shows no variation") go to stderr as notes; nothing else may.
  expect(run.stderr.split('\n').filter((line) => line && !line.startsWith('note: '))).toEqual([]);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

describe('gemba spc WS --measure', () => {
  it('charts a measure per week: labels are the weeks’ first days (ISO), points the hand-worked means', async () => {
    const out = await json('--measure', 'cycle_time', '--period', 'week', '--chart', 'xbar-s');
    expect(out.basis.fileName).toBe('cycle.csv');
    expect(out.measure).toMatchObject({ name: 'cycle_time', unit: 'hours' });
    expect(out.charts.map((c: { name: string }) => c.name)).toEqual(['Xbar', 'S']);
    expect(out.charts[0].labels).toEqual(['2024-01-01', '2024-01-08', '2024-01-15']);
    expect(out.charts[0].points).toEqual([4, 4, 11]);
    expect(out.points.map((p: { cases: number }) => p.cases)).toEqual([3, 2, 2]);
  });

  it('charts on the log scale with --transform log: the Xbar points are the weeks’ mean logs', async () => {
    const plain = await json('--measure', 'cycle_time', '--period', 'week', '--chart', 'xbar-s');
    const out = await json('--measure', 'cycle_time', '--period', 'week', '--chart', 'xbar-s', '--transform', 'log');
    expect(out.transform).toEqual({ name: 'log', lambda: null, shift: 0 });
    // Cycle times by hand (cycle-log.fixture.ts): week 1 2, 4, 6 h; week 2 3, 5 h; week 3 10, 12 h.
    const expected = [Math.log(48) / 3, Math.log(15) / 2, Math.log(120) / 2];
    out.charts[0].points.forEach((p: number, i: number) => expect(p).toBeCloseTo(expected[i], 12));
    expect(out.notes.join(' ')).toMatch(/log scale/);
    expect(plain.transform).toBeNull();
    const bad = await gemba('spc', ws, '--measure', 'cycle_time', '--transform', 'sqrt');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--transform must be one of none, log, box-cox');
  });

  it('takes the --csv form’s options: a date-range baseline, the tests, one point per case', async () => {
    const out = await json(
      '--measure',
      'throughput',
      '--chart',
      'imr',
      '--baseline',
      '2024-01-08..2024-01-31',
      '--rules',
      'nelson',
    );
    expect(out.charts[0].points).toEqual([3, 2, 2]);
    expect(out.charts[0].excluded).toEqual([]);
    expect(out.charts[0].baselinePoints).toEqual([1, 2]);
    expect(out.charts[0].center).toBe(2);
    expect(out.charts[1].rules).toEqual([1, 2, 3, 4]);
    const byCase = await json('--measure', 'cycle_time', '--by-case', '--chart', 'imr', '--exclude', '6');
    expect(byCase.charts[0].points).toEqual([2, 4, 6, 3, 5, 10, 12]);
    // I chart centre without case c7 (point 6): (2 + 4 + 6 + 3 + 5 + 10) / 6 = 5.
    expect(byCase.charts[0].center).toBe(5);
    expect(byCase.points[6].caseId).toBe('c7');
  });

  it('says what is missing or wrong', async () => {
    const noMeasure = await gemba('spc', ws, '--chart', 'imr');
    expect(noMeasure.code).not.toBe(0);
    expect(noMeasure.stderr).toContain('needs --measure NAME');
    const both = await gemba('spc', ws, '--csv', 'x.csv', '--measure', 'cycle_time');
    expect(both.stderr).toContain('a workspace or --csv FILE, not both');
    const wrongChart = await gemba('spc', ws, '--measure', 'cycle_time', '--chart', 'p');
    expect(wrongChart.stderr).toContain('does not fit cycle_time');
    const badBaseline = await gemba('spc', ws, '--measure', 'cycle_time', '--baseline', 'first');
    expect(badBaseline.stderr).toContain('--baseline takes a number of points');
    const text = await gemba('spc', ws, '--measure', 'cycle_time');
    expect(text.stdout).toContain('Cycle time (hours), per week (UTC), 3 points');
    expect(text.stdout).toContain('Xbar chart: center');
  });
});
