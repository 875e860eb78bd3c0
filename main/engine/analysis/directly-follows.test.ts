import { describe, expect, it } from 'vitest';
import { END_NODE, START_NODE } from '../../../preload/api.ts';
import { directlyFollows, toDirectlyFollowsGraph } from './directly-follows.ts';
import { caseMask } from './filters.ts';
import { logFromTraces, runningExample } from './logs.fixture.ts';

// Running example worked out by hand from the CSV (cases in file order 3,2,1,6,5,4):
//  3: R EC CT D RI ET CT D P     2: R CT EC D P     1: R ET CT D RJ
//  6: R EC CT D P                5: R EC CT D RI CT EC D RI EC CT D RJ     4: R CT ET D RJ
const R = 'register request';
const EC = 'examine casually';
const ET = 'examine thoroughly';
const CT = 'check ticket';
const D = 'decide';
const RI = 'reinitiate request';
const P = 'pay compensation';
const RJ = 'reject request';

describe('directlyFollows on the running example', () => {
  const graph = directlyFollows(runningExample());
  const edge = (from: string, to: string) => graph.pathStats.find((p) => p.from === from && p.to === to);
  const node = (a: string) => graph.activityStats.find((s) => s.activity === a)!;

  it('counts activities', () => {
    expect(graph.cases).toBe(6);
    expect(graph.events).toBe(42);
    expect(Object.fromEntries(graph.nodes.map((n) => [n.activity, n.count]))).toEqual({
      [R]: 6,
      [EC]: 6,
      [ET]: 3,
      [CT]: 9,
      [D]: 9,
      [RI]: 3,
      [P]: 3,
      [RJ]: 3,
    });
  });

  it('counts the 16 directly-follows edges', () => {
    const counts = Object.fromEntries(graph.edges.map((e) => [`${e.from}>${e.to}`, e.count]));
    expect(counts).toEqual({
      [`${R}>${EC}`]: 3,
      [`${R}>${CT}`]: 2,
      [`${R}>${ET}`]: 1,
      [`${EC}>${CT}`]: 4,
      [`${CT}>${D}`]: 6,
      [`${D}>${RI}`]: 3,
      [`${RI}>${ET}`]: 1,
      [`${ET}>${CT}`]: 2,
      [`${D}>${P}`]: 3,
      [`${CT}>${EC}`]: 2,
      [`${EC}>${D}`]: 2,
      [`${D}>${RJ}`]: 3,
      [`${RI}>${CT}`]: 1,
      [`${RI}>${EC}`]: 1,
      [`${CT}>${ET}`]: 1,
      [`${ET}>${D}`]: 1,
    });
  });

  it('orders nodes and edges by frequency, ties by name', () => {
    expect(graph.nodes.map((n) => n.activity)).toEqual([CT, D, EC, R, ET, P, RI, RJ]);
    expect(graph.edges[0]).toMatchObject({ from: CT, to: D, count: 6 });
    expect(graph.edges[1]).toMatchObject({ from: EC, to: CT, count: 4 });
  });

  it('computes waiting times by hand', () => {
    // check ticket → decide: 6d16h44m, 22h12m, 20h06m, 30m, 2d2h06m, 2d1h38m
    expect(edge(CT, D)!.waitingTime).toEqual({
      meanSeconds: 1091760 / 6,
      medianSeconds: (79920 + 178680) / 2,
      minSeconds: 1800,
      maxSeconds: 578640,
      totalSeconds: 1091760,
    });
    // decide → pay compensation: 6d50m, 3d43m, 8d18h55m
    expect(edge(D, P)!.waitingTime.medianSeconds).toBe(521400);
    expect(edge(D, P)!.waitingTime.meanSeconds).toBe(1542480 / 3);
    expect(edge(R, ET)!.waitingTime.meanSeconds).toBe(83040);
    const foundation = toDirectlyFollowsGraph(graph).edges.find((e) => e.from === CT && e.to === D)!;
    expect(foundation).toEqual({ from: CT, to: D, count: 6, meanSeconds: 181960, medianSeconds: 129300 });
  });

  it('computes case frequency and repetitions', () => {
    expect(edge(EC, CT)!.caseCount).toBe(3);
    expect(edge(CT, D)!.caseCount).toBe(4);
    expect(edge(D, RI)!.caseCount).toBe(2);
    expect(node(CT)).toMatchObject({ count: 9, caseCount: 6, maxRepetitions: 3 });
    expect(node(EC)).toMatchObject({ count: 6, caseCount: 4, maxRepetitions: 3 });
    expect(node(RI)).toMatchObject({ count: 3, caseCount: 2, maxRepetitions: 2 });
    expect(node(R).serviceTime).toBeNull();
  });

  it('counts the most times a path is taken within one case', () => {
    // check ticket → decide: twice in case 3 (CT D … CT D) and in case 5 (CT D … EC CT D), once elsewhere.
    expect(edge(CT, D)!.maxRepetitions).toBe(2);
    // examine casually → check ticket: case 5 has R EC CT … RI EC CT.
    expect(edge(EC, CT)!.maxRepetitions).toBe(2);
    expect(edge(D, RI)!.maxRepetitions).toBe(2);
    expect(edge(R, EC)!.maxRepetitions).toBe(1);
    expect(edge(CT, EC)!.maxRepetitions).toBe(1);
    expect(graph.startPaths[0].maxRepetitions).toBe(1);
  });

  it('counts the transitions that pass through hidden activities', () => {
    // a: A B C; b: A C; c: A X B. Hiding B: A→C twice, once through B (case a); C never follows B.
    const log = logFromTraces({ a: ['A', 'B', 'C'], b: ['A', 'C'], c: ['A', 'X', 'B'] });
    const keep = new Uint8Array(log.activities.length).fill(1);
    keep[log.activities.indexOf('B')] = 0;
    const projected = directlyFollows(log, null, { keepActivities: keep });
    const path = (from: string, to: string) => projected.pathStats.find((p) => p.from === from && p.to === to)!;
    expect(path('A', 'C')).toMatchObject({ count: 2, throughHidden: 1 });
    expect(path('A', 'X')).toMatchObject({ count: 1, throughHidden: 0 });
    expect(directlyFollows(log).pathStats.every((p) => p.throughHidden === 0)).toBe(true);
  });

  it('keeps start and end paths apart from the edges', () => {
    expect(graph.startPaths.map((p) => [p.from, p.to, p.count])).toEqual([[START_NODE, R, 6]]);
    expect(graph.endPaths.map((p) => [p.from, p.to, p.count])).toEqual([
      [P, END_NODE, 3],
      [RJ, END_NODE, 3],
    ]);
    expect(graph.edges.some((e) => e.from === START_NODE || e.to === END_NODE)).toBe(false);
    expect(Object.keys(graph.edges[0]).sort()).toEqual(['count', 'from', 'meanSeconds', 'medianSeconds', 'to']);
  });

  it('honours a case mask', () => {
    const log = runningExample();
    const mask = caseMask(log, [{ kind: 'activities', activities: [P], mode: 'any' }]); // cases 3, 2, 6
    const masked = directlyFollows(log, mask);
    expect(masked.cases).toBe(3);
    expect(masked.events).toBe(19);
    expect(masked.edges.find((e) => e.from === CT && e.to === D)!.count).toBe(3);
  });

  it('projects onto shown activities', () => {
    const log = runningExample();
    const keep = new Uint8Array(log.activities.length);
    for (const a of [R, D, P, RJ]) keep[log.activities.indexOf(a)] = 1;
    const g = directlyFollows(log, null, { keepActivities: keep });
    const counts = Object.fromEntries(g.edges.map((e) => [`${e.from}>${e.to}`, e.count]));
    // R→D in every case; D→D where decide repeats (case 3 once, case 5 twice); D→P 3; D→RJ 3
    expect(counts).toEqual({ [`${R}>${D}`]: 6, [`${D}>${D}`]: 3, [`${D}>${P}`]: 3, [`${D}>${RJ}`]: 3 });
  });
});

describe('directlyFollows with start timestamps', () => {
  it('measures service time and waiting from completion to next start', () => {
    const log = logFromTraces({
      c1: [
        { activity: 'A', startAt: 0, at: 10 },
        { activity: 'B', startAt: 30, at: 40 },
      ],
      c2: [
        { activity: 'A', startAt: 0, at: 20 },
        { activity: 'B', startAt: 25, at: 60 },
      ],
    });
    const g = directlyFollows(log);
    expect(g.pathStats[0].waitingTime).toMatchObject({
      meanSeconds: (20 * 60 + 5 * 60) / 2,
      maxSeconds: 20 * 60,
      minSeconds: 5 * 60,
    });
    const a = g.activityStats.find((s) => s.activity === 'A')!;
    expect(a.serviceTime).toMatchObject({ meanSeconds: 15 * 60, medianSeconds: 15 * 60, totalSeconds: 30 * 60 });
    const b = g.activityStats.find((s) => s.activity === 'B')!;
    expect(b.serviceTime!.maxSeconds).toBe(35 * 60);
  });

  it('uses a working calendar when given', () => {
    // Friday 2024-01-05 16:00 → Monday 2024-01-08 10:00 with 9–17 Mon–Fri: 1h + 1h = 7200 s
    const friday16 = (4 * 24 + 16) * 60;
    const monday10 = (7 * 24 + 10) * 60;
    const log = logFromTraces({
      c: [
        { activity: 'A', at: friday16 },
        { activity: 'B', at: monday10 },
      ],
    });
    const calendar = { weekdays: [1, 2, 3, 4, 5], startHour: 9, endHour: 17, holidays: [] };
    expect(directlyFollows(log, null, { calendar }).edges[0].meanSeconds).toBe(7200);
    expect(directlyFollows(log).edges[0].meanSeconds).toBe(66 * 3600);
  });
});
