import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logFromTraces } from '../analysis/logs.fixture.ts';
import { InputError } from '../errors.ts';
import { importLog } from './import-log.ts';
import { Workspace, type ImportFacts } from './workspace.ts';

const DATA = new URL('../../../../shared/data/', import.meta.url).pathname;

function facts(fileName: string): ImportFacts {
  return {
    fileName,
    fileSize: 1,
    sha256: 'x'.repeat(64),
    format: 'csv',
    mapping: null,
    activities: 2,
    variants: 1,
    rowsRead: 4,
    rejectedCount: 1,
    rejected: [{ line: 3, reason: 'unparseable timestamp "soon"' }],
    timeRange: null,
    notes: [],
  };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'gemba-ws-'));
}

describe('Workspace', () => {
  it('keeps every import in the history and restores an earlier one', () => {
    const ws = Workspace.create(join(tempDir(), 'project'));
    const first = ws.commitImport(logFromTraces({ a: ['A', 'B'] }), facts('one.csv'));
    const second = ws.commitImport(logFromTraces({ a: ['A', 'B'], b: ['A', 'C'] }), facts('two.csv'));
    expect(ws.currentImportId()).toBe(second);
    expect(ws.history().map((r) => [r.fileName, r.current])).toEqual([
      ['two.csv', true],
      ['one.csv', false],
    ]);
    expect(ws.loadCurrentLog()!.caseCount).toBe(2);
    ws.restoreImport(first);
    expect(ws.loadCurrentLog()!.caseCount).toBe(1);
    expect(ws.rejectedRows(first)).toEqual([{ line: 3, reason: 'unparseable timestamp "soon"' }]);
    expect(ws.auditTrail().map((a) => a.action)).toEqual(['import', 'import', 'restore']);
    expect(() => ws.restoreImport(99)).toThrow(InputError);
    ws.close();
  });

  it('survives reopening: the log comes back from the Arrow snapshot', () => {
    const dir = join(tempDir(), 'p');
    const ws = Workspace.create(dir);
    ws.commitImport(logFromTraces({ x: ['A', 'B', 'C'] }), facts('f.csv'));
    ws.close();
    const again = Workspace.open(dir);
    const log = again.loadCurrentLog()!;
    expect(Array.from(log.activity, (a) => log.activities[a])).toEqual(['A', 'B', 'C']);
    again.close();
  });

  it('leaves the workspace unchanged when the commit fails inside its transaction', () => {
    const dir = join(tempDir(), 'p');
    const ws = Workspace.create(dir);
    const first = ws.commitImport(logFromTraces({ a: ['A'] }), facts('one.csv'));
    const filesBefore = readdirSync(join(dir, 'snapshots')).sort();
    expect(() =>
      ws.commitImport(logFromTraces({ b: ['B'] }), facts('two.csv'), () => {
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(ws.currentImportId()).toBe(first);
    expect(ws.history()).toHaveLength(1);
    expect(ws.auditTrail()).toHaveLength(1);
    expect(readdirSync(join(dir, 'snapshots')).sort()).toEqual(filesBefore);
    ws.close();
  });

  it('writes the snapshot while an import is checked, and leaves nothing behind when the check fails', async () => {
    const dir = join(tempDir(), 'p');
    const ws = Workspace.create(dir);
    const first = ws.commitImport(logFromTraces({ a: ['A'] }), facts('one.csv'));
    const filesBefore = readdirSync(join(dir, 'snapshots')).sort();
    let seenWhileChecking: string[] = [];
    const { importId } = await ws.commitImportWhileChecking(logFromTraces({ b: ['B', 'C'], c: ['B'] }), async () => {
      seenWhileChecking = readdirSync(join(dir, 'snapshots'));
      await new Promise((resolve) => setTimeout(resolve, 10));
      return facts('two.csv');
    });
    // The new files were under temp names while the check ran, and are in place after.
    expect(seenWhileChecking.filter((f) => f.startsWith('.tmp-'))).toHaveLength(2);
    expect(ws.currentImportId()).toBe(importId);
    expect(ws.history().map((r) => r.fileName)).toEqual(['two.csv', 'one.csv']);
    const log = ws.loadCurrentLog()!;
    expect(Array.from(log.activity, (a) => log.activities[a])).toEqual(['B', 'C', 'B']);
    const filesAfter = readdirSync(join(dir, 'snapshots')).sort();
    expect(filesAfter).toHaveLength(4);

    await expect(
      ws.commitImportWhileChecking(logFromTraces({ d: ['D'] }), () => Promise.reject(new Error('cancelled'))),
    ).rejects.toThrow('cancelled');
    expect(ws.currentImportId()).toBe(importId);
    expect(ws.history()).toHaveLength(2);
    expect(readdirSync(join(dir, 'snapshots')).sort()).toEqual(filesAfter);
    ws.restoreImport(first);
    expect(readdirSync(join(dir, 'snapshots')).filter((f) => filesBefore.includes(f))).toHaveLength(2);
    ws.close();
  });

  it('refuses to open a folder that is not a workspace', () => {
    expect(() => Workspace.open(tempDir())).toThrow(/not a Gemba workspace/);
  });
});

describe('importLog into a workspace', () => {
  it('records the import in the audit trail with file, size, SHA-256, counts and user', async () => {
    const ws = Workspace.create(join(tempDir(), 'p'));
    const summary = await importLog(ws, join(DATA, 'running-example.xes'));
    expect(summary).toMatchObject({ cases: 6, events: 42, activities: 8, variants: 6, rejectedRows: 0, format: 'xes' });
    const [entry] = ws.auditTrail();
    expect(entry.action).toBe('import');
    expect(entry.details).toMatchObject({
      fileName: 'running-example.xes',
      fileSize: 15151,
      cases: 6,
      events: 42,
      rejectedRows: 0,
    });
    // The second method: SHA-256 of the whole file read at once.
    const whole = createHash('sha256')
      .update(readFileSync(join(DATA, 'running-example.xes')))
      .digest('hex');
    expect((entry.details as { sha256: string }).sha256).toBe(whole);
    expect(entry.user.length).toBeGreaterThan(0);
    expect(entry.appVersion).toMatch(/^\d+\.\d+\.\d+/);
    ws.close();
  });

  it('records the SHA-256 of a CSV file hashed from the bytes its parse reads', async () => {
    const ws = Workspace.create(join(tempDir(), 'p'));
    await importLog(ws, join(DATA, 'running-example.csv'));
    const whole = createHash('sha256')
      .update(readFileSync(join(DATA, 'running-example.csv')))
      .digest('hex');
    expect((ws.auditTrail()[0].details as { sha256: string }).sha256).toBe(whole);
    ws.close();
  });

  it('pairs lifecycle start/complete events into events with start times (reviewing.xes)', async () => {
    // grep: 3730 <event>s, 1452 with lifecycle:transition "start", each followed by its completion.
    const ws = Workspace.create(join(tempDir(), 'p'));
    const paired = await importLog(ws, join(DATA, 'reviewing.xes'));
    expect(paired.events).toBe(3730 - 1452);
    expect(paired.notes.join(' ')).toMatch(/Paired 1452 lifecycle start events/);
    const log = ws.loadCurrentLog()!;
    const withStart = Array.from(log.startTimestamp!).filter((t) => !Number.isNaN(t)).length;
    expect(withStart).toBe(1452);
    const raw = await importLog(ws, join(DATA, 'reviewing.xes'), { pairLifecycle: false });
    expect(raw.events).toBe(3730);
    ws.close();
  });

  it('a failed import leaves the previous log current and loadable', async () => {
    const dir = join(tempDir(), 'p');
    const ws = Workspace.create(dir);
    await importLog(ws, join(DATA, 'running-example.xes'));
    const bad = join(tempDir(), 'bad.xes');
    writeFileSync(bad, '<?xml version="1.0"?>\n<!DOCTYPE log [<!ENTITY a "aaaa">]>\n<log>&a;</log>\n');
    await expect(importLog(ws, bad)).rejects.toThrow(InputError);
    expect(ws.history()).toHaveLength(1);
    expect(ws.loadCurrentLog()!.eventCount).toBe(42);
    ws.close();
  });

  it('a cancelled import changes nothing', async () => {
    const ws = Workspace.create(join(tempDir(), 'p'));
    const controller = new AbortController();
    controller.abort();
    await expect(importLog(ws, join(DATA, 'receipt.xes'), { signal: controller.signal })).rejects.toThrow(/Cancelled/);
    expect(ws.history()).toHaveLength(0);
    ws.close();
  });

  it('kill -9 inside the commit leaves the workspace openable at the previous state', async () => {
    const dir = join(tempDir(), 'p');
    const ws = Workspace.create(dir);
    await importLog(ws, join(DATA, 'running-example.xes'));
    ws.close();
    // A child process imports receipt.xes and is SIGKILLed inside the SQLite transaction, after
    // the snapshot files were written and renamed: the worst moment to die.
    const script = `
      import { Workspace } from ${JSON.stringify(new URL('./workspace.ts', import.meta.url).pathname)};
      import { parseXesLog } from ${JSON.stringify(new URL('../import/xes/parse-xes-log.ts', import.meta.url).pathname)};
      const ws = Workspace.open(${JSON.stringify(dir)});
      const parsed = await parseXesLog(${JSON.stringify(join(DATA, 'receipt.xes'))}, { fileName: 'receipt.xes' });
      ws.commitImport(parsed.log, { fileName: 'receipt.xes', fileSize: 1, sha256: '0', format: 'xes', mapping: null, activities: 1, variants: 1,
        rowsRead: parsed.rowsRead, rejectedCount: 0, rejected: [], timeRange: null, notes: [] }, () => process.kill(process.pid, 'SIGKILL'));
    `;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(child.signal).toBe('SIGKILL');
    const reopened = Workspace.open(dir);
    expect(reopened.history().map((r) => r.fileName)).toEqual(['running-example.xes']);
    expect(reopened.loadCurrentLog()!.eventCount).toBe(42);
    reopened.close();
  });
});
