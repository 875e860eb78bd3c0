import { describe, expect, it } from 'vitest';
import { describeFilter } from './describe-filter.ts';

describe('describeFilter', () => {
  it('says each filter in the user’s words', () => {
    expect(describeFilter({ kind: 'activities', activities: ['decide'], mode: 'none' })).toBe('Without decide');
    expect(describeFilter({ kind: 'follower', from: 'A', to: 'B', withinSeconds: 7200 })).toBe('A eventually followed by B within 2 h');
    expect(describeFilter({ kind: 'caseDuration', minSeconds: 86400 * 3 })).toBe('Case duration ≥ 3 d');
    expect(describeFilter({ kind: 'variants', variants: [['a'], ['b']] })).toBe('2 variants');
    expect(describeFilter({ kind: 'variants', variants: [['a'], ['b']], ranks: [5, 4] })).toBe('Variants #4, #5');
    expect(describeFilter({ kind: 'variants', variants: [['a']], ranks: [12] })).toBe('Variant #12');
    expect(describeFilter({ kind: 'variants', variants: [['a'], ['b'], ['c'], ['d'], ['e'], ['f']], ranks: [1, 2, 3, 4, 5, 6] })).toBe('Variants #1, #2, #3, #4 +2');
    expect(describeFilter({ kind: 'cases', caseIds: ['a', 'b', 'c', 'd'], label: 'Cycle time, week of 2024-03-04' })).toBe('Cycle time, week of 2024-03-04 (4 cases)');
    expect(describeFilter({ kind: 'cases', caseIds: ['1001'] })).toBe('Cases 1001');
    expect(describeFilter({ kind: 'caseAttribute', attribute: 'region', values: ['EU', 'US', 'APAC', 'LATAM'] })).toBe('region: EU, US, APAC +1');
    expect(describeFilter({ kind: 'timeRange', mode: 'started', from: '2024-01-01T00:00:00Z', to: '2024-02-01T00:00:00Z', negate: true })).toBe(
      'NOT (Cases started in 2024-01-01 00:00 – 2024-02-01 00:00)',
    );
  });
});
