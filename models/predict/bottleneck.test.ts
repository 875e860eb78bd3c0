import { describe, expect, it } from 'vitest';
import { LOAD_DEPENDENT_WAIT } from '../../bench/generator/seasonal-load.ts';
import { BOTTLENECK } from '../../bench/generator/order-to-cash.ts';
import { logFromTraces } from '../../main/engine/analysis/logs.fixture.ts';
import { trainBottleneckModel } from './bottleneck.ts';
import { bottlenecksNow } from './bottlenecks-now.ts';
import { generatedLog } from './generated-log.fixture.ts';
import { transitionProbabilities, waitsOf } from './waits.ts';

describe('waits and transitions (by hand)', () => {
  const ev = (activity: string, at: number, startAt?: number) => ({ activity, at, startAt });
  const log = logFromTraces({ A: [ev('a', 0), ev('b', 60), ev('c', 120, 90)], B: [ev('a', 0), ev('c', 30)] });
  it('measures each wait from the previous completion to the start (or completion)', () => {
    const w = waitsOf(log, Int32Array.from([0, 1]));
    expect([...w.hours]).toEqual([1, 0.5, 0.5]);
    expect([...w.activity].map((a) => log.activities[a])).toEqual(['b', 'c', 'c']);
    const p = transitionProbabilities(log.activities.length, w);
    const [a, b, c] = ['a', 'b', 'c'].map((x) => log.activities.indexOf(x));
    expect([p[a][b], p[a][c], p[b][c]]).toEqual([0.5, 0.5, 1]);
  });

  it('refuses in words, not with a crash, a log where no activity has enough waits', () => {
    // 60 cases reg → close, all completed and safe: 60 waits, all before close.
    const sixty = logFromTraces(Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`c${i}`, ['reg', 'close']])));
    expect(() => trainBottleneckModel(sixty, { endActivities: ['close'], minWaits: 61 })).toThrow(
      'No activity has the 61 waits a bottleneck model learns from: the most is 60, before "close", among 60 completed cases.',
    );
    // Ending with reg (never last) leaves no completed case at all.
    expect(() => trainBottleneckModel(sixty, { endActivities: ['reg'] })).toThrow(/needs at least 50 completed cases .* 0 completed of 60/);
  });
});

describe('bottleneck model on a generated log with a load-dependent wait', () => {
  const g = generatedLog(3000, { cutAtShare: 0.9, seed: 5 });
  const model = trainBottleneckModel(g.log, { rounds: 60 });

  it('tells waits apart by where the case comes from (Dispatch Shipment after Pick Items or after Send Invoice)', () => {
    const dispatch = model.activities.find((m) => m.activity === BOTTLENECK.to)!;
    expect(dispatch.predecessors).toContain(BOTTLENECK.from);
    expect(dispatch.ensemble.featureNames).toContain(`comes from ${BOTTLENECK.from}`);
  });

  it('ranks the activity whose wait depends on load first, not the longest wait', () => {
    expect(model.activities[0].activity).toBe(LOAD_DEPENDENT_WAIT.activity);
    expect(model.activities[0].highLoadWaitHours).toBeGreaterThan(2 * model.activities[0].lowLoadWaitHours);
    // The static bottleneck (Pick Items → Dispatch Shipment) waits longer on average, but ignores load.
    const w = waitsOf(g.log, Int32Array.from({ length: g.log.caseCount }, (_, c) => c));
    const meanWait = (to: string, from?: string) => {
      const hours = [...w.hours].filter((_, k) => g.log.activities[w.activity[k]] === to && (!from || g.log.activities[w.from[k]] === from));
      return hours.reduce((a, b) => a + b, 0) / hours.length;
    };
    expect(meanWait(BOTTLENECK.to, BOTTLENECK.from)).toBeGreaterThan(meanWait(LOAD_DEPENDENT_WAIT.activity));
    const slow = model.activities.find((m) => m.activity === BOTTLENECK.to)!;
    expect(Math.abs(slow.loadResponseHours)).toBeLessThan(model.activities[0].loadResponseHours / 2);
  });

  it('names the activity in a bottleneck finding, explained additively, with the cases heading there', () => {
    const findings = bottlenecksNow(g.log, model, { now: g.cutAt });
    const top = findings[0];
    expect(top).toMatchObject({ kind: 'bottleneck', activity: LOAD_DEPENDENT_WAIT.activity, id: `bottleneck:${LOAD_DEPENDENT_WAIT.activity}` });
    for (const f of findings) expect(f.baseValue + f.explanation.reduce((s, x) => s + x.contribution, 0)).toBeCloseTo(f.prediction, 9);
    expect(top.conditions.at(-1)).toMatch(/^waiting before Pick Items: .* h at low load, .* h at high load/);
    expect(top.cases.length).toBe(Math.min(20, top.kpiEffect.casesHeadingThere));
    // Each case heading there is scored with its own way in, at today's load.
    for (const c of top.cases) expect(c.expectedWaitHours).toBeGreaterThan(0);
    const ids = new Set(g.log.caseIds);
    expect(top.cases.every((c) => ids.has(c.case))).toBe(true);
  });
});
