import { describe, expect, it } from 'vitest';
import type { QualityCheck, QualityReport } from '../../../preload/api.ts';
import { unfixedErrors } from './unfixed-errors.ts';

const check = (over: Partial<QualityCheck>): QualityCheck => ({
  kind: 'future_timestamps',
  title: 'Timestamps in the future',
  severity: 'error',
  applicable: true,
  count: 46,
  unit: 'events',
  explanation: '',
  examples: [],
  fix: {
    kind: 'exclude_bad_timestamps',
    description: 'Exclude 46 events dated in the future',
    params: { notBefore: null, notAfter: '2026-12-04T00:00:00Z' },
  },
  ...over,
});
const report = (checks: QualityCheck[]): QualityReport => ({
  health: 'red',
  summary: { errors: 1, warnings: 0, infos: 0 },
  events: 30000,
  cases: 3818,
  checks,
  fixesInForce: [],
  naiveTimeZone: null,
  computedMs: 1,
});

describe('unfixed data-quality errors', () => {
  it('names the errors a fix would remove, with their count', () => {
    expect(
      unfixedErrors(
        report([
          check({}),
          check({ kind: 'duplicate_events', title: 'Duplicate events', severity: 'warning', count: 12 }),
        ]),
      ),
    ).toEqual(['Timestamps in the future: 46 events']);
  });
  it('says nothing once fixed (no fix offered), for checks without a fix, or with no report', () => {
    expect(unfixedErrors(report([check({ count: 0, fix: null })]))).toEqual([]);
    expect(unfixedErrors(report([check({ kind: 'schema_drift', fix: null })]))).toEqual([]);
    expect(unfixedErrors(null)).toEqual([]);
  });
});
