import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gemba } from './cli-run.fixture.ts';

const DATA = new URL('../../../shared/data/', import.meta.url).pathname;
const BIN = new URL('../../bin/gemba.mjs', import.meta.url).pathname;

const temp = () => mkdtempSync(join(tmpdir(), 'gemba-cli-'));

describe('gemba CLI', () => {
  it('imports the running example and answers stats, dfg and variants as JSON', async () => {
    const ws = join(temp(), 'ws');
    const imported = await gemba('import', join(DATA, 'running-example.csv'), '--workspace', ws, '--json');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({
      cases: 6,
      events: 42,
      activities: 8,
      variants: 6,
      timeRange: ['2010-12-30T10:02:00.000Z', '2011-01-24T13:56:00.000Z'],
      rejectedRows: 0,
    });
    const stats = JSON.parse((await gemba('stats', ws, '--json')).stdout);
    expect(stats).toMatchObject({
      cases: 6,
      events: 42,
      startActivities: { 'register request': 6 },
      endActivities: { 'pay compensation': 3, 'reject request': 3 },
    });
    expect(stats.basis).toMatchObject({ importId: 1, fileName: 'running-example.csv', fixesInForce: [] });
    expect(stats.basis.sha256).toMatch(/^[0-9a-f]{64}$/);
    const dfg = JSON.parse((await gemba('dfg', ws, '--json')).stdout);
    // By hand: "check ticket → decide" occurs in case 3 twice, 1 once, 6 once, 5 twice (2 and 4 go check → examine) = 6.
    expect(
      dfg.edges.find((e: { from: string; to: string }) => e.from === 'check ticket' && e.to === 'decide').count,
    ).toBe(6);
    expect(dfg.nodes).toHaveLength(8);
    const variants = JSON.parse((await gemba('variants', ws, '--json')).stdout);
    expect(variants).toHaveLength(6);
    expect(variants.every((v: { count: number }) => v.count === 1)).toBe(true);
  });

  it('gives the same workspace for running-example.csv and running-example.xes', async () => {
    const dir = temp();
    await gemba('import', join(DATA, 'running-example.csv'), '--workspace', join(dir, 'csv'));
    await gemba('import', join(DATA, 'running-example.xes'), '--workspace', join(dir, 'xes'));
    for (const command of ['stats', 'dfg', 'variants']) {
      // `basis` names the imported file and its SHA-256, which differ by construction.
      const { basis: csvBasis, ...fromCsv } = JSON.parse((await gemba(command, join(dir, 'csv'), '--json')).stdout);
      const { basis: xesBasis, ...fromXes } = JSON.parse((await gemba(command, join(dir, 'xes'), '--json')).stdout);
      expect(fromXes).toEqual(fromCsv);
      if (command !== 'variants')
        expect([csvBasis.fileName, xesBasis.fileName]).toEqual(['running-example.csv', 'running-example.xes']);
    }
  });

  it('honours explicit column flags', async () => {
    const ws = join(temp(), 'ws');
    // The decoy columns Activity/Resource hold the same values; mapping them explicitly must work too.
    const r = await gemba(
      'import',
      join(DATA, 'running-example.csv'),
      '--workspace',
      ws,
      '--activity',
      'Activity',
      '--resource',
      'Resource',
      '--json',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).mapping).toMatchObject({ activity: 'Activity', resource: 'Resource' });
  });

  it('filters and counts working time with --filter and --calendar', async () => {
    const dir = temp();
    const ws = join(dir, 'ws');
    await gemba('import', join(DATA, 'running-example.csv'), '--workspace', ws);
    const calendar = join(dir, 'calendar.json');
    writeFileSync(
      calendar,
      JSON.stringify({
        weekdays: [1, 2, 3, 4, 5],
        startHour: 9,
        endHour: 17,
        holidays: [],
        timezone: 'Europe/Amsterdam',
      }),
    );
    // Only case 1 follows this variant. Its "check ticket" (Wed 2011-01-05 15:12 +01:00) → "decide"
    // (Thu 2011-01-06 11:18): 15:12–17:00 plus 09:00–11:18 = 6480 s + 8280 s = 14760 s of working time,
    // against 20 h 6 min = 72360 s on the wall clock.
    const filter = JSON.stringify({
      kind: 'variants',
      variants: [['register request', 'examine thoroughly', 'check ticket', 'decide', 'reject request']],
    });
    const edge = (g: { edges: { from: string; to: string; count: number; meanSeconds: number }[] }) =>
      g.edges.find((e) => e.from === 'check ticket' && e.to === 'decide')!;
    const working = JSON.parse((await gemba('dfg', ws, '--filter', filter, '--calendar', calendar, '--json')).stdout);
    expect(working.workingTime).toBe(true);
    expect(edge(working)).toMatchObject({ count: 1, meanSeconds: 14760 });
    const wall = JSON.parse((await gemba('dfg', ws, '--filter', filter, '--json')).stdout);
    expect(edge(wall)).toMatchObject({ count: 1, meanSeconds: 72360 });
    expect((await gemba('dfg', ws, '--filter', '{"kind":"nope"}')).code).toBe(2);
  });

  it('draws the map as an SVG file with one node per shown activity', async () => {
    const dir = temp();
    const ws = join(dir, 'ws');
    await gemba('import', join(DATA, 'running-example.csv'), '--workspace', ws);
    const out = join(dir, 'map.svg');
    const r = await gemba('map', ws, '--out', out, '--json');
    expect(r.code).toBe(0);
    const svg = readFileSync(out, 'utf8');
    expect(svg.startsWith('<?xml')).toBe(true);
    // All 8 activities of the running example, each an element with id act_N.
    expect(new Set(svg.match(/id="act_\d+"/g)).size).toBe(8);
    const fewer = join(dir, 'fewer.svg');
    expect((await gemba('map', ws, '--out', fewer, '--activities', '0.5')).code).toBe(0);
    expect(new Set(readFileSync(fewer, 'utf8').match(/id="act_\d+"/g)).size).toBe(4);
    expect((await gemba('map', ws, '--out', fewer, '--paths', '2')).code).toBe(2);
  });

  it('exits 2 with one paragraph naming file and line for an unbalanced quote', async () => {
    const dir = temp();
    const file = join(dir, 'bad.csv');
    writeFileSync(
      file,
      'case,activity,time\n1,A,2024-01-01T10:00:00Z\n2,"B,2024-01-01T11:00:00Z\n3,C,2024-01-01T12:00:00Z\n',
    );
    const r = await gemba('import', file, '--workspace', join(dir, 'ws'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.csv, line 3/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'ws'))).toBe(false); // the workspace this failed import created is gone again
  });

  it('exits 2 for a missing file, an unknown command or option, and a non-workspace', async () => {
    const dir = temp();
    expect((await gemba('import', join(dir, 'nope.csv'), '--workspace', join(dir, 'ws'))).code).toBe(2);
    expect((await gemba('frobnicate')).code).toBe(2);
    expect((await gemba('stats', dir, '--jsn')).code).toBe(2);
    const r = await gemba('stats', dir, '--json');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a Gemba workspace/);
  });

  it('refuses more than 1% rejected rows unless --accept-rejects', async () => {
    const dir = temp();
    const file = join(dir, 'mixed.csv');
    const rows = ['case,activity,time'];
    for (let i = 0; i < 50; i++) rows.push(`${i},A,2024-01-01T10:${String(i % 60).padStart(2, '0')}:00Z`);
    rows.push('x,A,not a time');
    writeFileSync(file, rows.join('\n') + '\n');
    const refused = await gemba('import', file, '--workspace', join(dir, 'ws'), '--json');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/1 of 51 rows/);
    expect(refused.stderr).toMatch(/line 52/);
    const accepted = await gemba('import', file, '--workspace', join(dir, 'ws'), '--json', '--accept-rejects');
    expect(accepted.code).toBe(0);
    expect(JSON.parse(accepted.stdout)).toMatchObject({ events: 50, rejectedRows: 1 });
  });

  it('a snapshot deleted behind its back is a clear input error; a corrupted one an internal error (exit 1, one line, no stack)', async () => {
    const ws = join(temp(), 'ws');
    await gemba('import', join(DATA, 'running-example.xes'), '--workspace', ws);
    const files = readdirSync(join(ws, 'snapshots')).map((f) => join(ws, 'snapshots', f));
    for (const f of files) writeFileSync(f, 'not arrow at all');
    const corrupt = await gemba('stats', ws, '--json');
    expect(corrupt.code).toBe(1);
    expect(corrupt.stderr).toMatch(/^Internal error: /);
    expect(corrupt.stderr.trim().split('\n')).toHaveLength(1);
    for (const f of files) rmSync(f);
    const missing = await gemba('stats', ws, '--json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing from the workspace.*Restore another import/);
  });

  it('runs as `gemba` through bin/gemba.mjs with the documented exit codes', () => {
    const dir = temp();
    const ok = spawnSync(
      process.execPath,
      [BIN, 'import', join(DATA, 'running-example.xes'), '--workspace', join(dir, 'ws'), '--json'],
      { encoding: 'utf8' },
    );
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).events).toBe(42);
    const bad = spawnSync(process.execPath, [BIN, 'stats', join(dir, 'missing'), '--json'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/not a Gemba workspace/);
  });
});
