import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalEngine } from './local-engine.ts';

const dir = mkdtempSync(join(tmpdir(), 'gemba-engine-tables-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('LocalEngine statisticsTable and exportTable (issue 12)', () => {
  it('serves statistics with trimming filters and spreadsheet-safe tables', async () => {
    const engine = new LocalEngine({ mode: 'electron', userDataDir: join(dir, 'user'), defaultWorkspaceDir: dir });
    const ws = await engine.createWorkspace('p');
    const csv = join(dir, 'log.csv');
    // Two cases; times an hour apart. Case 2 starts with a formula-looking activity.
    writeFileSync(
      csv,
      'case,activity,time\n1,a,2024-01-01T00:00:00Z\n1,b,2024-01-01T01:00:00Z\n1,c,2024-01-01T02:00:00Z\n2,=cmd,2024-01-01T00:00:00Z\n2,b,2024-01-01T03:00:00Z\n',
    );
    await engine.runImport(ws.path, csv, 'log.csv', {});
    const table = await engine.statisticsTable(ws.path, { by: 'activity' });
    expect(table.rows.map((r) => [r.value, r.frequency])).toEqual([
      ['b', 2],
      ['=cmd', 1],
      ['a', 1],
      ['c', 1],
    ]);
    // b comes 1 h after a and 3 h after =cmd: time since the previous event, mean 2 h.
    expect(table.rows[0].durationSeconds).toMatchObject({ count: 2, mean: 7200, min: 3600, max: 10800 });
    expect(table.basis?.fileName).toBe('log.csv');
    // Trimmed from b on, only b and c remain.
    const trimmed = await engine.statisticsTable(ws.path, {
      by: 'activity',
      filters: [{ kind: 'endpoints', start: ['b'], trim: 'longest' }],
    });
    expect(trimmed.rows.map((r) => r.value)).toEqual(['b', 'c']);
    const variants = await engine.exportTable(ws.path, { table: 'variants' });
    expect(variants.fileName).toBe('variants.csv');
    expect(variants.rows).toBe(2);
    expect(variants.csv).toContain(`"'=cmd → b"`);
    const byAttribute = await engine.exportTable(ws.path, { table: 'statistics', by: 'resource' });
    expect(byAttribute.fileName).toBe('statistics-by-resource.csv');
    expect(byAttribute.rows).toBe(0);
    await engine.close();
  });
});
