import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { QualityFix } from '../../../preload/api.ts';
import { InputError } from '../errors.ts';
import { buildLog, repeatCases } from '../quality/log.fixture.ts';
import { FixesStore } from './fixes-store.ts';
import { Workspace, type ImportFacts } from './workspace.ts';

function facts(fileName: string, rejected: { line: number; reason: string }[] = []): ImportFacts {
  return {
    fileName,
    fileSize: 1,
    sha256: 'x'.repeat(64),
    format: 'csv',
    mapping: null,
    activities: 3,
    variants: 1,
    rowsRead: 10,
    rejectedCount: rejected.length,
    rejected,
    timeRange: null,
    notes: [],
  };
}

// A fix that passes validation but fails when applied stands for any failure `validateFix`
// cannot foresee: the store must find it by applying the fix before it records it.
vi.mock('../quality/fixes.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../quality/fixes.ts')>();
  return {
    ...original,
    applyFix: (log: Parameters<typeof original.applyFix>[0], fix: QualityFix) => {
      if (fix.description === 'fails when applied') throw new InputError('cannot apply');
      return original.applyFix(log, fix);
    },
  };
});

const dirs: string[] = [];
function workspace(): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'gemba-fixes-'));
  dirs.push(dir);
  return Workspace.create(dir);
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

// 10 clean cases plus one with a variant label and one duplicate event.
const dirty = buildLog([
  ...repeatCases('c', 10, ['Receive', 'Check', 'Ship']).map(([c, a, m]): [string, string, number, string] => [
    c,
    a,
    m,
    'r',
  ]),
  ['x', 'receive', 5000, 'r'],
  ['x', 'Check', 5001, 'r'],
  ['x', 'Check', 5001, 'r'],
  ['x', 'Ship', 5002, 'r'],
]);

describe('FixesStore', () => {
  it('records fixes, applies them when the log is prepared, and undoes them', () => {
    const ws = workspace();
    const importId = ws.commitImport(
      dirty,
      facts('dirty.csv', [{ line: 40, reason: 'timestamp "TBD" could not be read' }]),
    );
    const store = new FixesStore(ws);
    const before = store.report();
    const labels = before.checks.find((c) => c.kind === 'inconsistent_labels')!;
    expect(labels.count).toBe(1);
    expect(before.checks.find((c) => c.kind === 'duplicate_events')!.count).toBe(1);
    expect(before.checks.find((c) => c.kind === 'unparseable_timestamps')!.count).toBe(1);
    expect(before.fixesInForce).toEqual([]);

    const afterMerge = store.apply(labels.fix, 'ann');
    expect(afterMerge).toHaveLength(1);
    expect(afterMerge[0]).toMatchObject({ fix: { kind: 'merge_labels' }, user: 'ann' });
    const both = store.apply({ kind: 'drop_duplicates', description: 'drop', params: {} } satisfies QualityFix);
    expect(both.map((f) => f.fix.kind)).toEqual(['merge_labels', 'drop_duplicates']);

    const prepared = store.prepareLog(ws.loadLog(importId));
    expect(prepared.eventCount).toBe(dirty.eventCount - 1);
    expect(new Set(Array.from(prepared.activity, (a) => prepared.activities[a]))).toEqual(
      new Set(['Receive', 'Check', 'Ship']),
    );
    const after = store.report();
    expect(after.checks.find((c) => c.kind === 'inconsistent_labels')!.count).toBe(0);
    expect(after.checks.find((c) => c.kind === 'duplicate_events')!.count).toBe(0);
    expect(after.fixesInForce.map((f) => f.id)).toEqual(both.map((f) => f.id));
    expect(ws.loadLog(importId).eventCount).toBe(dirty.eventCount); // the raw import is untouched

    const remaining = store.undo(afterMerge[0].id, 'bob');
    expect(remaining.map((f) => f.fix.kind)).toEqual(['drop_duplicates']);
    expect(store.prepareLog(ws.loadLog(importId)).activities).toContain('receive');
    expect(() => store.undo(afterMerge[0].id)).toThrow(/already undone/u);
    expect(() => store.undo(999)).toThrow(InputError);

    const actions = ws.auditTrail().map((a) => a.action);
    expect(actions).toEqual(['import', 'fix', 'fix', 'undo_fix']);
  });

  it('refuses a malformed fix without recording it', () => {
    const ws = workspace();
    ws.commitImport(dirty, facts('dirty.csv'));
    const store = new FixesStore(ws);
    expect(() => store.apply({ kind: 'merge_labels', description: 'x', params: { map: 5 } })).toThrow(InputError);
    expect(store.inForce()).toEqual([]);
  });

  it('refuses a fix that cannot be applied, so later loads and undo keep working', () => {
    const ws = workspace();
    const importId = ws.commitImport(dirty, facts('dirty.csv'));
    const store = new FixesStore(ws);
    store.apply({ kind: 'drop_duplicates', description: 'drop', params: {} });
    const cycle = { kind: 'merge_labels', description: 'cycle', params: { map: { Check: 'Ship', Ship: 'Check' } } };
    expect(() => store.apply(cycle)).toThrow(/cycle/u);
    const garbage = {
      kind: 'exclude_bad_timestamps',
      description: 'bounds',
      params: { notBefore: 'garbage', notAfter: null },
    };
    expect(() => store.apply(garbage)).toThrow(/not a date/u);
    expect(() => store.apply({ kind: 'drop_duplicates', description: 'fails when applied', params: {} })).toThrow(
      /cannot apply/u,
    );
    // The same refusal when the caller passes the log it already has.
    const fixed = store.prepareLog(ws.loadLog(importId));
    expect(() =>
      store.apply({ kind: 'drop_duplicates', description: 'fails when applied', params: {} }, 'ann', fixed),
    ).toThrow(/cannot apply/u);
    expect(store.inForce().map((f) => f.fix.description)).toEqual(['drop']);
    expect(store.prepareLog(ws.loadLog(importId)).eventCount).toBe(dirty.eventCount - 1);
    expect(store.report().fixesInForce).toHaveLength(1);
    expect(ws.auditTrail().map((a) => a.action)).toEqual(['import', 'fix']);
  });

  it('keeps fixes per import and reports schema drift against the previous import', () => {
    const ws = workspace();
    ws.commitImport(
      buildLog([
        ['a', 'A', 0],
        ['a', 'B', 1],
      ]),
      facts('one.csv'),
    );
    const store = new FixesStore(ws);
    store.apply({ kind: 'drop_duplicates', description: 'drop', params: {} });
    ws.commitImport(
      buildLog([
        ['a', 'A', 0],
        ['a', 'C', 1],
      ]),
      facts('two.csv'),
    );
    expect(store.inForce()).toEqual([]);
    const drift = store.report().checks.find((c) => c.kind === 'schema_drift')!;
    expect(drift).toMatchObject({ applicable: true, count: 2 }); // C is new, B is gone
  });
});
