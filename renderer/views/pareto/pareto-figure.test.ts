import { describe, expect, it } from 'vitest';
import { paretoFigure } from './pareto-figure.ts';

describe('paretoFigure', () => {
  // Two activities from a hostile log: plotly reads HTML in category ticks and in %{x}.
  const series = {
    bars: [
      { label: '<a href="https://example.org">Approve</a>', value: 3, share: 0.75, cumulativeShare: 0.75 },
      { label: 'Pay & <b>close</b>', value: 1, share: 0.25, cumulativeShare: 1 },
    ],
    total: 4,
    vitalFew: 1,
  };

  it('gives plotly the labels escaped, so a label is shown as typed and never as a link or markup', () => {
    const figure = paretoFigure(series, 'events');
    const expected = ['&lt;a href="https://example.org"&gt;Approve&lt;/a&gt;', 'Pay &amp; &lt;b&gt;close&lt;/b&gt;'];
    expect(figure.data[0]!.x).toEqual(expected);
    expect(figure.data[1]!.x).toEqual(expected);
    for (const trace of figure.data) expect(JSON.stringify(trace.x)).not.toMatch(/<[ab]/);
  });

  it('draws the cumulative share in percent on the second axis', () => {
    const figure = paretoFigure(series, 'events');
    expect(figure.data[0]!.y).toEqual([3, 1]);
    expect(figure.data[1]!.y).toEqual([75, 100]);
  });
});
