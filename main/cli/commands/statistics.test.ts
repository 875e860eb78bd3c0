import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { StatisticsTable } from '../../engine/analysis/statistics-table.ts';
import { RUNNING_EXAMPLE_CSV } from '../../engine/analysis/logs.fixture.ts';
import { gemba } from '../cli-run.fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'gemba-statistics-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('gemba statistics', () => {
  const ws = join(dir, 'ws');

  it('by activity, resource and case attribute, with a filter, as JSON', async () => {
    expect((await gemba('import', RUNNING_EXAMPLE_CSV.pathname, '--workspace', ws, '--json')).code).toBe(0);
    const run = async (...extra: string[]) => {
      const { code, stdout, stderr } = await gemba('statistics', ws, ...extra, '--json');
      expect(stderr).toBe('');
      expect(code).toBe(0);
      return JSON.parse(stdout) as StatisticsTable;
    };
    const activities = await run();
    expect(activities.events).toBe(42);
    // The running example has 9 "decide" events in 6 cases (counted in the CSV).
    expect(activities.rows.find((r) => r.value === 'decide')).toMatchObject({ frequency: 9, caseFrequency: 6 });
    const resources = await run('--by', 'resource');
    expect(resources.rows.reduce((n, r) => n + r.frequency, 0)).toBe(42);
    // Every event of the running example was created by "Fluxicon Nitro".
    const creator = await run('--by', 'attribute', 'creator');
    expect(creator.level).toBe('case');
    expect(creator.rows).toMatchObject([{ value: 'Fluxicon Nitro', frequency: 42, caseFrequency: 6 }]);
    const filtered = await run('--filter', '{"kind":"activities","activities":["reject request"],"mode":"any"}');
    expect(filtered.cases).toBe(3);
  });

  it('explains a wrong --by and a missing attribute name', async () => {
    const wrong = await gemba('statistics', ws, '--by', 'colour');
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('--by must be activity, resource or attribute');
    const missing = await gemba('statistics', ws, '--by', 'attribute');
    expect(missing.stderr).toContain('Missing the attribute name after --by attribute');
    const text = await gemba('statistics', ws);
    expect(text.stdout).toContain('durations: time since the previous event of the case');
  });
});
