import { describe, expect, it } from 'vitest';
import { logFromTraces, type TestEvent } from '../../main/engine/analysis/logs.fixture.ts';
import { fitProcessStatistics } from '../features/index.ts';
import { eventAnomalies } from './event-anomalies.ts';

/*
 * 200 cases a → b, b one hour after a, done by r1 or r2 in turn, at hours spread over the day.
 * Case x1 waits 300 hours before b; case x2 has b done by "stranger"; nothing else is unusual.
 */
function traces(): Record<string, TestEvent[]> {
  const t: Record<string, TestEvent[]> = {};
  for (let k = 0; k < 200; k++) {
    const start = k * 60 * 7; // every 7 hours: every hour of the day is used about equally
    t[`c${k}`] = [
      { activity: 'a', at: start, resource: 'r0' },
      { activity: 'b', at: start + 60 + (k % 5) * 10, resource: k % 2 ? 'r1' : 'r2' },
    ];
  }
  t.x1 = [
    { activity: 'a', at: 0, resource: 'r0' },
    { activity: 'b', at: 300 * 60, resource: 'r1' },
  ];
  t.x2 = [
    { activity: 'a', at: 0, resource: 'r0' },
    { activity: 'b', at: 60, resource: 'stranger' },
  ];
  return t;
}

describe('eventAnomalies', () => {
  const log = logFromTraces(traces());
  const found = eventAnomalies(log, fitProcessStatistics(log), { top: 5 });

  it('ranks the very slow step and the stranger first, each with its cause in words', () => {
    expect(
      found
        .slice(0, 2)
        .map((e) => [e.case, e.cause])
        .sort(),
    ).toEqual([
      ['x1', 'wait'],
      ['x2', 'resource'],
    ]);
    const stranger = found.find((e) => e.case === 'x2')!;
    // Three resources seen at b (r1, r2 and the stranger once): a typical share 1/3 against the
    // stranger's smoothed share (1 + 0.5) / (202 + 0.5 · 4).
    expect(stranger.score).toBeCloseTo(1 / 3 / (1.5 / 204), 6);
    expect(stranger.reason).toBe('b done by stranger (1 of 202 b events)');
    expect(found.find((e) => e.case === 'x1')!.reason).toMatch(
      /^waited 300 h \(12\.5 days\) before b, usual ≤ 1\.\d h$/,
    );
    expect(found.find((e) => e.case === 'x1')!.at).toBe('2024-01-13T12:00:00.000Z');
  });

  it('reports only the cases asked for, against waits of every case', () => {
    const only = Uint8Array.from(log.caseIds, (id) => (id === 'x1' ? 1 : 0));
    const one = eventAnomalies(log, fitProcessStatistics(log), { cases: only });
    expect(new Set(one.map((e) => e.case))).toEqual(new Set(['x1']));
    expect(one[0].score).toBe(found.find((e) => e.case === 'x1')!.score);
  });
});
