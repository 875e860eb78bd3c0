import { describe, expect, it } from 'vitest';
import { paretoSeries } from './pareto-series.ts';

describe('paretoSeries', () => {
  it('sorts by count, accumulates shares and finds the vital few (by hand)', () => {
    // Total 100: 50, 30, 10, 6, 4 → cumulative 50%, 80%, 90%, 96%, 100%; 80% is reached by 2 items.
    const series = paretoSeries([
      { label: 'c', value: 10 },
      { label: 'a', value: 50 },
      { label: 'e', value: 4 },
      { label: 'b', value: 30 },
      { label: 'd', value: 6 },
    ]);
    expect(series.total).toBe(100);
    expect(series.bars.map((b) => b.label)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(series.bars.map((b) => b.cumulativeShare)).toEqual([0.5, 0.8, 0.9, 0.96, 1]);
    expect(series.bars[1].share).toBe(0.3);
    expect(series.vitalFew).toBe(2);
  });

  it('breaks ties by label and leaves out items with no count', () => {
    const series = paretoSeries([
      { label: 'y', value: 1 },
      { label: 'x', value: 1 },
      { label: 'z', value: 0 },
    ]);
    expect(series.bars.map((b) => b.label)).toEqual(['x', 'y']);
    // 1 of 2 is 50%: both are needed for 80%.
    expect(series.vitalFew).toBe(2);
  });

  it('is empty for an empty log', () => {
    expect(paretoSeries([])).toEqual({ bars: [], total: 0, vitalFew: 0 });
  });
});
