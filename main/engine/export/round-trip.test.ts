/**
 * Export round trip (issue 12): every log in shared/data, read as an import reads it, exported
 * as CSV, XES and XES.gz, and read back, has the same statistics, directly-follows graph and
 * variants; the XES also parses in pm4js (its own DOM-based importer) with the same counts.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directlyFollows, toDirectlyFollowsGraph } from '../analysis/directly-follows.ts';
import { logStatistics } from '../analysis/statistics.ts';
import { variants } from '../analysis/variants.ts';
import type { EventLog } from '../eventlog/event-log.ts';
import { pairLifecycleTransitions } from '../eventlog/pair-lifecycle.ts';
import { parseCsvLog } from '../import/csv/parse-csv-log.ts';
import { testFolder } from '../import/csv/files.fixture.ts';
import { parseXesLog } from '../import/xes/parse-xes-log.ts';
import { exportLog, type LogExportFormat } from './export-log.ts';

const DATA = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const LOGS = readdirSync(DATA).filter((f) => f.endsWith('.csv') || f.endsWith('.xes'));
const files = testFolder('export');
afterAll(() => files.cleanup());

/** As importLog reads a file: parse by format, then pair lifecycle start/complete events. */
async function read(path: string, fileName: string): Promise<EventLog> {
  const ctx = { fileName };
  const parsed = fileName.endsWith('.csv') ? await parseCsvLog(path, {}, ctx) : await parseXesLog(path, ctx);
  expect(parsed.rejectedCount).toBe(0);
  return pairLifecycleTransitions(parsed.log)?.log ?? parsed.log;
}

/** The DFG by activity names (activity codes may be numbered differently after a round trip). */
function graph(log: EventLog) {
  const dfg = toDirectlyFollowsGraph(directlyFollows(log));
  return {
    nodes: Object.fromEntries(dfg.nodes.map((n) => [n.activity, n.count])),
    edges: Object.fromEntries(dfg.edges.map((e) => [`${e.from} → ${e.to}`, [e.count, e.meanSeconds, e.medianSeconds]])),
  };
}

const FORMATS: [LogExportFormat, string][] = [
  ['csv', 'csv'],
  ['xes', 'xes'],
  ['xes.gz', 'xes.gz'],
];

describe.each(LOGS)('%s exported and read back', (name) => {
  let original: EventLog;
  beforeAll(async () => {
    original = await read(`${DATA}${name}`, name);
  });

  it.each(FORMATS)('as %s: same statistics, directly-follows graph and variants', async (format, extension) => {
    const out = files.path(`${name}.${extension}`);
    const result = await exportLog(original, out, format, { logName: name });
    expect(result).toMatchObject({ cases: original.caseCount, events: original.eventCount });
    const back = await read(out, `${name}.${extension}`);
    expect(logStatistics(back)).toEqual(logStatistics(original));
    expect(graph(back)).toEqual(graph(original));
    expect(variants(back)).toEqual(variants(original));
    expect(back.caseIds.toSorted()).toEqual(original.caseIds.toSorted());
  });
});

interface Pm4jsLog {
  traces: {
    attributes: Record<string, { value: unknown }>;
    events: { attributes: Record<string, { value: unknown }> }[];
  }[];
}
interface Pm4jsGlobals {
  XesImporter: { apply(xml: string): Pm4jsLog };
}

describe('the exported XES in pm4js', () => {
  let pm4js: Pm4jsGlobals;
  beforeAll(() => {
    createRequire(import.meta.url)('pm4js');
    pm4js = globalThis as unknown as Pm4jsGlobals;
  });

  it.each(LOGS)('%s: same cases, events (start and complete apart) and variants', async (name) => {
    const original = await read(`${DATA}${name}`, name);
    const out = files.path(`${name}.pm4js.xes`);
    await exportLog(original, out, 'xes', { logName: name });
    const theirs = pm4js.XesImporter.apply(readFileSync(out, 'utf8'));
    const starts = original.startTimestamp ? original.startTimestamp.filter((t) => t === t).length : 0;
    expect(theirs.traces.length).toBe(original.caseCount);
    expect(theirs.traces.reduce((n, t) => n + t.events.length, 0)).toBe(original.eventCount + starts);
    // Variants over the events that are not lifecycle starts, in file order (which is time order).
    const counted = new Map<string, number>();
    for (const trace of theirs.traces) {
      const key = trace.events
        .filter((e) => e.attributes['lifecycle:transition']?.value !== 'start' || false)
        .map((e) => e.attributes['concept:name'].value)
        .join(',');
      counted.set(key, (counted.get(key) ?? 0) + 1);
    }
    const ours = variants(original);
    expect(Object.fromEntries(counted)).toEqual(Object.fromEntries(ours.map((v) => [v.activities.join(','), v.count])));
  });
});

describe('lifecycle edge: a start left unmatched before a paired completion', () => {
  // x: A starts at 0 and at 1, completes once at 2. First in, first out: the completion takes the
  // start at 0, and the start at 1 stays an event of its own. Both exports must keep it so.
  const XES = `<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1.0" xmlns="http://www.xes-standard.org/">
  <trace><string key="concept:name" value="x"/>
    <event><string key="concept:name" value="A"/><string key="lifecycle:transition" value="start"/><date key="time:timestamp" value="2024-01-01T00:00:00.000Z"/></event>
    <event><string key="concept:name" value="A"/><string key="lifecycle:transition" value="start"/><date key="time:timestamp" value="2024-01-01T00:01:00.000Z"/></event>
    <event><string key="concept:name" value="A"/><string key="lifecycle:transition" value="complete"/><date key="time:timestamp" value="2024-01-01T00:02:00.000Z"/></event>
  </trace>
</log>
`;
  it.each(FORMATS)('as %s', async (format, extension) => {
    const original = await read(files.write('unmatched.xes', XES), 'unmatched.xes');
    expect(original.eventCount).toBe(2);
    const out = files.path(`unmatched.${extension}`);
    await exportLog(original, out, format);
    const back = await read(out, `unmatched.${extension}`);
    expect(back.eventCount).toBe(2);
    expect(Array.from(back.startTimestamp!)).toEqual(Array.from(original.startTimestamp!));
    expect(logStatistics(back)).toEqual(logStatistics(original));
  });
});
