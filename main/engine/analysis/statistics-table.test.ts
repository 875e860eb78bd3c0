import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { statisticsTable, type StatisticsRow } from './statistics-table.ts';
import { logFromTraces, runningExample, RUNNING_EXAMPLE_CSV } from './logs.fixture.ts';

/**
 * A hand log, times in minutes. Without start times a duration is the time since the previous
 * event of the case: A: b 10, c 20; B: c 20; C: b 5, b 60 (first events have none).
 * Case durations: A 30, B 20, C 65 minutes.
 */
const hand = () =>
  logFromTraces(
    {
      A: [
        { activity: 'a', at: 0, resource: 'r1' },
        { activity: 'b', at: 10, resource: 'r2' },
        { activity: 'c', at: 30, resource: 'r1' },
      ],
      B: [
        { activity: 'a', at: 0, resource: 'r1' },
        { activity: 'c', at: 20, resource: 'r2' },
      ],
      C: [
        { activity: 'a', at: 0, resource: 'r2' },
        { activity: 'b', at: 5, resource: 'r2' },
        { activity: 'b', at: 65 },
      ],
    },
    { A: { region: 'north', amount: 10 }, B: { region: 'south', amount: 2.5 }, C: { region: 'north', amount: 10 } },
  );

const row = (rows: StatisticsRow[], value: string) => rows.find((r) => r.value === value)!;

describe('statisticsTable by activity', () => {
  it('frequency, case frequency and the time since the previous event, worked out by hand', () => {
    const t = statisticsTable(hand(), null, { by: 'activity' });
    expect(t.events).toBe(8);
    expect(t.cases).toBe(3);
    expect(t.durationMeaning).toBe('time since the previous event of the case (the log has no start times)');
    expect(t.rows.map((r) => [r.value, r.frequency, r.caseFrequency])).toEqual([
      ['a', 3, 3],
      ['b', 3, 2],
      ['c', 2, 2],
    ]);
    expect(row(t.rows, 'a').relativeFrequency).toBe(3 / 8);
    expect(row(t.rows, 'a').durationSeconds).toBeNull();
    // b: 600, 300, 3600 s. Sorted 300, 600, 3600: P90 at h = 1.8 → 600 + 0.8·3000; P95 at h = 1.9.
    // Deviations from the mean 1500: −1200, −900, 2100; squares sum to 6,660,000; / (n−1) = 3,330,000.
    const b = row(t.rows, 'b').durationSeconds!;
    expect(b).toMatchObject({ count: 3, mean: 1500, median: 600, p90: 3000, min: 300, max: 3600, total: 4500 });
    expect(b.p95).toBeCloseTo(3300, 9);
    expect(b.standardDeviation).toBeCloseTo(Math.sqrt(3_330_000), 9);
    expect(row(t.rows, 'c').durationSeconds).toMatchObject({
      count: 2,
      mean: 1200,
      median: 1200,
      standardDeviation: 0,
      min: 1200,
      max: 1200,
    });
  });

  it('respects the case mask', () => {
    const t = statisticsTable(hand(), Uint8Array.from([1, 1, 0]), { by: 'activity' });
    expect(t.events).toBe(5);
    expect(row(t.rows, 'b')).toMatchObject({ frequency: 1, caseFrequency: 1, caseShare: 0.5 });
    expect(row(t.rows, 'b').durationSeconds).toMatchObject({ count: 1, mean: 600, standardDeviation: null });
  });

  it('with start times, the event duration from start to completion over the events that have one', () => {
    const log = logFromTraces({
      A: [
        { activity: 'a', startAt: 0, at: 5 },
        { activity: 'b', startAt: 10, at: 30 },
      ],
      B: [
        { activity: 'a', at: 0 },
        { activity: 'b', startAt: 1, at: 2 },
      ],
    });
    const t = statisticsTable(log, null, { by: 'activity' });
    expect(t.durationMeaning).toBe('activity duration, start to completion (events with a start time)');
    expect(row(t.rows, 'a').durationSeconds).toMatchObject({ count: 1, mean: 300 });
    expect(row(t.rows, 'b').durationSeconds).toMatchObject({ count: 2, mean: 630, median: 630, min: 60, max: 1200 });
  });
});

describe('statisticsTable by resource and attribute', () => {
  it('resources: events without one are counted apart', () => {
    const t = statisticsTable(hand(), null, { by: 'resource' });
    expect(t.withoutValue).toBe(1);
    expect(t.rows.map((r) => [r.value, r.frequency, r.caseFrequency])).toEqual([
      ['r2', 4, 3],
      ['r1', 3, 2],
    ]);
    // r2: A.b 600, B.c 1200, C.b 300 (C.a is a first event).
    expect(row(t.rows, 'r2').durationSeconds).toMatchObject({ count: 3, mean: 700, median: 600, min: 300, max: 1200 });
    expect(row(t.rows, 'r1').durationSeconds).toMatchObject({ count: 1, mean: 1200, standardDeviation: null });
  });

  it('case attribute values: events of their cases, cases, and case durations', () => {
    const t = statisticsTable(hand(), null, { by: 'attribute', attribute: 'region' });
    expect(t.level).toBe('case');
    expect(t.durationMeaning).toBe('case duration, first to last event');
    // north: cases A (30 min) and C (65 min); 1800 and 3900 s.
    expect(row(t.rows, 'north')).toMatchObject({ frequency: 6, caseFrequency: 2, caseShare: 2 / 3 });
    const north = row(t.rows, 'north').durationSeconds!;
    expect(north).toMatchObject({ count: 2, mean: 2850, median: 2850, p90: 1800 + 0.9 * 2100, min: 1800, max: 3900 });
    expect(north.standardDeviation).toBeCloseTo(Math.sqrt(2 * 1050 ** 2), 9);
    expect(row(t.rows, 'south')).toMatchObject({ frequency: 2, caseFrequency: 1 });
    const amount = statisticsTable(hand(), null, { by: 'attribute', attribute: 'amount' });
    expect(amount.rows.map((r) => [r.value, r.caseFrequency])).toEqual([
      ['10', 2],
      ['2.5', 1],
    ]);
  });

  it('an unknown attribute is an input error that lists the known ones', () => {
    expect(() => statisticsTable(hand(), null, { by: 'attribute', attribute: 'colour' })).toThrow(
      'The log has no attribute "colour".',
    );
    expect(() => statisticsTable(hand(), null, { by: 'attribute' })).toThrow(/need the attribute's name/);
  });
});

describe('statisticsTable on the running example', () => {
  it('frequencies and case frequencies equal a plain count of the CSV rows', () => {
    const lines = readFileSync(RUNNING_EXAMPLE_CSV, 'utf8').trim().split(/\r?\n/);
    const header = lines[0].split(',');
    const events = new Map<string, number>();
    const cases = new Map<string, Set<string>>();
    for (const line of lines.slice(1)) {
      const f = line.split(',');
      const activity = f[header.indexOf('concept:name')];
      events.set(activity, (events.get(activity) ?? 0) + 1);
      cases.set(activity, (cases.get(activity) ?? new Set()).add(f[header.indexOf('case:concept:name')]));
    }
    const t = statisticsTable(runningExample(), null, { by: 'activity' });
    expect(t.events).toBe(42);
    expect(Object.fromEntries(t.rows.map((r) => [r.value, [r.frequency, r.caseFrequency]]))).toEqual(
      Object.fromEntries([...events].map(([a, n]) => [a, [n, cases.get(a)!.size]])),
    );
    expect(t.rows.reduce((n, r) => n + r.frequency, 0)).toBe(42);
  });
});
