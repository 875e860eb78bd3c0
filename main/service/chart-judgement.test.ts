import { describe, expect, it } from 'vitest';
import type { ChartAdvice } from '../../preload/api.ts';
import { controlCharts } from '../engine/spc/index.ts';
import { floorNegativeLimits, signallingPoints, stabilityOfDrawnChart } from './chart-judgement.ts';

const advice: ChartAdvice = {
  chart: 'xbar-s',
  dataType: 'subgroups',
  reason: 'r',
  alternatives: [],
  transform: 'none',
  checks: [
    { name: 'subgroups', status: 'ok', message: 'enough' },
    { name: 'stability', status: 'warning', message: '107 subgroups fail test 1 or 2', value: 107 },
  ],
};
const labels = ['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7'];

describe('signal counts agree with the chart as drawn', () => {
  it('counts points, not (point, test) pairs nor (point, chart) pairs', () => {
    const xbar = {
      rules: [1, 2],
      signals: [
        { index: 2, rule: 1, description: '' },
        { index: 2, rule: 2, description: '' },
        { index: 5, rule: 1, description: '' },
      ],
    };
    const s = {
      rules: [1, 2],
      signals: [
        { index: 2, rule: 1, description: '' },
        { index: 6, rule: 1, description: '' },
      ],
    };
    // Points 2, 5 and 6: three, though the two charts hold five signals.
    expect(signallingPoints([xbar, s])).toEqual([2, 5, 6]);
    const judged = stabilityOfDrawnChart(advice, [xbar, s], labels);
    expect(judged.checks[0]).toEqual(advice.checks[0]);
    expect(judged.checks[1]).toMatchObject({ status: 'warning', value: 3 });
    expect(judged.checks[1].message).toMatch(/^3 points \(w3, w6, w7\) fail tests 1 or 2 \(the tests ticked\)/);
  });
  it('names only the tests ticked, and says stable when none fails', () => {
    const only1 = { rules: [1], signals: [{ index: 0, rule: 1, description: '' }] };
    expect(stabilityOfDrawnChart(advice, [only1], labels).checks[1].message).toMatch(
      /^1 point \(w1\) fails test 1 \(the tests ticked\)/,
    );
    const quiet = stabilityOfDrawnChart(advice, [{ rules: [1, 5, 6], signals: [] }], labels).checks[1];
    expect(quiet).toMatchObject({ status: 'ok', value: 0 });
    expect(quiet.message).toContain('tests 1, 5 or 6');
  });
});

describe('limits of durations and counts never go below 0', () => {
  // Durations 1, 1, 1, 1, 30 h: x̄ = 6.8, moving ranges 0, 0, 0, 29 → MR̄ = 7.25, σ = 7.25/d2 (1.128379 for n = 2) = 6.425; LCL = 6.8 − 19.275 = −12.475.
  const input = {
    kind: 'variables' as const,
    subgroups: [[1], [1], [1], [1], [30]],
    labels: ['a', 'b', 'c', 'd', 'e'],
  };
  it('draws the I chart’s negative LCL at 0 with a note, and leaves the MR chart and the UCL alone', () => {
    const { charts } = controlCharts(input, { chart: 'imr' });
    expect(charts[0].lcl as number).toBeCloseTo(6.8 - (3 * 7.25) / 1.128379, 3);
    const notes: string[] = [];
    const floored = floorNegativeLimits(input, charts, false, notes);
    expect(floored[0].lcl).toBe(0);
    expect(floored[0].ucl).toBe(charts[0].ucl);
    expect(floored[1]).toBe(charts[1]);
    expect(notes.join(' ')).toMatch(/I chart's lower limit came out below 0.*drawn at 0/);
  });
  it('keeps negative limits on a log scale and for values that can be negative', () => {
    const { charts } = controlCharts(input, { chart: 'imr' });
    const notes: string[] = [];
    expect(floorNegativeLimits(input, charts, true, notes)).toBe(charts);
    const signed = { ...input, subgroups: [[-1], [1], [1], [1], [30]] };
    expect(
      floorNegativeLimits(signed, controlCharts(signed, { chart: 'imr' }).charts, false, notes)[0].lcl as number,
    ).toBeLessThan(0);
    expect(notes).toEqual([]);
  });
});
