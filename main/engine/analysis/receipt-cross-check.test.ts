/**
 * Cross-check on a real log: receipt.xes read by our streaming XES parser, analysed by our
 * columnar code, against pm4js (its own DOM-based XES importer and its DFG and variant code).
 * pm4js walks events in file order; we order them by timestamp (stable), so the pm4js traces
 * are stably sorted by timestamp first, the same convention PM4Py applies.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EventLog } from '../eventlog/event-log.ts';
import { parseXesLog } from '../import/xes/parse-xes-log.ts';
import { directlyFollows } from './directly-follows.ts';
import { variants } from './variants.ts';

const RECEIPT = fileURLToPath(new URL('../../../../shared/data/receipt.xes', import.meta.url));

interface Pm4jsEvent {
  attributes: Record<string, { value: unknown }>;
}
interface Pm4jsLog {
  traces: { events: Pm4jsEvent[] }[];
}
interface Pm4jsGlobals {
  XesImporter: { apply(xml: string): Pm4jsLog };
  FrequencyDfgDiscovery: {
    apply(log: Pm4jsLog): {
      pathsFrequency: Record<string, number>;
      startActivities: Record<string, number>;
      endActivities: Record<string, number>;
    };
  };
  PerformanceDfgDiscovery: { apply(log: Pm4jsLog): { pathsPerformance: Record<string, number> } };
  GeneralLogStatistics: { getVariants(log: Pm4jsLog): Record<string, number> };
}

let ours: EventLog;
let theirs: Pm4jsLog;
let pm4js: Pm4jsGlobals;

beforeAll(async () => {
  ours = (await parseXesLog(RECEIPT, { fileName: 'receipt.xes' })).log;
  createRequire(import.meta.url)('pm4js');
  pm4js = globalThis as unknown as Pm4jsGlobals;
  theirs = pm4js.XesImporter.apply(readFileSync(RECEIPT, 'utf8'));
  const time = (e: Pm4jsEvent) => (e.attributes['time:timestamp'].value as Date).getTime();
  for (const trace of theirs.traces) trace.events.sort((a, b) => time(a) - time(b));
  theirs.traces = theirs.traces.filter((t) => t.events.length > 0);
}, 120_000);

describe('receipt.xes against pm4js', () => {
  it('has the same cases and events', () => {
    expect(ours.caseCount).toBe(theirs.traces.length);
    expect(ours.eventCount).toBe(theirs.traces.reduce((n, t) => n + t.events.length, 0));
    expect(ours.caseCount).toBe(1434);
    expect(ours.eventCount).toBe(8577);
  });

  it('has the same directly-follows counts, start and end activities', () => {
    const graph = directlyFollows(ours);
    const reference = pm4js.FrequencyDfgDiscovery.apply(theirs);
    expect(Object.fromEntries(graph.edges.map((e) => [`${e.from},${e.to}`, e.count]))).toEqual(
      reference.pathsFrequency,
    );
    expect(Object.fromEntries(graph.startPaths.map((p) => [p.to, p.count]))).toEqual(reference.startActivities);
    expect(Object.fromEntries(graph.endPaths.map((p) => [p.from, p.count]))).toEqual(reference.endActivities);
    expect(graph.edges.length).toBeGreaterThan(50);
  });

  it('has the same mean waiting time per edge', () => {
    const graph = directlyFollows(ours);
    const reference = pm4js.PerformanceDfgDiscovery.apply(theirs).pathsPerformance;
    expect(graph.edges.length).toBe(Object.keys(reference).length);
    for (const e of graph.edges) expect(e.meanSeconds).toBeCloseTo(reference[`${e.from},${e.to}`], 6);
  });

  it('has the same variants and counts', () => {
    const list = variants(ours);
    const reference = pm4js.GeneralLogStatistics.getVariants(theirs);
    expect(Object.fromEntries(list.map((v) => [v.activities.join(','), v.count]))).toEqual(reference);
    expect(list.reduce((n, v) => n + v.count, 0)).toBe(1434);
    for (let k = 1; k < list.length; k++) expect(list[k - 1].count).toBeGreaterThanOrEqual(list[k].count);
  });
});
