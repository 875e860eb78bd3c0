import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PISTON_RINGS, sharedDataPath } from '../../engine/spc/spc-examples.fixture.ts';
import { gemba } from '../cli-run.fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'gemba-spc-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function csv(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('gemba spc --csv', () => {
  it('charts the NIST 6.3.2.2 individuals as I and MR charts in the documented JSON shape', async () => {
    const run = await gemba(
      'spc',
      '--csv',
      sharedDataPath('nist_imr_6322.csv'),
      '--value',
      'x',
      '--chart',
      'imr',
      '--json',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const { charts } = JSON.parse(run.stdout);
    expect(charts.map((c: { name: string }) => c.name)).toEqual(['I', 'MR']);
    expect(charts[0].center).toBeCloseTo(50.81, 10);
    expect(charts[0].points).toHaveLength(10);
    expect(charts[0].labels[0]).toBe('1');
    expect(charts[1].points[0]).toBeNull();
    expect(charts[1].center).toBeCloseTo(1.8778, 4);
  });
  it('reads counts and sizes for a P chart, with exclusions (Montgomery Example 7.1 revised: p̄ .2150)', async () => {
    const counts = [
      12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22, 8, 10, 5, 13, 11, 20, 18, 24, 15, 9, 12, 7, 13, 9, 6,
    ];
    const file = csv('juice.csv', `sample;nonconforming;n\n${counts.map((c, i) => `${i + 1};${c};50`).join('\n')}\n`);
    const run = await gemba(
      'spc',
      '--csv',
      file,
      '--value',
      'nonconforming',
      '--size',
      'n',
      '--chart',
      'p',
      '--exclude',
      '14,22',
      '--json',
    );
    expect(run.code).toBe(0);
    const [p] = JSON.parse(run.stdout).charts;
    expect(p.name).toBe('P');
    expect(p.center).toBeCloseTo(0.215, 4);
    expect(p.ucl).toBeCloseTo(0.3893, 4);
    expect(p.signals.map((s: { index: number; rule: number }) => [s.index, s.rule])).toEqual([
      [14, 1],
      [20, 1],
      [22, 1],
    ]);
  });
  it('groups rows by --subgroup in order of first appearance, and takes decimal commas in semicolon files', async () => {
    const file = csv('weeks.csv', 'week;hours\nW2;"1,5"\nW1;2\nW2;2,5\nW1;4\nW3;3\nW3;5\n');
    const run = await gemba(
      'spc',
      '--csv',
      file,
      '--value',
      'hours',
      '--subgroup',
      'week',
      '--chart',
      'xbar-r',
      '--json',
    );
    expect(run.code).toBe(0);
    const [xbar, r] = JSON.parse(run.stdout).charts;
    expect(xbar.labels).toEqual(['W2', 'W1', 'W3']);
    expect(xbar.points).toEqual([2, 3, 4]);
    expect(r.points).toEqual([1, 2, 2]);
    expect(xbar.n).toEqual([2, 2, 2]);
  });
  it('takes limits from a baseline and applies them to phase II (Montgomery Figure 6.5: samples 37–39 above the UCL)', async () => {
    const rows = PISTON_RINGS.flatMap((g, s) => g.map((d) => `${s + 1},${d}`));
    const file = csv('rings.csv', `sample,diameter\n${rows.join('\n')}\n`);
    const run = await gemba(
      'spc',
      '--csv',
      file,
      '--value',
      'diameter',
      '--subgroup',
      'sample',
      '--chart',
      'xbar-r',
      '--baseline',
      '25',
      '--rules',
      'western-electric',
      '--json',
    );
    expect(run.code).toBe(0);
    const [xbar] = JSON.parse(run.stdout).charts;
    expect(xbar.labels.slice(0, 3)).toEqual(['1', '2', '3']);
    expect(xbar.baseline).toBe(25);
    const beyond = xbar.signals.filter((s: { rule: number }) => s.rule === 1).map((s: { index: number }) => s.index);
    expect(beyond).toEqual([36, 37, 38]);
    expect(xbar.rules).toEqual([1, 2, 5, 6]);
  });
  it('passes the CUSUM and EWMA parameters through (NIST 6.3.2.4 EWMA is in control)', async () => {
    const run = await gemba(
      'spc',
      '--csv',
      sharedDataPath('nist_ewma_6324.csv'),
      '--value',
      'x',
      '--chart',
      'ewma',
      '--lambda',
      '0.3',
      '--target',
      '50',
      '--sigma',
      '2.0539',
      '--json',
    );
    const [ewma] = JSON.parse(run.stdout).charts;
    expect(ewma.points[0]).toBeCloseTo(50.6, 10);
    expect(ewma.signals).toEqual([]);
    const cusum = await gemba(
      'spc',
      '--csv',
      sharedDataPath('nist_cusum_6323.csv'),
      '--value',
      'x',
      '--chart',
      'cusum',
      '--target',
      '325',
      '--sigma',
      '0.635',
      '--k',
      '0.5',
      '--h',
      '6.6077',
      '--rules',
      '1',
      '--json',
    );
    expect(JSON.parse(cusum.stdout).charts[0].signals[0].index).toBe(13);
  });
  it('prints a readable summary without --json', async () => {
    const run = await gemba(
      'spc',
      '--csv',
      sharedDataPath('nist_cchart_6331_wafer_defects.csv'),
      '--value',
      'defects',
      '--chart',
      'c',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/C chart: center 16\.0000, LCL 4\.00000, UCL 28\.0000/);
    expect(run.stdout).toMatch(/24 \(#23\): Test 1/);
  });
  it('names file, line and column of a value that is not a number, and exits 2', async () => {
    const file = csv('bad.csv', 'id,value\n1,3.5\n2,abc\n3,4\n');
    const run = await gemba('spc', '--csv', file, '--value', 'value', '--chart', 'imr', '--json');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad\.csv, line 3, column 2: "abc" is not a number in column "value"/);
  });
  it('lists the columns when --value names none of them, and asks for --size on a P chart', async () => {
    const file = csv('plain.csv', 'id,value\n1,3.5\n2,4\n');
    const missing = await gemba('spc', '--csv', file, '--value', 'duration', '--chart', 'imr');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no column "duration".*The columns are: id, value/s);
    const noSize = await gemba('spc', '--csv', file, '--value', 'value', '--chart', 'p');
    expect(noSize.stderr).toMatch(/needs --size/);
    const badChart = await gemba('spc', '--csv', file, '--value', 'value', '--chart', 'pareto');
    expect(badChart.stderr).toMatch(/no chart type "pareto"/);
  });
  it('is listed in gemba help', async () => {
    expect((await gemba('help')).stdout).toMatch(/gemba spc --csv FILE --value COL/);
  });
});
