import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FixesStore } from '../../engine/workspace/fixes-store.ts';
import { Workspace } from '../../engine/workspace/workspace.ts';
import { gemba } from '../cli-run.fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'gemba-fix-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The fixed log's first timestamp, read the way every analysis reads it. */
function firstInstant(path: string): number {
  const ws = Workspace.open(path);
  try {
    const log = new FixesStore(ws).prepareLog(ws.loadLog(ws.currentImportId()!));
    return log.timestamp[0];
  } finally {
    ws.close();
  }
}

describe('gemba fix --timezone', () => {
  it('starts from the zone of the last time-zone fix in force, not the zone of the import', async () => {
    const file = join(dir, 'naive.csv');
    writeFileSync(file, 'case,activity,time\nc1,A,2024-01-10 12:00:00\nc1,B,2024-01-10 13:00:00\n');
    const ws = join(dir, 'tz');
    expect((await gemba('import', file, '--workspace', ws, '--timezone', 'UTC', '--json')).code).toBe(0);
    expect(firstInstant(ws)).toBe(Date.UTC(2024, 0, 10, 12)); // 12:00 read in UTC

    const berlin = JSON.parse((await gemba('fix', ws, '--timezone', 'Europe/Berlin', '--json')).stdout);
    expect(berlin.applied[0].fix.params).toEqual({ fromZone: 'UTC', toZone: 'Europe/Berlin' });
    expect(firstInstant(ws)).toBe(Date.UTC(2024, 0, 10, 11)); // 12:00 CET (+1)

    // The naive times are now Berlin wall-clock times; London is UTC+0 in January, so 12:00 there is 12:00Z.
    const london = JSON.parse((await gemba('fix', ws, '--timezone', 'Europe/London', '--json')).stdout);
    expect(london.applied[0].fix.params).toEqual({ fromZone: 'Europe/Berlin', toZone: 'Europe/London' });
    expect(firstInstant(ws)).toBe(Date.UTC(2024, 0, 10, 12));

    // Asking for the zone the times are already read in is nothing to fix.
    expect((await gemba('fix', ws, '--timezone', 'Europe/London')).stdout).toMatch(/nothing to fix/u);
  });
});

describe('gemba fix --undo', () => {
  it('undoes a recorded fix that makes the log fail to load', async () => {
    const file = join(dir, 'plain.csv');
    writeFileSync(file, 'case,activity,time\nc1,A,2024-01-10T12:00:00Z\nc1,B,2024-01-10T13:00:00Z\n');
    const path = join(dir, 'broken');
    expect((await gemba('import', file, '--workspace', path, '--json')).code).toBe(0);
    // A fix an older version accepted without applying it: a merge cycle.
    const ws = Workspace.open(path);
    const fix = { kind: 'merge_labels', description: 'cycle', params: { map: { A: 'B', B: 'A' } } };
    const { lastInsertRowid } = ws.database
      .prepare('INSERT INTO fixes (import_id, kind, fix_json, applied_at, user) VALUES (?, ?, ?, ?, ?)')
      .run(ws.currentImportId(), fix.kind, JSON.stringify(fix), '2024-01-01T00:00:00Z', 'old');
    ws.close();
    expect((await gemba('quality', path)).stderr).toMatch(/cycle/u);

    const undone = await gemba('fix', path, '--undo', String(lastInsertRowid), '--json');
    expect(undone.code).toBe(0);
    const result = JSON.parse(undone.stdout);
    expect(result.before).toBeNull();
    expect(result.after).toEqual({ cases: 1, events: 2, activities: 2 });
    expect(result.fixesInForce).toEqual([]);
    expect((await gemba('quality', path)).code).toBe(0);
  });
});
