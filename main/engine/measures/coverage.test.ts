import { describe, expect, it } from 'vitest';
import { logFromTraces } from '../analysis/logs.fixture.ts';
import { computeMeasure } from './compute-measure.ts';
import { logSpan, partialPeriods } from './coverage.ts';
import { measuresLog } from './measures-log.fixture.ts';
import { periodGrid } from './periods.ts';
import { defaultMeasures } from './workspace-measures.ts';

const HOUR = 3_600_000;
const MONDAY = Date.parse('2024-01-01T00:00:00Z');

describe('periods the log covers only partly', () => {
  // measures-log.fixture.ts: events from hour 0 (Monday 2024-01-01 00:00 UTC) to hour 195 (Tuesday 2024-01-09 03:00).
  const log = measuresLog();

  it('measures the log’s span from its first to its last event', () => {
    expect(logSpan(log)).toEqual({ from: MONDAY, to: MONDAY + 195 * HOUR });
  });

  it('flags the last week (27 of 168 hours covered), not the first (covered from Monday 00:00)', () => {
    const grid = periodGrid(Float64Array.of(MONDAY, MONDAY + 190 * HOUR), 'week');
    const [last, ...rest] = partialPeriods(log, grid, 'week', null);
    expect(rest).toEqual([]);
    expect(last).toMatchObject({ index: 1, period: '2024-01-08' });
    expect(last.covered).toBeCloseTo(27 / 168, 6);
  });

  it('cuts periods in the user’s zone: a Berlin week starts at 23:00 UTC the day before', () => {
    const grid = periodGrid(Float64Array.of(MONDAY, MONDAY + 190 * HOUR), 'week', 'Europe/Berlin');
    // Week 1 begins 2023-12-31 23:00 UTC: the log misses its first hour (167/168 covered: whole enough).
    // Week 2 begins hour 167 UTC: 28 of its 168 hours are covered.
    const partial = partialPeriods(log, grid, 'week', 'Europe/Berlin');
    expect(partial).toHaveLength(1);
    expect(partial[0].covered).toBeCloseTo(28 / 168, 6);
  });

  it('flags both ends of a log that starts and ends mid-period', () => {
    const mid = logFromTraces({
      X: [
        { activity: 'a', at: 36 * 60 },
        { activity: 'b', at: 200 * 60 },
      ],
    });
    // Hours 36 (Tuesday 12:00) to 200: week 1 covered 132/168, week 2 covered 32/168.
    const grid = periodGrid(Float64Array.of(MONDAY + 36 * HOUR, MONDAY + 200 * HOUR), 'week');
    const partial = partialPeriods(mid, grid, 'week', null);
    expect(partial.map((p) => p.index)).toEqual([0, 1]);
    expect(partial[0].covered).toBeCloseTo(132 / 168, 6);
    expect(partial[1].covered).toBeCloseTo(32 / 168, 6);
  });

  it('throughput names its last week as partial: 2 cases in 27 hours are no drop', () => {
    const r = computeMeasure(log, defaultMeasures(), 'throughput', { period: 'week' });
    expect(r.summary.series.map((s) => s.value)).toEqual([3, 2]);
    expect(r.partialPeriods).toHaveLength(1);
    expect(r.notes.join(' ')).toMatch(/The log ends partway through the week of 2024-01-08 \(it covers 16% of it\)/);
  });
});
