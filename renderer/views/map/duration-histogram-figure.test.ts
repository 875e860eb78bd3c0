import { describe, expect, it } from 'vitest';
import { durationHistogramFigure, histogramUnit } from './duration-histogram-figure.ts';

describe('durationHistogramFigure', () => {
  it('reads in days from two days on, hours from two hours, minutes from two minutes, else seconds', () => {
    expect(histogramUnit([3600, 2 * 86400])).toEqual({ unit: 'days', size: 86400 });
    expect(histogramUnit([2 * 86400 - 1])).toEqual({ unit: 'hours', size: 3600 });
    expect(histogramUnit([7200])).toEqual({ unit: 'hours', size: 3600 });
    expect(histogramUnit([119])).toEqual({ unit: 'seconds', size: 1 });
    expect(histogramUnit([120])).toEqual({ unit: 'minutes', size: 60 });
  });

  it('plots the durations in that unit with the axis saying so', () => {
    const figure = durationHistogramFigure([86400, 3 * 86400], 'Waiting time');
    expect(figure.data[0]).toMatchObject({ type: 'histogram', x: [1, 3], nbinsx: 30 });
    expect(figure.layout).toMatchObject({ xaxis: { title: { text: 'Waiting time (days)' } }, height: 180 });
  });

  it('puts the counts on a log axis when asked, and says so', () => {
    expect(durationHistogramFigure([60, 120], 'Service time').layout).toMatchObject({
      yaxis: { title: { text: 'count' } },
    });
    expect(durationHistogramFigure([60, 120], 'Service time', true).layout).toMatchObject({
      yaxis: { type: 'log', title: { text: 'count (log scale)' } },
    });
  });
});
