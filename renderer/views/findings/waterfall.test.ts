import { describe, expect, it } from 'vitest';
import { additivityGap, formatAmount, waterfallChart, waterfallRange, waterfallSteps } from './waterfall.ts';

describe('waterfallSteps', () => {
  // Worked by hand: base 2, contributions +5, −1, +0.5, +0.25; top 2 → +5, −1, then 0.75 for the other two; total 6.75.
  const input = {
    baseValue: 2,
    contributions: [
      { feature: 'small', value: 1, contribution: 0.25 },
      { feature: 'main cause', value: 41, contribution: 5 },
      { feature: 'against', value: 0, contribution: -1 },
      { feature: 'minor', value: 3, contribution: 0.5 },
    ],
    prediction: 6.75,
    unit: 'score',
    top: 2,
  };

  it('puts the base first, the largest contribution next, the rest summed, the prediction last', () => {
    const steps = waterfallSteps(input);
    expect(steps.map((s) => [s.label, s.measure, s.amount])).toEqual([
      ['usual (base value)', 'absolute', 2],
      ['main cause', 'relative', 5],
      ['against', 'relative', -1],
      ['2 other features', 'relative', 0.75],
      ['this case (prediction)', 'total', 6.75],
    ]);
    expect(additivityGap(steps)).toBe(0);
  });

  it('counts contributions left out of the explanation as the rest', () => {
    const steps = waterfallSteps({
      baseValue: 1,
      contributions: [{ feature: 'a', value: null, contribution: 2 }],
      rest: -0.5,
      prediction: 2.5,
      unit: 'h',
    });
    expect(steps.map((s) => s.amount)).toEqual([1, 2, -0.5, 2.5]);
    expect(additivityGap(steps)).toBe(0);
  });

  it('shows a gap when an explanation does not add up', () => {
    expect(additivityGap(waterfallSteps({ ...input, prediction: 7 }))).toBeCloseTo(0.25, 12);
  });

  it('draws one horizontal waterfall trace with the main cause on top after the base', () => {
    const { data } = waterfallChart(input);
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({
      type: 'waterfall',
      orientation: 'h',
      measure: ['absolute', 'relative', 'relative', 'relative', 'total'],
    });
    expect((data[0].y as string[])[1]).toBe('main cause');
  });

  it('shows feature names from the log (activity names) as typed, never as plotly markup', () => {
    const hostile = {
      baseValue: 0,
      contributions: [
        { feature: 'waiting time before <a href="https://example.org">Pay</a> & go', value: 2, contribution: 1 },
      ],
      prediction: 1,
      unit: 'score',
    };
    const trace = waterfallChart(hostile).data[0]!;
    const escaped = 'waiting time before &lt;a href="https://example.org"&gt;Pay&lt;/a&gt; &amp; go';
    expect((trace.y as string[])[1]).toBe(escaped);
    expect((trace.hovertext as string[])[1]).toBe(`${escaped} = 2.00`);
    expect(JSON.stringify([trace.y, trace.hovertext])).not.toContain('<a');
  });

  it('leaves room for the labels outside the bars and shortens large values', () => {
    // Base 1,466,465 then +8,492,259 and −100: running totals 1,466,465, 9,958,724, 9,958,624; span 9,958,724 from 0.
    const steps = waterfallSteps({
      baseValue: 1_466_465,
      contributions: [
        { feature: 'Pick Items missing', value: 0, contribution: 8_492_259 },
        { feature: 'x', value: 1, contribution: -100 },
      ],
      prediction: 9_958_624,
      unit: 'anomaly score',
    });
    const [lo, hi] = waterfallRange(steps);
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo(9_958_724 * 1.2, 6);
    expect(formatAmount(8_492_259)).toBe('8.49M');
    expect(formatAmount(12_474.08)).toBe('12.5k');
    expect(formatAmount(-250)).toBe('-250');
    const chart = waterfallChart({
      baseValue: 1_466_465,
      contributions: [{ feature: 'Pick Items missing', value: 0, contribution: 8_492_259 }],
      prediction: 9_958_724,
      unit: 'anomaly score',
    });
    expect((chart.data[0] as { text: string[] }).text[1]).toBe('+8.49M');
  });
});
