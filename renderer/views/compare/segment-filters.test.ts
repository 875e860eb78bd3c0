import { describe, expect, it } from 'vitest';
import { segmentsOf } from './segment-filters.ts';

describe('segmentsOf', () => {
  const range: [string, string] = ['2024-01-01T00:00:00.000Z', '2024-12-31T00:00:00.000Z'];

  it('cuts before and after a moment without a case in both (the filter ends are inclusive)', () => {
    const s = segmentsOf({ kind: 'date', at: '2024-07-01T00:00:00Z' }, range)!;
    expect(s.a.filters).toEqual([
      { kind: 'timeRange', mode: 'started', from: range[0], to: '2024-06-30T23:59:59.999Z' },
    ]);
    expect(s.b.filters).toEqual([
      { kind: 'timeRange', mode: 'started', from: '2024-07-01T00:00:00.000Z', to: range[1] },
    ]);
    expect(s.a.label).toBe('started before 2024-07-01 00:00 UTC');
  });

  it('compares two values of an attribute', () => {
    const s = segmentsOf(
      { kind: 'attribute', level: 'event', attribute: 'region', valueA: 'EU', valueB: 'US' },
      range,
    )!;
    expect(s.a).toEqual({
      label: 'region = EU',
      filters: [{ kind: 'eventAttribute', attribute: 'region', values: ['EU'] }],
    });
    expect(s.b.filters[0]).toMatchObject({ kind: 'eventAttribute', values: ['US'] });
  });

  it('needs a moment or both values', () => {
    expect(segmentsOf({ kind: 'date', at: '' }, range)).toBeNull();
    expect(segmentsOf({ kind: 'attribute', level: 'case', attribute: 'x', valueA: 'a', valueB: '' }, range)).toBeNull();
  });
});
