import { describe, expect, it } from 'vitest';
import { describeFilter } from './describe-filter.ts';

describe('describeFilter', () => {
  it('says each filter in the user’s words', () => {
    expect(describeFilter({ kind: 'activities', activities: ['decide'], mode: 'none' })).toBe('Without decide');
    expect(describeFilter({ kind: 'follower', from: 'A', to: 'B', withinSeconds: 7200 })).toBe(
      'A eventually followed by B within 2 h',
    );
    expect(describeFilter({ kind: 'caseDuration', minSeconds: 86400 * 3 })).toBe('Case duration ≥ 3 d');
    expect(describeFilter({ kind: 'variants', variants: [['a'], ['b']] })).toBe('2 variants');
    expect(describeFilter({ kind: 'variants', variants: [['a'], ['b']], ranks: [5, 4] })).toBe('Variants #4, #5');
    expect(describeFilter({ kind: 'variants', variants: [['a']], ranks: [12] })).toBe('Variant #12');
    expect(
      describeFilter({
        kind: 'variants',
        variants: [['a'], ['b'], ['c'], ['d'], ['e'], ['f']],
        ranks: [1, 2, 3, 4, 5, 6],
      }),
    ).toBe('Variants #1, #2, #3, #4 +2');
    expect(
      describeFilter({ kind: 'cases', caseIds: ['a', 'b', 'c', 'd'], label: 'Cycle time, week of 2024-03-04' }),
    ).toBe('Cycle time, week of 2024-03-04 (4 cases)');
    expect(describeFilter({ kind: 'cases', caseIds: ['1001'] })).toBe('Cases 1001');
    expect(describeFilter({ kind: 'caseAttribute', attribute: 'region', values: ['EU', 'US', 'APAC', 'LATAM'] })).toBe(
      'region: EU, US, APAC +1',
    );
    expect(
      describeFilter({
        kind: 'timeRange',
        mode: 'started',
        from: '2024-01-01T00:00:00Z',
        to: '2024-02-01T00:00:00Z',
        negate: true,
      }),
    ).toBe('NOT (Cases started in 2024-01-01 00:00 – 2024-02-01 00:00)');
  });

  it('says the Disco filter kinds of issue 12', () => {
    expect(describeFilter({ kind: 'variantCoverage', topVariants: 5 })).toBe('Top 5 variants');
    expect(describeFilter({ kind: 'variantCoverage', coverage: 0.8 })).toBe('Variants covering 80% of cases');
    expect(describeFilter({ kind: 'performance', measure: 'duration', fromPercentile: 90 })).toBe(
      'Case duration between P90 and P100',
    );
    expect(
      describeFilter({ kind: 'timeRange', mode: 'trim', from: '2024-01-01T00:00:00Z', to: '2024-02-01T00:00:00Z' }),
    ).toBe('Events trimmed to 2024-01-01 00:00 – 2024-02-01 00:00');
    expect(describeFilter({ kind: 'endpoints', start: ['A'], trim: 'first' })).toBe(
      'Trimmed (first) from A to the end',
    );
    expect(
      describeFilter({
        kind: 'follower',
        from: 'A',
        to: 'B',
        minSeconds: 60,
        attributeRelation: { attribute: 'resource', relation: 'different' },
      }),
    ).toBe('A eventually followed by B after at least 1 min, different resource');
  });
});
