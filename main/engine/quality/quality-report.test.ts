import { describe, expect, it } from 'vitest';
import { qualityReport } from './quality-report.ts';
import { summarizeSchema } from './schema-summary.ts';
import { setTimezone } from './fixes.ts';
import { buildLog, repeatCases, type TestRow } from './log.fixture.ts';

const KINDS = [
  'missing_values',
  'duplicate_events',
  'inconsistent_labels',
  'unparseable_timestamps',
  'future_timestamps',
  'old_timestamps',
  'coarse_timestamps',
  'many_ties',
  'order_conflicts',
  'incomplete_cases',
  'missing_handoffs',
  'delayed_ingestion',
  'schema_drift',
  'outlier_durations',
];

describe('qualityReport', () => {
  const now = Date.UTC(2024, 5, 1);

  it('is green for a clean log and runs every check', () => {
    const log = buildLog(repeatCases('c', 20, ['Receive', 'Check', 'Ship']).map(([c, a, m]) => [c, a, m + 0.01, 'r1']));
    const report = qualityReport(log, { rejectedRows: [], now });
    expect(report.checks.map((c) => c.kind).sort()).toEqual([...KINDS].sort());
    expect(report.health).toBe('green');
    expect(report.summary).toEqual({ errors: 0, warnings: 0, infos: 0 });
    expect(report.checks.find((c) => c.kind === 'schema_drift')!.applicable).toBe(false);
  });

  it('turns amber or red and lists checks with findings first', () => {
    const rows = repeatCases('c', 20, ['Receive', 'Check', 'Ship']).map(
      ([c, a, m]): [string, string, number, string] => [c, a, m + 0.01, 'r1'],
    );
    rows.push(['c0', 'Ship', 2.01, 'r1']); // duplicate
    rows.push(['x', 'receive', 5000, 'r1'], ['x', 'Check', 5001, 'r1'], ['x', 'Ship', 5002, 'r1']); // variant label
    const log = buildLog(rows);
    const report = qualityReport(log, {
      rejectedRows: [{ line: 70, reason: 'timestamp "TBD" could not be read' }],
      now,
      previousSchema: summarizeSchema(log),
    });
    expect(report.checks.find((c) => c.kind === 'duplicate_events')!.count).toBe(1);
    expect(report.checks.find((c) => c.kind === 'inconsistent_labels')!.count).toBe(1);
    expect(report.checks.find((c) => c.kind === 'unparseable_timestamps')!.count).toBe(1);
    expect(report.checks.find((c) => c.kind === 'schema_drift')).toMatchObject({ applicable: true, count: 0 });
    expect(report.health).toBe('red'); // 1 unparseable of 65 rows is over 1%
    expect(report.checks[0].severity).toBe('error');
    const firstEmpty = report.checks.findIndex((c) => c.count === 0);
    expect(report.checks.slice(firstEmpty).every((c) => c.count === 0 || !c.applicable)).toBe(true);
  });

  it('reads midnight in the zone of the last time-zone fix in force, not the zone of the import', () => {
    // Ten dates imported as midnight UTC, then re-read as Berlin wall-clock time: 23:00Z the day
    // before (CET, +1) — midnight in Berlin, 23:00 in the zone recorded with the import.
    const rows: TestRow[] = [];
    for (let d = 0; d < 10; d++) rows.push(['c', `A${d}`, Date.UTC(2024, 0, 10 + d)]);
    const fixed = setTimezone(buildLog(rows, { absolute: true }), 'UTC', 'Europe/Berlin');
    expect(fixed.timestamp[0]).toBe(Date.UTC(2024, 0, 9, 23));
    const zoneFix = {
      kind: 'set_timezone',
      description: 'zone',
      params: { fromZone: 'UTC', toZone: 'Europe/Berlin' },
    } as const;
    const mapping = { case: 'case', activity: 'activity', timestamp: 'time', timezone: 'UTC' };
    const report = qualityReport(fixed, {
      mapping,
      fixesInForce: [{ id: 1, fix: zoneFix, appliedAt: '2024-06-01T00:00:00Z', user: 'ann' }],
      now,
    });
    expect(report.naiveTimeZone).toBe('Europe/Berlin');
    expect(report.checks.find((c) => c.kind === 'coarse_timestamps')).toMatchObject({
      count: 10,
      explanation: expect.stringMatching(/at midnight: the log records dates/u),
    });
    expect(qualityReport(fixed, { mapping, now }).naiveTimeZone).toBe('UTC');
    expect(qualityReport(fixed, { now }).naiveTimeZone).toBeNull();
  });
});
