import { describe, expect, it } from 'vitest';
import { LOAD_DEPENDENT_WAIT } from '../../bench/generator/seasonal-load.ts';
import { BOTTLENECK } from '../../bench/generator/order-to-cash.ts';
import { logFromTraces } from '../../main/engine/analysis/logs.fixture.ts';
import { trainBottleneckModel } from './bottleneck.ts';
import { bottlenecksNow, hoursStepByStep, latestWorkInProgress, LEAST_LOAD_RESPONSE_HOURS } from './bottlenecks-now.ts';
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
    expect(() => trainBottleneckModel(sixty, { endActivities: ['reg'] })).toThrow(
      /needs at least 50 completed cases .* 0 completed of 60/,
    );
  });
});

describe('when and in what unit bottlenecks are read (by hand)', () => {
  const ev = (activity: string, at: number) => ({ activity, at });
  it('reads the workload at the last moment with the usual number of cases open, not at an empty end', () => {
    const closes = (log: ReturnType<typeof logFromTraces>) =>
      Uint8Array.from({ length: log.caseCount }, (_, c) =>
        log.activities[log.activity[log.caseStart[c + 1] - 1]] === 'close' ? 1 : 0,
      );
    // Cut mid-flight: A 0–100, B 10, C 20, D 30 still running. Open at starts 1, 2, 3, 4 (median 2):
    // D's start at 30 min is the last with at least 2 open.
    const cut = logFromTraces({
      A: [ev('s', 0), ev('close', 100)],
      B: [ev('s', 10)],
      C: [ev('s', 20)],
      D: [ev('s', 30)],
    });
    expect(latestWorkInProgress(cut, closes(cut))).toBe(cut.timestamp[cut.caseStart[cut.caseIds.indexOf('D')]]);
    // All complete. Open counts at the starts: A 1, B 2, C 2 (B ended at 50), E 3, D 1 (all ended at 300).
    // Median 2: the last start with at least 2 open is E's at 70 min, not the log's end.
    const done = logFromTraces({
      A: [ev('s', 0), ev('close', 100)],
      B: [ev('s', 10), ev('close', 50)],
      C: [ev('s', 60), ev('close', 200)],
      E: [ev('s', 70), ev('close', 150)],
      D: [ev('s', 300), ev('close', 310)],
    });
    const c = done.caseIds.indexOf('E');
    expect(latestWorkInProgress(done, closes(done))).toBe(done.timestamp[done.caseStart[c]]);
  });

  it('turns log(1 + hours) contributions into hours added in turn, summing exactly', () => {
    // Base ln(1 + 1 h) = ln 2; +ln 2 doubles 1 + h to 4 (3 h, +2 h), then −ln 4 brings it to 1 (0 h, −3 h).
    const { baseHours, hours } = hoursStepByStep(Math.log(2), [Math.log(2), -Math.log(4)]);
    expect(baseHours).toBeCloseTo(1, 12);
    expect(hours[0]).toBeCloseTo(2, 12);
    expect(hours[1]).toBeCloseTo(-3, 12);
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
    const w = waitsOf(
      g.log,
      Int32Array.from({ length: g.log.caseCount }, (_, c) => c),
    );
    const meanWait = (to: string, from?: string) => {
      const hours = [...w.hours].filter(
        (_, k) => g.log.activities[w.activity[k]] === to && (!from || g.log.activities[w.from[k]] === from),
      );
      return hours.reduce((a, b) => a + b, 0) / hours.length;
    };
    expect(meanWait(BOTTLENECK.to, BOTTLENECK.from)).toBeGreaterThan(meanWait(LOAD_DEPENDENT_WAIT.activity));
    const slow = model.activities.find((m) => m.activity === BOTTLENECK.to)!;
    expect(Math.abs(slow.loadResponseHours)).toBeLessThan(model.activities[0].loadResponseHours / 2);
  });

  it('names the activity in a bottleneck finding, explained additively, with the cases heading there', () => {
    const findings = bottlenecksNow(g.log, model, { now: g.cutAt });
    const top = findings[0];
    expect(top).toMatchObject({
      kind: 'bottleneck',
      activity: LOAD_DEPENDENT_WAIT.activity,
      id: `bottleneck:${LOAD_DEPENDENT_WAIT.activity}`,
    });
    for (const f of findings)
      expect(f.baseValue + f.explanation.reduce((s, x) => s + x.contribution, 0)).toBeCloseTo(f.prediction, 9);
    // In hours: the prediction is the wait expected now (expected = max(0, prediction)).
    for (const f of findings) expect(f.kpiEffect.expectedWaitNowHours).toBeCloseTo(Math.max(0, f.prediction), 6);
    // No finding whose wait does not grow with load.
    expect(findings.every((f) => f.score >= LEAST_LOAD_RESPONSE_HOURS)).toBe(true);
    expect(findings.length).toBeLessThanOrEqual(model.activities.length);
    expect(top.conditions.at(-1)).toMatch(/^waiting before Pick Items: .* h at low load, .* h at high load/);
    expect(top.cases.length).toBe(Math.min(20, top.kpiEffect.casesHeadingThere));
    // Each case heading there is scored with its own way in, at today's load.
    for (const c of top.cases) expect(c.expectedWaitHours).toBeGreaterThan(0);
    const ids = new Set(g.log.caseIds);
    expect(top.cases.every((c) => ids.has(c.case))).toBe(true);
  });
});
