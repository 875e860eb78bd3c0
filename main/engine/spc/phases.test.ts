import { describe, expect, it } from 'vitest';
import { controlCharts } from './control-charts.ts';
import { phaseLayout } from './phases.ts';

const D2 = 1.1283791670955126; // 2/√π, d2 for n = 2
const individuals = (x: number[]) => ({
  kind: 'variables' as const,
  subgroups: x.map((v) => [v]),
  labels: x.map((_, i) => `t${i}`),
});

describe('phases, baselines and exclusions', () => {
  it('gives each phase its own limits and starts the moving ranges afresh', () => {
    const [i, mr] = controlCharts(individuals([1, 3, 2, 4, 10, 12, 11, 13]), { chart: 'imr', phases: [4] }).charts;
    // Phase 1: x̄ = 2.5, MR̄ = (2 + 1 + 2)/3; phase 2: x̄ = 11.5, the same MR̄. The jump 4 → 10 is no moving range.
    const sigma = 5 / 3 / D2;
    expect(i.center).toEqual([2.5, 2.5, 2.5, 2.5, 11.5, 11.5, 11.5, 11.5]);
    expect((i.ucl as number[])[0]).toBeCloseTo(2.5 + 3 * sigma, 12);
    expect((i.ucl as number[])[7]).toBeCloseTo(11.5 + 3 * sigma, 12);
    expect(mr.points[4]).toBeNull();
    expect(mr.points[5]).toBe(2);
    expect(i.phase).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
    expect(i.signals).toEqual([]);
  });
  it('leaves excluded points and the moving ranges that touch them out of the limits', () => {
    const [i, mr] = controlCharts(individuals([1, 3, 9, 4, 3]), { chart: 'imr', exclude: [2] }).charts;
    // Fitted points 1, 3, 4, 3: x̄ = 2.75; moving ranges of consecutive fitted points: |3−1|, |3−4| → MR̄ 1.5.
    expect(i.center).toBeCloseTo(2.75, 12);
    expect(mr.center).toBeCloseTo(1.5, 12);
    expect(i.excluded).toEqual([2]);
    // The excluded point is still plotted and tested: 9 is beyond 2.75 + 3·1.5/d2 = 6.74.
    expect(i.signals.map((s) => s.index)).toEqual([2]);
  });
  it('computes limits from the first N subgroups and applies them to the rest', () => {
    const [i] = controlCharts(individuals([1, 3, 2, 4, 30, 31]), { chart: 'imr', baseline: 4 }).charts;
    expect(i.center).toBeCloseTo(2.5, 12);
    expect(i.signals.map((s) => s.index)).toEqual([4, 5]);
    expect(i.baseline).toBe(4);
    expect(i.baselinePoints).toEqual([0, 3]);
    expect(i.excluded).toEqual([]);
  });
  it('takes a baseline that starts later: points before it are outside the limits but not "excluded"', () => {
    const [i, mr] = controlCharts(individuals([30, 1, 3, 2, 4, 31]), {
      chart: 'imr',
      baselineStart: 1,
      baseline: 4,
      exclude: [3],
    }).charts;
    // Fitted points 1, 3, 4 (2 is excluded): x̄ = 8/3; moving ranges of consecutive fitted points: |3−1| → MR̄ 2.
    expect(i.center).toBeCloseTo(8 / 3, 12);
    expect(mr.center).toBeCloseTo(2, 12);
    expect(i.baselinePoints).toEqual([1, 4]);
    expect(i.excluded).toEqual([3]);
    expect(i.signals.map((s) => s.index)).toEqual([0, 5]);
    expect(() => phaseLayout(6, { baselineStart: 3, baseline: 4 })).toThrow(
      /from subgroup 3 does not fit: the first phase has 3 there/,
    );
  });
  it('refuses layouts that leave a phase without data or point outside the series', () => {
    expect(() => phaseLayout(5, { exclude: [5] })).toThrow(/not a subgroup: there are 5/);
    expect(() => phaseLayout(5, { phases: [3, 2] })).toThrow(/increasing/);
    expect(() => phaseLayout(5, { phases: [2], exclude: [0, 1] })).toThrow(/Phase 1 .* no subgroup left/);
    expect(() => phaseLayout(5, { baseline: 9 })).toThrow(/does not fit/);
  });
});
