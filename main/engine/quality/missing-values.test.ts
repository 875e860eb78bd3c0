import { describe, expect, it } from 'vitest';
import { missingValues } from './missing-values.ts';
import { buildLog } from './log.fixture.ts';

describe('missingValues', () => {
  // Worked out by hand: resource missing twice (null, 'NULL'), region twice ('', 'N/A'),
  // amount twice (never set in c2), case once (a rejected row), timestamp never ("could not be
  // read" is not an empty value).
  const log = buildLog([
    ['c1', 'A', 0, 'r1', { region: 'north', amount: 10 }],
    ['c1', 'B', 1, null, { region: '', amount: 5 }],
    ['c2', 'A', 2, 'NULL', { region: 'N/A' }],
    ['c2', 'B', 3, 'r2', { region: 'south' }],
  ]);
  const rejectedRows = [
    { line: 9, reason: 'case id is empty (column "id")' },
    { line: 10, reason: 'timestamp "x" in column "case time" does not match ISO 8601' },
  ];

  it('counts empty and placeholder cells per column', () => {
    const check = missingValues(log, { rejectedRows });
    const by = Object.fromEntries(check.breakdown!.map((b) => [b.label, b.count]));
    expect(by).toEqual({ case: 1, activity: 0, timestamp: 0, resource: 2, region: 2, amount: 2 });
    expect(check.count).toBe(7);
    expect(check.severity).toBe('warning');
  });

  it('links examples to the first row of each column', () => {
    const check = missingValues(log, { rejectedRows });
    const resource = check.examples.find((e) => e.detail.startsWith('resource'))!;
    expect(resource).toMatchObject({ caseId: 'c1', line: 3 });
    const amount = check.examples.find((e) => e.detail.startsWith('amount'))!;
    expect(amount).toMatchObject({ caseId: 'c2', line: 4 });
    expect(check.examples.find((e) => e.detail.startsWith('case'))!.line).toBeUndefined();
  });

  it('is clean and informational for a complete log', () => {
    const clean = buildLog([
      ['c1', 'A', 0, 'r1'],
      ['c1', 'B', 1, 'r2'],
    ]);
    const check = missingValues(clean);
    expect(check.count).toBe(0);
    expect(check.severity).toBe('info');
  });

  it('counts every event when a resource column was mapped but is empty throughout', () => {
    const noResources = buildLog([
      ['c1', 'A', 0],
      ['c1', 'B', 1],
      ['c2', 'A', 2],
    ]);
    expect(missingValues(noResources).count).toBe(0);
    expect(missingValues(noResources, { resourceMapped: true }).count).toBe(3);
  });
});
