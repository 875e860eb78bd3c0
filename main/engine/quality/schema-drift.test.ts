import { describe, expect, it } from 'vitest';
import { schemaDrift } from './schema-drift.ts';
import { summarizeSchema } from './schema-summary.ts';
import { buildLog } from './log.fixture.ts';

describe('schemaDrift', () => {
  const before = summarizeSchema(
    buildLog([
      ['c1', 'A', 0, 'r1', { amount: 10, region: 'north', cost: 0 }],
      ['c1', 'B', 100, 'r1', { amount: 20, region: 'south', cost: 10 }],
    ]),
  );
  const after = summarizeSchema(
    buildLog([
      ['c1', 'A', 0, 'r1', { amount: 'n/a', channel: 'web', cost: 100 }],
      ['c1', 'C', 100, 'r1', { amount: 'ten', channel: 'shop', cost: 200 }],
    ]),
  );

  it('lists new and missing columns, changed types and ranges, and new labels', () => {
    const check = schemaDrift(before, after);
    const groups = Object.fromEntries(check.breakdown!.map((b) => [b.label, b.count]));
    expect(groups).toEqual({
      'new columns': 1, // channel
      'changed types': 1, // amount: number → string
      'changed ranges': 1, // cost 0..10 → 100..200
      'missing columns': 1, // region
      'new activity labels': 1, // C
      'missing activity labels': 1, // B
    });
    expect(check.count).toBe(6);
    expect(check.severity).toBe('warning');
  });

  it('treats a lost mapped column as an error, and says why it matters', () => {
    const noResource = summarizeSchema(
      buildLog([
        ['c1', 'A', 0],
        ['c1', 'B', 100],
      ]),
    );
    const withResource = summarizeSchema(
      buildLog([
        ['c1', 'A', 0, 'r1'],
        ['c1', 'B', 100, 'r2'],
      ]),
    );
    const check = schemaDrift(withResource, noResource);
    expect(check).toMatchObject({ count: 1, severity: 'error' });
    expect(check.explanation).toMatch(/no longer measure the same thing/);
  });

  it('does not judge an unrelated log as drift (issue 12): no labels in common is information', () => {
    // Orders A, B vs. fines X, Y, Z, with the resource column lost on top: another log, not a later period.
    const orders = summarizeSchema(
      buildLog([
        ['c1', 'A', 0, 'r1'],
        ['c1', 'B', 100, 'r2'],
      ]),
    );
    const fines = summarizeSchema(
      buildLog([
        ['f1', 'X', 0],
        ['f1', 'Y', 100],
        ['f2', 'Z', 50],
      ]),
    );
    const check = schemaDrift(orders, fines);
    expect(check.severity).toBe('info');
    expect(check.count).toBe(6); // resource gone, X Y Z new, A B gone
    expect(check.explanation).toMatch(
      /looks like a different log from the previous one \(0 activity labels in common\)/,
    );
    expect(check.explanation).toMatch(/Drift matters when two imports are periods of the same process/);
  });

  it('finds nothing between two imports of the same shape, and is not applicable without a previous one', () => {
    expect(schemaDrift(before, before).count).toBe(0);
    expect(schemaDrift(null, before).applicable).toBe(false);
  });
});
