import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RUNNING_EXAMPLE_CSV } from '../../engine/analysis/logs.fixture.ts';
import { gemba } from '../cli-run.fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'gemba-export-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function json(...argv: string[]): Promise<Record<string, unknown>> {
  const { code, stdout, stderr } = await gemba(...argv, '--json');
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as Record<string, unknown>;
}

/**
 * What a workspace's analyses say, without what differs by design: the basis (file name and
 * hash) and variant ranks (numbered in the unfiltered log, which the export does not hold).
 */
async function analyses(ws: string, ...filter: string[]) {
  const { basis: _basis, ...stats } = await json('stats', ws, ...filter);
  const { basis: _dfgBasis, ...dfg } = await json('dfg', ws, ...filter);
  const variants = (await json('variants', ws, ...filter)) as unknown as { rank?: number }[];
  return { stats, dfg, variants: variants.map(({ rank: _rank, ...v }) => v) };
}

describe('gemba export', () => {
  const ws = join(dir, 'ws');
  const filter = ['--filter', '{"kind":"activities","activities":["reject request"],"mode":"any"}'];

  it.each(['csv', 'xes', 'xes.gz'])(
    '--log --format %s with a filter re-imports to the same stats, dfg and variants',
    async (format) => {
      await json('import', RUNNING_EXAMPLE_CSV.pathname, '--workspace', ws);
      const out = join(dir, `filtered.${format}`);
      const written = await json('export', ws, '--log', '--format', format, '--out', out, ...filter);
      expect(written).toMatchObject({ cases: 3 });
      const back = join(dir, `ws-${format}`);
      await json('import', out, '--workspace', back);
      expect(await analyses(back)).toEqual(await analyses(ws, ...filter));
    },
  );

  it('a trimming filter exports the trimmed events (every view sees the same derived log)', async () => {
    const out = join(dir, 'trimmed.csv');
    const trim = ['--filter', '{"kind":"endpoints","start":["check ticket"],"trim":"longest"}'];
    const written = await json('export', ws, '--log', '--format', 'csv', '--out', out, ...trim);
    const back = join(dir, 'ws-trimmed');
    await json('import', out, '--workspace', back);
    const stats = await json('stats', back);
    // Every case of the running example has "check ticket"; cut there, every case starts with it.
    expect(stats).toMatchObject({ cases: 6, events: written.events, startActivities: { 'check ticket': 6 } });
    expect(written.events).toBeLessThan(42);
    expect((await json('statistics', ws, ...trim)).events).toBe(written.events);
  });

  it('--table statistics --by attribute NAME and --table cases with a filter', async () => {
    const stats = join(dir, 'creator.csv');
    expect(
      (await json('export', ws, '--table', 'statistics', '--by', 'attribute', 'creator', '--out', stats)).events,
    ).toBe(1);
    const lines = readFileSync(stats, 'utf8').split('\r\n');
    expect(lines[0].startsWith('\ufeff"creator","Frequency"')).toBe(true);
    // Every case of the running example was created by "Fluxicon Nitro": 6 cases, 42 events.
    expect(lines[1].startsWith('"Fluxicon Nitro",42,1,6,1,')).toBe(true);
    const cases = join(dir, 'cases.csv');
    expect((await json('export', ws, '--table', 'cases', '--out', cases, ...filter)).events).toBe(3);
  });

  it('--table variants writes spreadsheet CSV; wrong options are explained', async () => {
    const out = join(dir, 'variants.csv');
    const text = await gemba('export', ws, '--table', 'variants', '--out', out);
    expect(text.stdout).toContain('OWASP');
    expect(readFileSync(out, 'utf8').split('\r\n')[0]).toBe(
      '\ufeff"Variant","Cases","Share","Mean duration (s)","Activities","Sequence"',
    );
    expect((await gemba('export', ws, '--out', out)).stderr).toContain('Say what to export');
    expect((await gemba('export', ws, '--log', '--out', join(dir, 'x.txt'))).stderr).toContain('Missing --format');
    expect((await gemba('export', ws, '--log', '--format', 'pdf', '--out', out)).stderr).toContain(
      '--format must be csv, xes or xes.gz',
    );
  });
});
