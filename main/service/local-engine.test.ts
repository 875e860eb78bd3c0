import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobEvent } from '../../preload/api.ts';
import { createEngineService } from '../worker/engine-service.ts';
import { LocalEngine } from './local-engine.ts';

const DATA = new URL('../../../shared/data/', import.meta.url).pathname;
const temp = () => mkdtempSync(join(tmpdir(), 'gemba-engine-'));

function untilEnded(engine: { onJobEvent(l: (e: JobEvent) => void): () => void }, jobId: string): Promise<JobEvent> {
  return new Promise((resolve) => {
    const off = engine.onJobEvent((e) => {
      if (e.jobId === jobId && e.type !== 'progress') {
        off();
        resolve(e);
      }
    });
  });
}

describe('LocalEngine', () => {
  it('imports as a job with progress in bytes, then serves the log; jobs() remembers how it ended', async () => {
    const dir = temp();
    const engine = new LocalEngine({ mode: 'electron', userDataDir: join(dir, 'user'), defaultWorkspaceDir: dir });
    const ws = await engine.createWorkspace('project');
    expect(ws.path).toBe(join(dir, 'project'));
    const events: JobEvent[] = [];
    engine.onJobEvent((e) => events.push(e));
    const { jobId } = await engine.startImport({
      workspace: ws.path,
      file: { kind: 'path', path: join(DATA, 'receipt.xes') },
    });
    const end = await untilEnded(engine, jobId);
    expect(end).toMatchObject({ type: 'done', result: { cases: 1434, events: 8577 } });
    const reading = events.filter((e) => e.type === 'progress' && e.phase === 'reading');
    expect(reading.at(-1)).toMatchObject({ unit: 'bytes', done: 4064719, total: 4064719 });
    expect(await engine.jobs()).toEqual([end]);
    expect((await engine.statistics(ws.path)).cases).toBe(1434);
    expect((await engine.recentWorkspaces()).map((w) => w.path)).toEqual([ws.path]);
    await engine.close();
  });

  it('a map of a trimmed log still counts its cases against the whole log', async () => {
    const dir = temp();
    const engine = new LocalEngine({ mode: 'electron', userDataDir: join(dir, 'user'), defaultWorkspaceDir: dir });
    const ws = await engine.createWorkspace('p');
    const csv = join(dir, 'log.csv');
    // Case a runs in January, case b in March: trimming to February leaves neither, to January only a.
    writeFileSync(
      csv,
      'case,activity,time\na,A,2024-01-02T10:00:00Z\na,B,2024-01-03T10:00:00Z\nb,A,2024-03-02T10:00:00Z\nb,B,2024-03-03T10:00:00Z\n',
    );
    await engine.runImport(ws.path, csv, 'log.csv', {});
    const map = await engine.processMap(ws.path, {
      activities: 1,
      paths: 1,
      view: 'frequency',
      filters: [{ kind: 'timeRange', mode: 'trim', from: '2024-01-01T00:00:00Z', to: '2024-01-31T00:00:00Z' }],
    });
    expect(map.graph.cases).toBe(1);
    expect(map.totalCases).toBe(2);
    await engine.close();
  });

  it('says whether a workspace exists, and explains a missing one without the command line in the app', async () => {
    const dir = temp();
    const app = new LocalEngine({ mode: 'electron', userDataDir: join(dir, 'user'), defaultWorkspaceDir: dir });
    expect(await app.workspaceExists('orders')).toBeNull();
    const ws = await app.createWorkspace('orders');
    expect(await app.workspaceExists('orders')).toEqual({ path: ws.path, name: 'orders', openedAt: '' });
    expect(await app.workspaceExists(ws.path)).toMatchObject({ path: ws.path });
    const missing = app.openWorkspace(join(dir, 'moved-away'));
    await expect(missing).rejects.toThrow(/is not a Gemba workspace: the folder holds no workspace\.db/);
    await expect(missing).rejects.toMatchObject({ details: { hint: expect.not.stringMatching(/gemba /) } });
    await app.close();
    const cli = new LocalEngine({ mode: 'cli', userDataDir: join(dir, 'user2'), defaultWorkspaceDir: dir });
    await expect(cli.openWorkspace(join(dir, 'moved-away'))).rejects.toMatchObject({
      details: { hint: expect.stringMatching(/gemba import/) },
    });
    await cli.close();
  });

  it('filters the summary figures and hands out rejected rows', async () => {
    const dir = temp();
    const engine = new LocalEngine({ mode: 'electron', userDataDir: join(dir, 'user'), defaultWorkspaceDir: dir });
    const ws = await engine.createWorkspace('p');
    const csv = join(dir, 'log.csv');
    const rows = ['case,activity,time'];
    for (let i = 0; i < 200; i++)
      rows.push(`c${i % 20},${i % 2 ? 'B' : 'A'},2024-01-01T${String(i % 24).padStart(2, '0')}:00:00Z`);
    rows.push('c1,A,yesterday');
    writeFileSync(csv, rows.join('\n') + '\n');
    const summary = await engine.runImport(ws.path, csv, 'log.csv', {});
    expect(summary.rejectedRows).toBe(1);
    expect(await engine.rejectedRows(ws.path, summary.importId)).toEqual([
      { line: 202, reason: expect.stringMatching(/yesterday/) },
    ]);
    const filtered = await engine.statistics(ws.path, [{ kind: 'endpoints', start: ['B'] }]);
    const all = await engine.statistics(ws.path);
    // Each case cN holds rows i ≡ N (mod 20), so its activities alternate with N's parity; cases with odd N hold only B.
    expect(all.cases).toBe(20);
    expect(filtered.cases).toBe(10);
    await engine.close();
  });

  it('runs the same calls through the engine thread, errors included', async () => {
    const dir = temp();
    const service = createEngineService({ mode: 'electron', userDataDir: join(dir, 'user'), defaultWorkspaceDir: dir });
    const ws = await service.createWorkspace('threaded');
    const { jobId } = await service.startImport({
      workspace: ws.path,
      file: { kind: 'path', path: join(DATA, 'running-example.xes') },
    });
    await untilEnded(service, jobId);
    expect((await service.statistics(ws.path)).events).toBe(42);
    await expect(service.caseDetail(ws.path, 999)).rejects.toThrow(/no case number 999/);
    await expect(service.openWorkspace(join(dir, 'nothing-here'))).rejects.toThrow(/not a Gemba workspace/);
    await service.close();
  });

  it('in the browser mode refuses local paths: files arrive as uploads', async () => {
    const dir = temp();
    const engine = new LocalEngine({ mode: 'browser', userDataDir: join(dir, 'user'), defaultWorkspaceDir: dir });
    await expect(engine.previewCsv({ kind: 'path', path: join(DATA, 'running-example.csv') })).rejects.toThrow(
      /uploading it, not by its path/,
    );
    const ws = await engine.createWorkspace('p');
    await expect(
      engine.startImport({ workspace: ws.path, file: { kind: 'path', path: '/etc/passwd' } }),
    ).rejects.toThrow(/uploading it/);
    await engine.close();
  });
});
