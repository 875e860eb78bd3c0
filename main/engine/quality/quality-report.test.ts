import { describe, expect, it } from 'vitest';
import { qualityReport } from './quality-report.ts';
import { summarizeSchema } from './schema-summary.ts';
import { buildLog, repeatCases } from './test-log.ts';

const KINDS = [
  'missing_values', 'duplicate_events', 'inconsistent_labels', 'unparseable_timestamps', 'future_timestamps', 'old_timestamps',
  'coarse_timestamps', 'many_ties', 'order_conflicts', 'incomplete_cases', 'missing_handoffs', 'delayed_ingestion', 'schema_drift', 'outlier_durations',
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
    const rows = repeatCases('c', 20, ['Receive', 'Check', 'Ship']).map(([c, a, m]): [string, string, number, string] => [c, a, m + 0.01, 'r1']);
    rows.push(['c0', 'Ship', 2.01, 'r1']); // duplicate
    rows.push(['x', 'receive', 5000, 'r1'], ['x', 'Check', 5001, 'r1'], ['x', 'Ship', 5002, 'r1']); // variant label
    const log = buildLog(rows);
    const report = qualityReport(log, { rejectedRows: [{ line: 70, reason: 'timestamp "TBD" could not be read' }], now, previousSchema: summarizeSchema(log) });
    expect(report.checks.find((c) => c.kind === 'duplicate_events')!.count).toBe(1);
    expect(report.checks.find((c) => c.kind === 'inconsistent_labels')!.count).toBe(1);
    expect(report.checks.find((c) => c.kind === 'unparseable_timestamps')!.count).toBe(1);
    expect(report.checks.find((c) => c.kind === 'schema_drift')).toMatchObject({ applicable: true, count: 0 });
    expect(report.health).toBe('red'); // 1 unparseable of 65 rows is over 1%
    expect(report.checks[0].severity).toBe('error');
    const firstEmpty = report.checks.findIndex((c) => c.count === 0);
    expect(report.checks.slice(firstEmpty).every((c) => c.count === 0 || !c.applicable)).toBe(true);
  });
});
