import { describe, expect, it } from 'vitest';
import { logFromTraces } from '../../../main/engine/analysis/logs.fixture.ts';
import { fitPrefixEncoding } from './prefix-encoding.ts';
import { encodePrefixes, utcWeekday } from './prefix-features.ts';
import { workloadAt } from './workload.ts';
import {
  completedCasePrefixes,
  latestCasesWithin,
  prefixLengthLimit,
  runningCaseRows,
  snapshotRows,
} from './prefix-rows.ts';

// Times are minutes after Monday 2024-01-01 00:00 UTC. A ends with "end"; B and C are running.
const log = logFromTraces(
  {
    A: [
      { activity: 'a', at: 0, resource: 'r1' },
      { activity: 'b', at: 60, resource: 'r2' },
      { activity: 'c', at: 180, resource: 'r2' },
      { activity: 'end', at: 240, resource: 'r1' },
    ],
    B: [
      { activity: 'a', at: 30, resource: 'r3' },
      { activity: 'b', at: 150, resource: 'r1' },
    ],
    C: [{ activity: 'a', at: 200, resource: 'r1' }],
  },
  { A: { region: 'EU', value: 10 }, B: { region: 'US', value: 20 }, C: { region: 'EU', value: 30 } },
);
const closes = Uint8Array.from([1, 0, 0]);
const all = Int32Array.from([0, 1, 2]);
const T0 = Date.UTC(2024, 0, 1);
const minutes = (m: number) => T0 + m * 60_000;

function column(table: ReturnType<typeof encodePrefixes>, name: string): number[] {
  const k = table.names.indexOf(name);
  expect(k, name).toBeGreaterThanOrEqual(0);
  return [...table.columns[k]];
}

describe('prefix rows', () => {
  it('takes prefixes 1..length−1 of completed cases, observed at each event, and drops those at or after a split', () => {
    const rows = completedCasePrefixes(log, Int32Array.from([0]), { maxLength: 40 });
    expect([...rows.length]).toEqual([1, 2, 3]);
    expect([...rows.observedAt]).toEqual([minutes(0), minutes(60), minutes(180)]);
    const cut = completedCasePrefixes(log, Int32Array.from([0]), { maxLength: 40, before: minutes(180) });
    expect([...cut.length]).toEqual([1, 2]);
    const capped = completedCasePrefixes(log, Int32Array.from([0]), { maxLength: 2 });
    expect([...capped.length]).toEqual([1, 2]);
  });

  it('also observes each prefix a set time after its event while the case still waits', () => {
    // Events at 0, 60, 180, 240 min; +30 and +90 min: kept only before the next event.
    const rows = completedCasePrefixes(log, Int32Array.from([0]), { maxLength: 40, sinceLastEventHours: [0.5, 1.5] });
    expect([...rows.observedAt]).toEqual([0, 30, 60, 90, 150, 180, 210].map(minutes));
    expect([...rows.length]).toEqual([1, 1, 2, 2, 2, 3, 3]);
  });

  it('keeps the latest cases whose rows fit a cap, counting rows as they would be made', () => {
    const two = logFromTraces({ X: ['a', 'b', 'c'], Y: ['a', 'b', 'c', 'd'], Z: ['a', 'b'] });
    const byStart = Int32Array.from([0, 1, 2]);
    // Rows per case: X 2, Y 3, Z 1 (prefixes 1..length−1).
    expect([...latestCasesWithin(two, byStart, { maxLength: 40 }, 4)]).toEqual([1, 2]);
    expect([...latestCasesWithin(two, byStart, { maxLength: 40 }, 6)]).toEqual([0, 1, 2]);
    // At least the latest case, even when it alone exceeds the cap.
    expect([...latestCasesWithin(two, byStart, { maxLength: 40 }, 0)]).toEqual([2]);
    const one = Int32Array.from([0]);
    expect(latestCasesWithin(log, one, { maxLength: 40, sinceLastEventHours: [0.5, 1.5] }, 100).length).toBe(1);
  });

  it('observes mid-wait when asked: half-way between events', () => {
    const rows = completedCasePrefixes(log, Int32Array.from([0]), { maxLength: 40, observeAt: 0.5 });
    expect([...rows.observedAt]).toEqual([minutes(30), minutes(120), minutes(210)]);
  });

  it('takes snapshots of the work in progress on an even grid (case A by hand)', () => {
    // A is open for 240 minutes; 4 rows → one snapshot an hour at 0, 60, 120, 180 (not 240: ended).
    const rows = snapshotRows(log, Int32Array.from([0]), { maxLength: 40, targetRows: 4 });
    expect(rows.spacingMs).toBe(3_600_000);
    expect([...rows.observedAt]).toEqual([0, 60, 120, 180].map(minutes));
    expect([...rows.length]).toEqual([1, 2, 2, 3]);
    // Before 150: 150 minutes open → 37.5 min spacing, snapshots at 0, 37.5, 75, 112.5.
    const early = snapshotRows(log, Int32Array.from([0]), { maxLength: 40, targetRows: 4, before: minutes(150) });
    expect([...early.length]).toEqual([1, 1, 2, 2]);
    expect(snapshotRows(log, Int32Array.from([0]), { maxLength: 2, targetRows: 4 }).count).toBe(3);
  });

  it('limits prefixes to min(40, 90th percentile of case length)', () => {
    // Lengths 4, 2, 1: the 90th percentile (nearest rank, ceil(0.9·3) = 3rd) is 4.
    expect(prefixLengthLimit(log, all)).toBe(4);
    expect(prefixLengthLimit(log, all, 3)).toBe(3);
  });
});

describe('prefix features', () => {
  const encoding = fitPrefixEncoding(log, all);
  const rows = completedCasePrefixes(log, Int32Array.from([0]), { maxLength: 40 });
  const table = encodePrefixes(log, rows, encoding, closes);

  it('counts what the case did so far (worked by hand for case A)', () => {
    expect(column(table, 'elapsed time (h)')).toEqual([0, 1, 3]);
    expect(column(table, 'events so far')).toEqual([1, 2, 3]);
    expect(column(table, 'time since the last event (h)')).toEqual([0, 0, 0]);
    expect(column(table, 'wait before the last event (h)')).toEqual([NaN, 1, 2]);
    expect(column(table, 'handoffs so far')).toEqual([0, 1, 1]);
    expect(column(table, 'resources so far')).toEqual([1, 2, 2]);
    expect(column(table, 'times b so far')).toEqual([0, 1, 1]);
    expect(column(table, 'waiting time before c so far (h)')).toEqual([0, 0, 2]);
    expect(column(table, 'last activity is b')).toEqual([0, 1, 0]);
    expect(column(table, 'last resource is r2')).toEqual([0, 1, 1]);
    expect(column(table, 'hour of the last event')).toEqual([0, 1, 3]);
    expect(column(table, 'weekday of the last event (0 = Monday)')).toEqual([0, 0, 0]);
    expect(column(table, 'region = EU')).toEqual([1, 1, 1]);
    expect(column(table, 'value')).toEqual([10, 10, 10]);
  });

  it('counts the workload at each moment: open cases, arrivals, active resources, queues', () => {
    // At 0 only A has started; at 60 A and B (a@30); at 180 A and B again (C starts at 200).
    expect(column(table, 'open cases')).toEqual([1, 2, 2]);
    expect(column(table, 'arrivals in the last 7 days')).toEqual([1, 2, 2]);
    // By 60: r1 (A.a), r3 (B.a), r2 (A.b); by 180 also r1 again: still 3.
    expect(column(table, 'resources active in the last day')).toEqual([1, 3, 3]);
    // At 180: A waits after c, B waits after b (at 150).
    expect(column(table, 'cases waiting after a')).toEqual([1, 1, 0]);
    expect(column(table, 'cases waiting after b')).toEqual([0, 1, 1]);
    expect(column(table, 'cases waiting after c')).toEqual([0, 0, 1]);
  });

  it('closes a completed case at its last event and lets windows expire', () => {
    const now = minutes(241);
    const running = encodePrefixes(log, runningCaseRows(log, Int32Array.from([1, 2]), now), encoding, closes);
    expect(column(running, 'open cases')).toEqual([2, 2]);
    expect(column(running, 'cases waiting after end')).toEqual([0, 0]);
    expect(column(running, 'time since the last event (h)')).toEqual(
      [(241 - 150) / 60, (241 - 200) / 60].map(Math.fround),
    );
    const later = encodePrefixes(
      log,
      runningCaseRows(log, Int32Array.from([1]), minutes(241 + 2 * 1440)),
      encoding,
      closes,
    );
    expect(column(later, 'resources active in the last day')).toEqual([0]);
    expect(column(later, 'arrivals in the last 7 days')).toEqual([3]);
    const weekLater = encodePrefixes(
      log,
      runningCaseRows(log, Int32Array.from([1]), minutes(30 + 7 * 1440)),
      encoding,
      closes,
    );
    // (t − 7 d, t] excludes A (0) and B (30, exactly 7 days before), keeps C (200).
    expect(column(weekLater, 'arrivals in the last 7 days')).toEqual([1]);
  });

  it('measures waits from the previous completion to the start when the log has start times', () => {
    const withStarts = logFromTraces({
      S: [
        { activity: 'a', at: 0 },
        { activity: 'b', at: 100, startAt: 40 },
        { activity: 'c', at: 130 },
      ],
    });
    const enc = fitPrefixEncoding(withStarts, Int32Array.from([0]));
    const t = encodePrefixes(
      withStarts,
      completedCasePrefixes(withStarts, Int32Array.from([0]), { maxLength: 40 }),
      enc,
      Uint8Array.from([1]),
    );
    expect(column(t, 'waiting time before b so far (h)')).toEqual([0, Math.fround(40 / 60)]);
  });

  it('maps a later log by name: an unseen category is all zeros, a missing column is missing', () => {
    const other = logFromTraces(
      {
        X: [
          { activity: 'b', at: 0 },
          { activity: 'zzz', at: 5 },
        ],
      },
      { X: { region: 'APAC' } },
    );
    const t = encodePrefixes(
      other,
      runningCaseRows(other, Int32Array.from([0]), minutes(10)),
      encoding,
      Uint8Array.from([0]),
    );
    expect(t.names).toEqual(table.names);
    expect(column(t, 'region = EU')).toEqual([0]);
    expect(column(t, 'value')).toEqual([NaN]);
    expect(column(t, 'times b so far')).toEqual([1]);
  });

  it('reads hours and weekdays in the encoding’s time zone', () => {
    const newYork = encodePrefixes(log, rows, { ...encoding, timeZone: 'America/New_York' }, closes);
    // Monday 00:00, 01:00 and 03:00 UTC are Sunday 19:00, 20:00 and 22:00 in New York (EST, UTC−5).
    expect(column(newYork, 'hour of the last event')).toEqual([19, 20, 22]);
    expect(column(newYork, 'weekday of the last event (0 = Monday)')).toEqual([6, 6, 6]);
    expect(column(newYork, 'events on Saturday or Sunday so far')).toEqual([1, 2, 3]);
  });

  it('knows the weekday of known dates', () => {
    expect(utcWeekday(Date.UTC(2024, 0, 1))).toBe(0); // a Monday
    expect(utcWeekday(Date.UTC(2024, 0, 7, 23, 59))).toBe(6); // a Sunday
    expect(utcWeekday(Date.UTC(1969, 11, 31))).toBe(2); // a Wednesday, before the epoch
  });
});

describe('workload per activity', () => {
  it('counts distinct resources per activity over the last 7 days', () => {
    // b was done by r2 (A, minute 60) and r1 (B, minute 150); a by r1, r3, r1.
    const load = workloadAt(log, closes, Float64Array.of(minutes(100), minutes(200), minutes(60 + 7 * 1440)), {
      resourcesPerActivity: true,
    });
    const b = log.activities.indexOf('b');
    const a = log.activities.indexOf('a');
    expect([...load.resourcesOnActivityLast7Days![b]]).toEqual([1, 2, 1]);
    // a: r1 (A at 0), r3 (B at 30) by minute 100; r1 again (C at 200) by 200; a week after minute 60 only C's r1 (at 200) is left.
    expect([...load.resourcesOnActivityLast7Days![a]]).toEqual([2, 2, 1]);
  });
});
