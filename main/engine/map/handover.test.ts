import { describe, expect, it } from 'vitest';
import { logFromTraces } from '../analysis/logs.fixture.ts';
import { handoverLog, handoverMap } from './handover.ts';

// Worked out by hand: one event a minute (minutes 0, 1, 2, 3 within each case).
// c1: Ann, Bob, Bob, Ann → Ann→Bob, Bob→Bob, Bob→Ann; starts and ends with Ann.
// c2: Ann, (no resource), Cid → Ann→Cid over 2 minutes (the event without a resource is skipped).
// c3: only an event without a resource → not on the handover map at all.
const log = logFromTraces({
  c1: [
    { activity: 'A', at: 0, resource: 'Ann' },
    { activity: 'B', at: 1, resource: 'Bob' },
    { activity: 'C', at: 2, resource: 'Bob' },
    { activity: 'D', at: 3, resource: 'Ann' },
  ],
  c2: [
    { activity: 'A', at: 0, resource: 'Ann' },
    { activity: 'B', at: 1 },
    { activity: 'C', at: 2, resource: 'Cid' },
  ],
  c3: [{ activity: 'X', at: 0 }],
});

const paths = (m: Awaited<ReturnType<typeof handoverMap>>) =>
  Object.fromEntries(
    m.graph.pathStats.map((p) => [
      `${p.from}→${p.to}`,
      { count: p.count, cases: p.caseCount, meanWait: p.waitingTime.meanSeconds },
    ]),
  );

describe('handover of work', () => {
  it('keeps every case index so the filters’ case mask still applies', () => {
    const byResource = handoverLog(log);
    expect(byResource.caseCount).toBe(3);
    expect(byResource.eventCount).toBe(6);
    expect(Array.from(byResource.caseStart)).toEqual([0, 4, 6, 6]);
    expect(handoverLog(log)).toBe(byResource); // computed once per log
  });

  it('counts resource → resource transitions, loops and waiting times', async () => {
    const map = await handoverMap(log, null, { activities: 1, paths: 1, view: 'frequency' });
    expect(map.graph.cases).toBe(2);
    expect(Object.fromEntries(map.graph.activityStats.map((a) => [a.activity, a.count]))).toEqual({
      Ann: 3,
      Bob: 2,
      Cid: 1,
    });
    expect(paths(map)).toEqual({
      'Ann→Bob': { count: 1, cases: 1, meanWait: 60 },
      'Bob→Bob': { count: 1, cases: 1, meanWait: 60 },
      'Bob→Ann': { count: 1, cases: 1, meanWait: 60 },
      'Ann→Cid': { count: 1, cases: 1, meanWait: 120 },
    });
    expect(map.graph.startPaths.map((p) => [p.to, p.count])).toEqual([['Ann', 2]]);
    expect(map.svg).toContain('Bob');
  });

  it('follows the case mask of the filters', async () => {
    const map = await handoverMap(log, Uint8Array.from([0, 1, 1]), { activities: 1, paths: 1, view: 'frequency' });
    expect(map.graph.cases).toBe(1);
    expect(Object.keys(paths(map))).toEqual(['Ann→Cid']);
  });

  it('says what to do when the log has no resources', async () => {
    const bare = logFromTraces({ c1: ['A', 'B'] });
    await expect(handoverMap(bare, null, { activities: 1, paths: 1, view: 'frequency' })).rejects.toThrow(
      /no resources/,
    );
  });
});
