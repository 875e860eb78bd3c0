import { afterAll, describe, expect, it } from 'vitest';
import type { QualityFix } from '../../../preload/api.ts';
import { InputError } from '../errors.ts';
import { EventLogBuilder } from '../eventlog/event-log-builder.ts';
import type { EventLog } from '../eventlog/event-log.ts';
import { parseCsvLog } from '../import/csv/parse-csv-log.ts';
import { testFolder } from '../import/csv/files.fixture.ts';
import { applyFixes, excludeTimestamps, mergeLabels, setTimezone, validateFix } from './fixes.ts';
import { buildLog } from './log.fixture.ts';

const merge = (map: Record<string, string>): QualityFix => ({
  kind: 'merge_labels',
  description: 'merge',
  params: { map },
});
const dropDuplicates: QualityFix = { kind: 'drop_duplicates', description: 'drop', params: {} };

function labelsOf(log: ReturnType<typeof buildLog>): string[] {
  return Array.from(log.activity, (a) => log.activities[a]);
}

describe('applyFixes', () => {
  it('applies fixes in order: a merge can reveal duplicates', () => {
    const log = buildLog([
      ['c1', 'Approve', 0, 'r1'],
      ['c1', 'approve ', 0, 'r1'],
      ['c1', 'Ship', 1, 'r1'],
    ]);
    expect(applyFixes(log, [dropDuplicates, merge({ 'approve ': 'Approve' })]).eventCount).toBe(3);
    const fixed = applyFixes(log, [merge({ 'approve ': 'Approve' }), dropDuplicates]);
    expect(labelsOf(fixed)).toEqual(['Approve', 'Ship']);
    expect(Array.from(fixed.sourceRow)).toEqual([2, 4]);
    expect(log.eventCount).toBe(3); // the input is untouched
  });

  it('returns the same log for no fixes', () => {
    const log = buildLog([['c1', 'A', 0]]);
    expect(applyFixes(log, [])).toBe(log);
  });
});

describe('mergeLabels', () => {
  const log = buildLog([
    ['c1', 'a', 0],
    ['c1', 'b', 1],
    ['c2', 'c', 2],
    ['c2', 'd', 3],
  ]);

  it('follows chains and may introduce a new spelling', () => {
    const fixed = mergeLabels(log, { a: 'b', b: 'c', d: 'Done' });
    expect(labelsOf(fixed)).toEqual(['c', 'c', 'c', 'Done']);
    expect(fixed.activities).toEqual(['c', 'Done']);
  });

  it('refuses a cycle', () => {
    expect(() => mergeLabels(log, { a: 'b', b: 'a' })).toThrow(InputError);
  });

  it('ignores labels the log does not have', () => {
    expect(mergeLabels(log, { zzz: 'a' })).toBe(log);
  });
});

describe('setTimezone', () => {
  it('re-reads wall-clock times in another zone, with daylight saving', () => {
    const winter = Date.UTC(2024, 0, 15, 10); // read as 10:00 UTC
    const summer = Date.UTC(2024, 6, 15, 10);
    const log = buildLog(
      [
        ['c1', 'A', winter],
        ['c1', 'B', summer],
      ],
      { absolute: true },
    );
    const berlin = setTimezone(log, 'UTC', 'Europe/Berlin');
    expect(Array.from(berlin.timestamp)).toEqual([Date.UTC(2024, 0, 15, 9), Date.UTC(2024, 6, 15, 8)]);
    const back = setTimezone(berlin, 'Europe/Berlin', 'UTC');
    expect(Array.from(back.timestamp)).toEqual([winter, summer]);
    expect(Array.from(setTimezone(log, '+05:30', '-01:00').timestamp)).toEqual([
      winter + 6.5 * 3_600_000,
      summer + 6.5 * 3_600_000,
    ]);
  });

  it('re-sorts a case whose order the new reading changes', () => {
    // Berlin left summer time at 01:00Z on 2024-10-27. 00:30Z was 02:30 CEST and 01:10Z was
    // 02:10 CET on the wall; read as UTC wall-clock times they become 02:30Z and 02:10Z.
    const b = new EventLogBuilder();
    b.addEvent('c', 'A', Date.UTC(2024, 9, 27, 0, 30), null, 2);
    b.addEvent('c', 'B', Date.UTC(2024, 9, 27, 1, 10), null, 3);
    const fixed = setTimezone(b.finish(), 'Europe/Berlin', 'UTC');
    expect(labelsOf(fixed)).toEqual(['B', 'A']);
    expect(Array.from(fixed.timestamp)).toEqual([Date.UTC(2024, 9, 27, 2, 10), Date.UTC(2024, 9, 27, 2, 30)]);
    expect(() => setTimezone(b.finish(), 'UTC', 'Mars/Olympus')).toThrow(InputError);
  });
});

describe("setTimezone reads wall-clock times by the importer's rule", () => {
  const files = testFolder('set-timezone');
  afterAll(() => files.cleanup());
  // 02:30 on 2024-10-27 happens twice in Berlin (CEST +2 at 00:30Z, CET +1 at 01:30Z); the
  // importer takes the earlier one. 2024-07-01 12:00 is an ordinary summer time: 10:00Z.
  const csv = files.write('naive.csv', 'case,activity,time\nc1,A,2024-07-01 12:00:00\nc2,B,2024-10-27 02:30:00\n');
  const mapping = { case: 'case', activity: 'activity', timestamp: 'time' };
  const times = (log: EventLog) => ['c1', 'c2'].map((id) => log.timestamp[log.caseStart[log.caseIds.indexOf(id)]]);

  it('import as UTC then fix to Berlin equals import as Berlin', async () => {
    const asBerlin = (await parseCsvLog(csv, { ...mapping, timezone: 'Europe/Berlin' }, { fileName: 'naive.csv' })).log;
    const asUtc = (await parseCsvLog(csv, { ...mapping, timezone: 'UTC' }, { fileName: 'naive.csv' })).log;
    expect(times(asBerlin)).toEqual([Date.UTC(2024, 6, 1, 10), Date.UTC(2024, 9, 27, 0, 30)]);
    expect(times(setTimezone(asUtc, 'UTC', 'Europe/Berlin'))).toEqual([
      Date.UTC(2024, 6, 1, 10),
      Date.UTC(2024, 9, 27, 0, 30),
    ]);
  });
});

describe('validateFix', () => {
  it('accepts proposed fixes and refuses malformed ones', () => {
    expect(validateFix(merge({ a: 'b' })).kind).toBe('merge_labels');
    expect(() => validateFix({ kind: 'merge_labels', description: 'x', params: {} })).toThrow(InputError);
    expect(() => validateFix({ kind: 'format_disk', description: 'x', params: {} })).toThrow(/unknown kind/u);
    expect(() => validateFix(null)).toThrow(InputError);
    expect(() =>
      validateFix({ kind: 'exclude_bad_timestamps', description: 'x', params: { notBefore: 5, notAfter: null } }),
    ).toThrow(InputError);
  });

  it('refuses fixes that could never be applied: a merge cycle, a bound that is not a date', () => {
    expect(() => validateFix(merge({ A: 'B', B: 'A' }))).toThrow(/cycle/u);
    expect(() => validateFix(merge({ x: 'A', A: 'B', B: 'C', C: 'A' }))).toThrow(/cycle/u);
    expect(validateFix(merge({ A: 'A', B: 'A' })).kind).toBe('merge_labels'); // self-map is no cycle
    const exclude = (notBefore: string | null, notAfter: string | null) => ({
      kind: 'exclude_bad_timestamps',
      description: 'x',
      params: { notBefore, notAfter },
    });
    expect(() => validateFix(exclude('garbage', null))).toThrow(/notBefore "garbage" is not a date/u);
    expect(() => validateFix(exclude(null, '2024-13-45T00:00:00Z'))).toThrow(/notAfter/u);
    expect(validateFix(exclude('2020-01-01T00:00:00Z', null)).kind).toBe('exclude_bad_timestamps');
    expect(() =>
      validateFix({
        ...exclude(null, '2030-01-01T00:00:00Z'),
        params: { notBefore: null, notAfter: '2030-01-01T00:00:00Z', scope: 'rows' },
      }),
    ).toThrow(/scope/u);
    const incomplete = {
      kind: 'drop_incomplete_cases',
      description: 'x',
      params: { startActivities: [], endActivities: [], keepRunning: false, runningAfter: 'soon' },
    };
    expect(() => validateFix(incomplete)).toThrow(/runningAfter/u);
  });
});

describe('excluding misdated events or their whole cases', () => {
  // c1: Start, End (fine); c2: Start, End dated 2100 (its finish misdated); c3: Start dated 2100 alone.
  const log = buildLog(
    [
      ['c1', 'Start', Date.parse('2024-01-01T00:00:00Z')],
      ['c1', 'End', Date.parse('2024-01-02T00:00:00Z')],
      ['c2', 'Start', Date.parse('2024-01-03T00:00:00Z')],
      ['c2', 'End', Date.parse('2100-01-01T00:00:00Z')],
      ['c3', 'Start', Date.parse('2100-06-01T00:00:00Z')],
    ],
    { absolute: true },
  );
  const notAfter = '2030-01-01T00:00:00Z';
  it('by event: c2 keeps its start and now ends mid-process; c3 disappears', () => {
    const out = excludeTimestamps(log, null, notAfter);
    expect(out.eventCount).toBe(3);
    expect(Array.from(out.caseIds)).toEqual(['c1', 'c2']);
  });
  it('by case: every case holding a misdated event goes whole, so none turns into a running case', () => {
    const out = excludeTimestamps(log, null, notAfter, 'cases');
    expect(out.eventCount).toBe(2);
    expect(Array.from(out.caseIds)).toEqual(['c1']);
    expect(
      applyFixes(log, [
        { kind: 'exclude_bad_timestamps', description: 'x', params: { notBefore: null, notAfter, scope: 'cases' } },
      ]).caseCount,
    ).toBe(1);
  });
});
