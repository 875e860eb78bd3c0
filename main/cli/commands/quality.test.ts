import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { QualityReport } from '../../../preload/api.ts';
import { gemba } from '../cli-run.fixture.ts';
import { dirtyCsv } from '../../engine/quality/dirty-csv.fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'gemba-quality-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('gemba quality and gemba fix', () => {
  const file = join(dir, 'dirty.csv');
  const ws = join(dir, 'ws');
  writeFileSync(file, dirtyCsv());

  it('reports each kind with its count, examples and fix as JSON', async () => {
    expect((await gemba('import', file, '--workspace', ws, '--accept-rejects', '--json')).code).toBe(0);
    const { code, stdout } = await gemba('quality', ws, '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as QualityReport;
    const count = (kind: string) => report.checks.find((c) => c.kind === kind)!.count;
    expect(count('duplicate_events')).toBe(1);
    expect(count('inconsistent_labels')).toBe(1);
    expect(count('unparseable_timestamps')).toBe(1);
    expect(count('missing_values')).toBe(0);
    expect(count('future_timestamps')).toBe(0);
    expect(count('order_conflicts')).toBe(0);
    expect(count('incomplete_cases')).toBe(0);
    expect(report.checks.find((c) => c.kind === 'unparseable_timestamps')!.examples[0].line).toBe(40);
    expect(report.checks.find((c) => c.kind === 'duplicate_events')!.fix?.kind).toBe('drop_duplicates');
    expect(report.health).toBe('red'); // 1 of 40 rows unreadable is over 1%
  });

  it('applies fixes, records them, and undoes them', async () => {
    const fixed = await gemba('fix', ws, '--merge-labels', '--drop-duplicates', '--json');
    expect(fixed.code).toBe(0);
    const result = JSON.parse(fixed.stdout);
    expect(result.before).toEqual({ cases: 13, events: 39, activities: 4 });
    expect(result.after).toEqual({ cases: 13, events: 38, activities: 3 });
    expect(result.applied.map((f: { fix: { kind: string } }) => f.fix.kind)).toEqual([
      'merge_labels',
      'drop_duplicates',
    ]);

    const report = JSON.parse((await gemba('quality', ws, '--json')).stdout) as QualityReport;
    expect(report.checks.find((c) => c.kind === 'duplicate_events')!.count).toBe(0);
    expect(report.checks.find((c) => c.kind === 'inconsistent_labels')!.count).toBe(0);
    expect(report.fixesInForce).toHaveLength(2);

    const mergeId = String(result.applied[0].id);
    const undone = JSON.parse((await gemba('fix', ws, '--undo', mergeId, '--json')).stdout);
    expect(undone.after).toEqual({ cases: 13, events: 38, activities: 4 });
    expect(undone.fixesInForce.map((f: { fix: { kind: string } }) => f.fix.kind)).toEqual(['drop_duplicates']);
  });

  it('merges with an edited map', async () => {
    const result = JSON.parse(
      (
        await gemba(
          'fix',
          ws,
          '--merge-labels',
          '--merge-map',
          '{"RECEIVE":"Receive order","Receive":"Receive order"}',
          '--json',
        )
      ).stdout,
    );
    expect(result.after.activities).toBe(3);
    expect(result.applied[0].fix.params.map).toEqual({ RECEIVE: 'Receive order', Receive: 'Receive order' });
  });

  it('says what is wrong with bad requests and exits 2', async () => {
    const none = await gemba('fix', ws);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/No fix requested/u);
    expect((await gemba('fix', ws, '--undo', 'abc')).code).toBe(2);
    expect((await gemba('fix', ws, '--undo', '999')).stderr).toMatch(/not recorded/u);
    expect((await gemba('fix', ws, '--merge-labels', '--merge-map', '[1]')).code).toBe(2);
  });
});
