import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { DEFECT_KINDS, generateLog, parseCount, type GeneratedTruth } from './generate.ts';

/*
 * The truth is tallied while generating; these tests read the written file back with a reader
 * written here (not the generator's code, not Gemba's importer) and recount everything.
 */

/** Runs the DuckDB side of the map benchmark with --check (it throws on any difference from the truth). */
async function runDuckdbDfgCheck(csv: string): Promise<{ edges: number; variants: number }> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'bench/tasks/duckdb-dfg.ts', csv, '--check', `${csv}.truth.json`],
    { cwd: join(import.meta.dirname, '..') },
  );
  const line = stdout.split('\n').find((l) => l.startsWith('@@bench-result '))!;
  return JSON.parse(line.slice('@@bench-result '.length)) as { edges: number; variants: number };
}

const dir = mkdtempSync(join(tmpdir(), 'gemba-generate-'));
const EVENTS = 20_000;
const SEED = 7;

interface Row {
  caseId: string;
  activity: string;
  timestamp: string;
  resource: string;
  amount: string;
  region: string;
  channel: string;
  start?: string;
}

/** RFC 4180 reader: quoted fields, doubled quotes; enough for what the generator writes. */
function readCsv(text: string): { header: string[]; records: string[][] } {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  const header = records.shift()!;
  return { header, records };
}

function csvRows(path: string): Row[] {
  const { header, records } = readCsv(readFileSync(path, 'utf8'));
  const col = (name: string) => header.indexOf(name);
  const [c, a, t, r, am, rg, ch, st] = [
    'case:concept:name',
    'concept:name',
    'time:timestamp',
    'org:resource',
    'amount',
    'region',
    'case:channel',
    'start_timestamp',
  ].map(col);
  return records.map((f) => ({
    caseId: f[c],
    activity: f[a],
    timestamp: f[t],
    resource: f[r],
    amount: f[am],
    region: f[rg],
    channel: f[ch],
    start: st >= 0 ? f[st] : undefined,
  }));
}

/** A regex XES reader: the generator writes one attribute per line in a fixed shape. */
function xesRows(text: string): Row[] {
  const rows: Row[] = [];
  const attr = (block: string, key: string) => new RegExp(`key="${key}" value="([^"]*)"`).exec(block)?.[1] ?? '';
  for (const trace of text.split('<trace>').slice(1)) {
    const [head, ...events] = trace.split('<event>');
    const caseId = attr(head, 'concept:name');
    const channel = attr(head, 'channel');
    for (const e of events) {
      rows.push({
        caseId,
        channel,
        activity: attr(e, 'concept:name'),
        timestamp: attr(e, 'time:timestamp'),
        resource: attr(e, 'org:resource'),
        amount: attr(e, 'amount'),
        region: attr(e, 'region'),
      });
    }
  }
  return rows;
}

interface Recount {
  cases: number;
  events: number;
  activities: Record<string, number>;
  starts: Record<string, number>;
  ends: Record<string, number>;
  edges: Map<string, number[]>;
  variants: Map<string, number>;
  traces: Map<string, { row: Row; time: number }[]>;
}

/** Groups rows by case, orders each case by parsed time (file order on ties), and recounts. */
function recount(rows: Row[]): Recount {
  const traces = new Map<string, { row: Row; time: number }[]>();
  for (const row of rows) {
    let list = traces.get(row.caseId);
    if (!list) traces.set(row.caseId, (list = []));
    list.push({ row, time: Date.parse(row.timestamp) });
  }
  const out: Recount = {
    cases: traces.size,
    events: rows.length,
    activities: {},
    starts: {},
    ends: {},
    edges: new Map(),
    variants: new Map(),
    traces,
  };
  const inc = (o: Record<string, number>, k: string) => (o[k] = (o[k] ?? 0) + 1);
  for (const list of traces.values()) {
    const sorted = [...list].sort((x, y) => x.time - y.time);
    sorted.forEach((e, i) => {
      inc(out.activities, e.row.activity);
      if (i === 0) return;
      const key = `${sorted[i - 1].row.activity} -> ${e.row.activity}`;
      if (!out.edges.has(key)) out.edges.set(key, []);
      out.edges.get(key)!.push((e.time - sorted[i - 1].time) / 1000);
    });
    inc(out.starts, sorted[0].row.activity);
    inc(out.ends, sorted[sorted.length - 1].row.activity);
    const v = sorted.map((e) => e.row.activity).join(' > ');
    out.variants.set(v, (out.variants.get(v) ?? 0) + 1);
  }
  return out;
}

function sortedMedian(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

describe('generateLog: determinism', () => {
  it('gives identical bytes for the same seed, in every format', async () => {
    for (const format of ['csv', 'xes', 'xes.gz'] as const) {
      const a = join(dir, `det-a.${format}`);
      const b = join(dir, `det-b.${format}`);
      await generateLog({ events: 3000, seed: 11, format, out: a, dirty: true });
      await generateLog({ events: 3000, seed: 11, format, out: b, dirty: true });
      expect(readFileSync(a).equals(readFileSync(b)), format).toBe(true);
      expect(readFileSync(`${a}.truth.json`, 'utf8')).toBe(readFileSync(`${b}.truth.json`, 'utf8'));
    }
  });

  it('gives different logs for different seeds', async () => {
    await generateLog({ events: 3000, seed: 1, format: 'csv', out: join(dir, 's1.csv') });
    await generateLog({ events: 3000, seed: 2, format: 'csv', out: join(dir, 's2.csv') });
    expect(readFileSync(join(dir, 's1.csv')).equals(readFileSync(join(dir, 's2.csv')))).toBe(false);
  });

  it('writes .xes.gz that decompresses to exactly the .xes of the same seed', async () => {
    await generateLog({ events: 3000, seed: 5, format: 'xes', out: join(dir, 'z.xes') });
    await generateLog({ events: 3000, seed: 5, format: 'xes.gz', out: join(dir, 'z.xes.gz') });
    expect(gunzipSync(readFileSync(join(dir, 'z.xes.gz'))).equals(readFileSync(join(dir, 'z.xes')))).toBe(true);
  });
});

describe('generateLog: the truth agrees with a recount of the clean CSV', () => {
  let truth: GeneratedTruth;
  let rows: Row[];
  let count: Recount;
  beforeAll(async () => {
    const out = join(dir, 'clean.csv');
    truth = await generateLog({ events: EVENTS, seed: SEED, format: 'csv', out, startTimestamps: true });
    rows = csvRows(out);
    count = recount(rows);
  });

  it('counts cases, events, activities, start and end activities', () => {
    expect(truth.events).toBeGreaterThanOrEqual(EVENTS);
    expect(truth.events).toBeLessThan(EVENTS + 40); // whole cases: the last one overshoots a little
    expect(count.events).toBe(truth.events);
    expect(truth.rowsWritten).toBe(truth.events);
    expect(count.cases).toBe(truth.cases);
    expect(count.activities).toEqual(truth.activities);
    expect(count.starts).toEqual({ 'Receive Order': truth.cases });
    expect(count.ends).toEqual({ 'Close Order': truth.cases });
    expect(truth.startActivities).toEqual(count.starts);
    expect(truth.endActivities).toEqual(count.ends);
  });

  it('writes the file in time order within each case, without ties', () => {
    for (const list of count.traces.values())
      for (let i = 1; i < list.length; i++) expect(list[i].time).toBeGreaterThan(list[i - 1].time);
  });

  it('has the exact directly-follows counts, mean and median waits', () => {
    expect(truth.dfg.length).toBe(count.edges.size);
    for (const e of truth.dfg) {
      const durations = count.edges.get(`${e.from} -> ${e.to}`)!;
      expect(durations, `${e.from} -> ${e.to}`).toBeDefined();
      expect(e.count).toBe(durations.length);
      expect(e.meanSeconds).toBeCloseTo(durations.reduce((s, x) => s + x, 0) / durations.length, 6);
      expect(e.medianSeconds).toBe(sortedMedian(durations));
    }
  });

  it('has the exact variants, most frequent first', () => {
    expect(truth.variants.length).toBe(count.variants.size);
    for (const v of truth.variants) expect(count.variants.get(v.activities.join(' > '))).toBe(v.count);
    for (let i = 1; i < truth.variants.length; i++)
      expect(truth.variants[i].count).toBeLessThanOrEqual(truth.variants[i - 1].count);
  });

  it('has the exact time range', () => {
    let min = Infinity;
    let max = -Infinity;
    for (const r of rows) {
      const t = Date.parse(r.timestamp);
      min = Math.min(min, t);
      max = Math.max(max, t);
    }
    expect(truth.timeRange).toEqual([new Date(min).toISOString(), new Date(max).toISOString()]);
  });

  it('writes start timestamps between the previous completion and the completion', () => {
    for (const list of count.traces.values()) {
      list.forEach((e, i) => {
        const start = Date.parse(e.row.start!);
        expect(start).toBeLessThanOrEqual(e.time);
        if (i > 0) expect(start).toBeGreaterThan(list[i - 1].time);
      });
    }
  });

  it('lists exactly the cases that break the anomaly rules', () => {
    const found = new Map<string, string>();
    const { longestNormalCaseSeconds } = truth.anomalies;
    for (const [id, list] of count.traces) {
      const acts = list.map((e) => e.row.activity);
      const amount = Number(list[0].row.amount);
      const amends = acts.filter((a) => a === 'Amend Order').length;
      const seconds = (list[list.length - 1].time - list[0].time) / 1000;
      if (amount > 5000 && !acts.includes('Approve Order') && !acts.includes('Reject Order'))
        found.set(id, 'skipped_approval');
      if (amends >= 4) found.set(id, 'rework_loop');
      if (seconds > longestNormalCaseSeconds) found.set(id, 'extreme_duration');
      const contractor = list.find((e) => e.row.resource.startsWith('Contractor'));
      if (contractor) {
        found.set(id, 'night_work');
        // The contractor's step is at night or at a weekend in the case's own offset.
        const local = new Date(Date.parse(contractor.row.timestamp.slice(0, 19) + 'Z'));
        expect(local.getUTCHours() >= 22 || local.getUTCHours() < 6 || local.getUTCDay() % 6 === 0).toBe(true);
      }
      if (amount >= 1_000_000) found.set(id, 'extreme_value');
      expect(amends <= 2 || amends >= 4).toBe(true);
    }
    expect(Object.fromEntries(found)).toEqual(Object.fromEntries(truth.anomalies.cases.map((a) => [a.caseId, a.kind])));
    for (const kind of ['skipped_approval', 'rework_loop', 'extreme_duration', 'night_work', 'extreme_value'] as const)
      expect(truth.anomalies.counts[kind]).toBeGreaterThan(0);
    expect(truth.anomalies.shortestExtremeCaseSeconds!).toBeGreaterThan(longestNormalCaseSeconds);
  });

  it('has one edge whose mean wait is several times any other', () => {
    const means = [...count.edges]
      .map(([k, d]) => ({ k, mean: d.reduce((s, x) => s + x, 0) / d.length }))
      .sort((a, b) => b.mean - a.mean);
    expect(means[0].k).toBe(`${truth.bottleneck.from} -> ${truth.bottleneck.to}`);
    expect(truth.bottleneck.meanSeconds).toBeCloseTo(means[0].mean, 6);
    expect(means[0].mean).toBeGreaterThan(3 * means[1].mean);
    expect(truth.bottleneck.nextSlowestEdge!.meanSeconds).toBeCloseTo(means[1].mean, 6);
  });

  it('shows the distribution shift: a new activity only after the date, and a slower step', () => {
    const shiftAt = Date.parse(truth.shift.date);
    let before = 0;
    let after = 0;
    let withNew = 0;
    const waits = { before: [] as number[], after: [] as number[] };
    for (const list of count.traces.values()) {
      const late = list[0].time >= shiftAt;
      if (late) after++;
      else before++;
      if (list.some((e) => e.row.activity === truth.shift.newActivity)) {
        expect(late).toBe(true);
        withNew++;
      }
      list.forEach((e, i) => {
        if (i > 0 && e.row.activity === truth.shift.slowerActivity)
          (late ? waits.after : waits.before).push((e.time - list[i - 1].time) / 1000);
      });
    }
    expect([before, after, withNew]).toEqual([
      truth.shift.casesBefore,
      truth.shift.casesAfter,
      truth.shift.casesWithNewActivity,
    ]);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(truth.shift.meanWaitSecondsBefore).toBeCloseTo(mean(waits.before), 6);
    expect(truth.shift.meanWaitSecondsAfter).toBeCloseTo(mean(waits.after), 6);
    expect(truth.shift.meanWaitSecondsAfter).toBeGreaterThan(2 * truth.shift.meanWaitSecondsBefore);
  });

  it('agrees with DuckDB, a second (SQL) implementation, on DFG counts, mean and median waits and variants', async () => {
    const result = await runDuckdbDfgCheck(join(dir, 'clean.csv'));
    expect(result.edges).toBe(truth.dfg.length);
    expect(result.variants).toBe(truth.variants.length);
  });

  it('writes case:channel once per case (the same on every row) and ISO timestamps with an offset', () => {
    for (const list of count.traces.values()) expect(new Set(list.map((e) => e.row.channel)).size).toBe(1);
    for (const r of rows.slice(0, 500)) expect(r.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
  });
});

describe('generateLog: XES', () => {
  it('holds the same log as the CSV of the same seed', async () => {
    const truth = await generateLog({ events: 5000, seed: 3, format: 'xes', out: join(dir, 'same.xes') });
    const csvTruth = await generateLog({ events: 5000, seed: 3, format: 'csv', out: join(dir, 'same.csv') });
    const fromXes = recount(xesRows(readFileSync(join(dir, 'same.xes'), 'utf8')));
    const fromCsv = recount(csvRows(join(dir, 'same.csv')));
    expect(fromXes.cases).toBe(truth.cases);
    expect(fromXes.activities).toEqual(truth.activities);
    expect(new Map([...fromXes.edges].map(([k, d]) => [k, d.length]))).toEqual(
      new Map(truth.dfg.map((e) => [`${e.from} -> ${e.to}`, e.count])),
    );
    expect(fromXes.variants).toEqual(fromCsv.variants);
    const { generator: _g1, ...restXes } = truth;
    const { generator: _g2, ...restCsv } = csvTruth;
    expect(restXes).toEqual(restCsv);
  });
});

describe('generateLog: dirty mode injects each defect at its recorded count', () => {
  let truth: GeneratedTruth;
  let clean: GeneratedTruth;
  let rows: Row[];
  beforeAll(async () => {
    clean = await generateLog({ events: EVENTS, seed: SEED, format: 'csv', out: join(dir, 'clean2.csv') });
    truth = await generateLog({ events: EVENTS, seed: SEED, format: 'csv', out: join(dir, 'dirty.csv'), dirty: true });
    rows = csvRows(join(dir, 'dirty.csv'));
  });

  it('is the clean log of the same seed plus defects', () => {
    const { generator: _a, describes: _b, rowsWritten: _c, dirty: _d, ...dirtyStats } = truth;
    const { generator: _e, describes: _f, rowsWritten: _g, dirty: _h, ...cleanStats } = clean;
    expect(dirtyStats).toEqual(cleanStats);
    expect(rows.length).toBe(truth.rowsWritten);
    const d = truth.dirty!.injected;
    expect(truth.rowsWritten).toBe(truth.events + d.duplicate_events - d.incomplete_cases);
    for (const n of Object.values(d)) expect(n).toBeGreaterThan(10);
  });

  it('recounts missing values per column', () => {
    const byColumn = {
      'org:resource': rows.filter((r) => r.resource === '').length,
      amount: rows.filter((r) => r.amount === '').length,
      region: rows.filter((r) => r.region === '').length,
    };
    expect(byColumn).toEqual(truth.dirty!.details.missingValuesByColumn);
    expect(byColumn['org:resource'] + byColumn.amount + byColumn.region).toBe(truth.dirty!.injected.missing_values);
    expect(
      rows.filter((r) => r.caseId === '' || r.activity === '' || r.timestamp === '' || r.channel === '').length,
    ).toBe(0);
  });

  it('recounts exact duplicates (same case, activity, timestamp, resource)', () => {
    const seen = new Set<string>();
    let extra = 0;
    for (const r of rows) {
      const key = [r.caseId, r.activity, r.timestamp, r.resource].join('\u0000');
      if (seen.has(key)) extra++;
      else seen.add(key);
    }
    expect(extra).toBe(truth.dirty!.injected.duplicate_events);
  });

  it('recounts labels that are not one of the clean activities', () => {
    const canonical = new Set(Object.keys(clean.activities));
    const odd = rows.filter((r) => !canonical.has(r.activity));
    expect(odd.length).toBe(truth.dirty!.injected.inconsistent_labels);
    for (const r of odd) {
      const target = truth.dirty!.details.labelMergeMap[r.activity];
      expect(canonical.has(target)).toBe(true);
      expect(r.activity.trim().toLowerCase().replace(/\s+/g, ' ').length).toBeGreaterThan(0);
    }
  });

  it('recounts unparseable and future timestamps', () => {
    expect(rows.filter((r) => Number.isNaN(Date.parse(r.timestamp))).length).toBe(
      truth.dirty!.injected.unparseable_timestamps,
    );
    const now = Date.now();
    const future = rows.filter((r) => Date.parse(r.timestamp) > now);
    expect(future.length).toBe(truth.dirty!.injected.future_timestamps);
    for (const r of future) expect(Number(r.timestamp.slice(0, 4))).toBeGreaterThanOrEqual(2099);
  });

  it('recounts events that come before their predecessor in the file', () => {
    const last = new Map<string, number>();
    let conflicts = 0;
    for (const r of rows) {
      const t = Date.parse(r.timestamp);
      if (Number.isNaN(t)) continue;
      const prev = last.get(r.caseId);
      if (prev !== undefined && t < prev) conflicts++;
      last.set(r.caseId, t);
    }
    expect(conflicts).toBe(truth.dirty!.injected.order_conflicts);
  });

  it('recounts cases that do not start with the start activity or end with the end activity', () => {
    const byCase = recount(rows.filter((r) => !Number.isNaN(Date.parse(r.timestamp))));
    let missingStart = 0;
    let missingEnd = 0;
    for (const list of byCase.traces.values()) {
      const sorted = [...list].sort((a, b) => a.time - b.time);
      if (sorted[0].row.activity !== 'Receive Order') missingStart++;
      if (sorted[sorted.length - 1].row.activity !== 'Close Order') missingEnd++;
    }
    expect([missingStart, missingEnd]).toEqual([
      truth.dirty!.details.incompleteMissingStart,
      truth.dirty!.details.incompleteMissingEnd,
    ]);
    expect(missingStart + missingEnd).toBe(truth.dirty!.injected.incomplete_cases);
  });

  it('records the affected cases of each kind', () => {
    const dirty = truth.dirty!;
    for (const kind of DEFECT_KINDS) expect(dirty.cases[kind].length, kind).toBe(dirty.injected[kind]);
    expect(new Set(DEFECT_KINDS.flatMap((k) => dirty.cases[k])).size).toBe(
      DEFECT_KINDS.reduce((n, k) => n + dirty.injected[k], 0),
    );
  });
});

describe('parseCount', () => {
  it('reads plain numbers and k/M suffixes', () => {
    expect([parseCount('1000'), parseCount('100k'), parseCount('1M'), parseCount('10m'), parseCount('1e6')]).toEqual([
      1000, 100_000, 1_000_000, 10_000_000, 1_000_000,
    ]);
    expect(() => parseCount('lots')).toThrow();
  });
});
