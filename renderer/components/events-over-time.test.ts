import { describe, expect, it } from 'vitest';
import { describeEventsOverTime } from './events-over-time.ts';

describe('describeEventsOverTime', () => {
  const points = [
    { day: '2011-01-03', count: 4 },
    { day: '2011-01-10', count: 1200 },
    { day: '2011-01-17', count: 1200 },
  ];

  it('names weekly bins as weeks, peak included', () => {
    expect(describeEventsOverTime(points, 7)).toEqual({
      title: 'Events per week',
      peak: 'peak 1,200 in the week of 2011-01-10', // the first of two equal peaks
      span: '3 weeks',
    });
  });

  it('names daily bins as days', () => {
    expect(describeEventsOverTime(points.slice(0, 1), 1)).toEqual({
      title: 'Events per day',
      peak: 'peak 4 on 2011-01-03',
      span: '1 day',
    });
  });

  it('has words for an empty log', () => {
    expect(describeEventsOverTime([], 1).peak).toBe('no events');
  });
});
