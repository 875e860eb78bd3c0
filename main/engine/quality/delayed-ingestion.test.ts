import { describe, expect, it } from 'vitest';
import { delayedIngestion } from './delayed-ingestion.ts';
import { buildLog, min, type TestRow } from './log.fixture.ts';

describe('delayedIngestion', () => {
  const rows: TestRow[] = [];
  const lagMinutes = [...Array(20).fill(1), ...Array(10).fill(2), 3 * 24 * 60, 3 * 24 * 60, -10];
  lagMinutes.forEach((lag, i) => rows.push([`c${i}`, 'A', i * 10, 'r', { recorded_at: min(i * 10 + lag) }]));
  const log = buildLog(rows, { attributeTypes: { recorded_at: 'date' } });

  it('measures the lag and counts events beyond the far-out fence', () => {
    // Sorted lags (33): -10 min, 20 × 1 min, 10 × 2 min, 2 × 3 days. Q1 = 1 min, Q3 = 2 min,
    // fence = Q3 + 3·IQR = 5 min: the two 3-day lags are late; one record precedes its event.
    const check = delayedIngestion(log);
    expect(check.applicable).toBe(true);
    expect(check.count).toBe(2);
    expect(check.breakdown).toContainEqual({ label: 'recorded before they happened', count: 1 });
    expect(check.breakdown).toContainEqual({ label: 'median lag (s)', count: 60 });
    expect(check.examples.map((e) => e.caseId)).toEqual(['c30', 'c31']);
    // Durations read as everywhere else in Gemba (the map's format): 4320 min = "3 d", 1 min, 5 min.
    expect(check.examples[0].detail).toBe('"A" recorded 3 d after it happened');
    expect(check.explanation).toMatch(/median 1 min, .* more than 5 min late/u);
  });

  it('is not applicable without a recorded-time column', () => {
    expect(delayedIngestion(buildLog([['c', 'A', 0]])).applicable).toBe(false);
  });
});
