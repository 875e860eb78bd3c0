import { describe, expect, it } from 'vitest';
import { describeTrend, formatMeasure, significant } from './measure-format.ts';

describe('formatMeasure', () => {
  it('reads durations in the measure’s unit, shares as percentages and counts plainly', () => {
    expect(formatMeasure(1.5, 'hours')).toBe('1 h 30 min');
    expect(formatMeasure(2, 'days')).toBe('2 d');
    expect(formatMeasure(0.125, 'share')).toBe('12.5%');
    expect(formatMeasure(0.0125, 'share')).toBe('1.25%');
    expect(formatMeasure(12.25, 'cases')).toBe('12.25 cases');
    expect(formatMeasure(0.3333333, 'events per case')).toBe('0.3333 per case');
    expect(formatMeasure(null, 'hours')).toBe('—');
    expect(formatMeasure(1, 'cases')).toBe('1 case');
  });

  it('rounds to four significant digits with thousands separators only before the point', () => {
    expect(significant(1234567.8)).toBe('1,234,568');
    expect(significant(1234.5678)).toBe('1,235');
    expect(significant(0.000123456)).toBe('0.0001235');
  });
});

describe('describeTrend', () => {
  it('says the change from the previous period in the measure’s unit; shares in points', () => {
    expect(describeTrend({ last: 5, previous: 4, change: 1, slopePerPeriod: 1 }, 'hours', 'week')).toEqual({
      arrow: '▲',
      text: 'up 1 h from the previous week',
    });
    expect(
      describeTrend({ last: 0.1, previous: 0.15, change: -0.05, slopePerPeriod: -0.05 }, 'share', 'month'),
    ).toEqual({ arrow: '▼', text: 'down 5.0 points from the previous month' });
    expect(describeTrend({ last: 3, previous: 2, change: 1, slopePerPeriod: 1 }, 'cases', 'week').text).toBe(
      'up 1 case from the previous week',
    );
    expect(describeTrend({ last: 3, previous: null, change: null, slopePerPeriod: null }, 'cases', 'day').text).toBe(
      'one day with a value: no trend yet',
    );
  });
});
