import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalEngine } from './local-engine.ts';

// Worked out by hand. Case a (January, region EU): A by Ann → B by Bob → C by Ann.
// Case b (March, region US): A by Ann → C by Cid. Case c (March, US): A by Ann → B by Ann → C by Cid.
const CSV = [
  'case,activity,time,resource,region',
  'a,A,2024-01-02T10:00:00Z,Ann,EU',
  'a,B,2024-01-03T10:00:00Z,Bob,EU',
  'a,C,2024-01-04T10:00:00Z,Ann,EU',
  'b,A,2024-03-02T10:00:00Z,Ann,US',
  'b,C,2024-03-02T12:00:00Z,Cid,US',
  'c,A,2024-03-05T10:00:00Z,Ann,US',
  'c,B,2024-03-05T11:00:00Z,Ann,US',
  'c,C,2024-03-05T12:00:00Z,Cid,US',
].join('\n');

async function engineWithLog() {
  const dir = mkdtempSync(join(tmpdir(), 'gemba-map-views-'));
  const engine = new LocalEngine({ mode: 'electron', userDataDir: join(dir, 'user'), defaultWorkspaceDir: dir });
  const ws = await engine.createWorkspace('p');
  const csv = join(dir, 'log.csv');
  writeFileSync(csv, `${CSV}\n`);
  await engine.runImport(ws.path, csv, 'log.csv', {});
  return { engine, ws: ws.path };
}

describe('map views over a workspace', () => {
  it('draws the handover of work of the filtered cases', async () => {
    const { engine, ws } = await engineWithLog();
    const all = await engine.handoverMap(ws, { activities: 1, paths: 1, view: 'frequency' });
    expect(Object.fromEntries(all.graph.pathStats.map((p) => [`${p.from}→${p.to}`, p.count]))).toEqual({
      'Ann→Bob': 1,
      'Bob→Ann': 1,
      'Ann→Cid': 2,
      'Ann→Ann': 1,
    });
    const us = await engine.handoverMap(ws, {
      activities: 1,
      paths: 1,
      view: 'frequency',
      filters: [{ kind: 'eventAttribute', attribute: 'region', values: ['US'] }],
    });
    expect(us.graph.cases).toBe(2);
    expect(us.graph.pathStats.map((p) => `${p.from}→${p.to}`).sort()).toEqual(['Ann→Ann', 'Ann→Cid']);
    await engine.close();
  });

  it('replays the filtered cases over the shown activities', async () => {
    const { engine, ws } = await engineWithLog();
    const replay = await engine.replayPaths(ws, {
      activities: ['A', 'C'],
      filters: [{ kind: 'timeRange', mode: 'started', from: '2024-03-01T00:00:00Z', to: '2024-03-31T00:00:00Z' }],
    });
    // b and c, B left out: b A→C in 2 h, c A→C in 2 h starting 3 days later.
    expect(replay).toMatchObject({
      cases: 2,
      caseOffsets: [0, 2, 4],
      activity: [0, 1, 0, 1],
      time: [0, 7200, 259_200, 266_400],
    });
    await engine.close();
  });

  it('compares two segments within the filters in force', async () => {
    const { engine, ws } = await engineWithLog();
    const region = (value: string) => ({
      label: value,
      filters: [{ kind: 'eventAttribute' as const, attribute: 'region', values: [value] }],
    });
    const result = await engine.compareSegments(ws, {
      a: region('EU'),
      b: region('US'),
      map: { activities: 1, paths: 1, view: 'frequency' },
    });
    expect([result.casesA, result.casesB]).toEqual([1, 2]);
    // A→B: 1 of 1 EU case, 1 of 2 US cases → -50 points; A→C only in US (case b): 1 of 2 → +50 points.
    const find = (from: string, to: string) =>
      result.elements.find((e) => e.kind === 'path' && e.from === from && e.to === to);
    expect(find('A', 'B')).toMatchObject({ casesA: 1, casesB: 1, shareDifference: -0.5 });
    expect(find('A', 'C')).toMatchObject({ casesA: 0, casesB: 1, shareDifference: 0.5 });
    expect(result.mapA.graph.cases).toBe(1);
    // The view's own filters apply to both: only case c is left in US.
    const narrowed = await engine.compareSegments(ws, {
      a: region('EU'),
      b: region('US'),
      filters: [{ kind: 'activities', activities: ['B'], mode: 'all' }],
      map: { activities: 1, paths: 1, view: 'frequency' },
    });
    expect([narrowed.casesA, narrowed.casesB]).toEqual([1, 1]);
    await engine.close();
  });
});
