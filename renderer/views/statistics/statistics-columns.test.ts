import { describe, expect, it } from 'vitest';
import type { StatisticsRow } from '../../../preload/api.ts';
import { cellText, descendingFirst, sortStatisticsRows } from './statistics-columns.ts';

function row(value: string, frequency: number, median: number | null): StatisticsRow {
  return {
    value,
    frequency,
    relativeFrequency: frequency / 20,
    caseFrequency: frequency,
    caseShare: frequency / 2000,
    durationSeconds:
      median === null
        ? null
        : {
            count: frequency,
            mean: median,
            median,
            p90: median,
            p95: median,
            standardDeviation: null,
            min: median,
            max: median,
            total: median * frequency,
          },
  };
}

const rows = [row('b', 8, 3600), row('a10', 5, null), row('a9', 5, 60), row('c', 2, 86_400)];

describe('sortStatisticsRows', () => {
  it('sorts numbers both ways, keeping the engine order for ties', () => {
    expect(sortStatisticsRows(rows, 'frequency', true).map((r) => r.value)).toEqual(['b', 'a10', 'a9', 'c']);
    expect(sortStatisticsRows(rows, 'frequency', false).map((r) => r.value)).toEqual(['c', 'a10', 'a9', 'b']);
  });

  it('puts unknown durations last in either direction', () => {
    expect(sortStatisticsRows(rows, 'median', true).map((r) => r.value)).toEqual(['c', 'b', 'a9', 'a10']);
    expect(sortStatisticsRows(rows, 'median', false).map((r) => r.value)).toEqual(['a9', 'b', 'c', 'a10']);
  });

  it('sorts values as people read them: a9 before a10', () => {
    expect(sortStatisticsRows(rows, 'value', false).map((r) => r.value)).toEqual(['a9', 'a10', 'b', 'c']);
  });

  it('does not change the rows it was given', () => {
    const before = rows.map((r) => r.value);
    sortStatisticsRows(rows, 'value', true);
    expect(rows.map((r) => r.value)).toEqual(before);
  });
});

describe('cellText', () => {
  it('writes counts, shares and durations as the rest of the app does', () => {
    const r = row('b', 1234, 90_000);
    expect(cellText(r, 'frequency')).toBe('1,234');
    expect(cellText(r, 'caseShare')).toBe('61.7%');
    expect(cellText(r, 'median')).toBe('1 d 1 h');
    expect(cellText(row('x', 1, null), 'mean')).toBe('—');
    expect(cellText(r, 'standardDeviation')).toBe('—');
  });

  it('offers the biggest numbers first and values A to Z', () => {
    expect(descendingFirst('value')).toBe(false);
    expect(descendingFirst('p95')).toBe(true);
  });
});
