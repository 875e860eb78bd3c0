import { describe, expect, it } from 'vitest';
import { checkCallArguments } from './call-arguments.ts';
import { controlChartOfValues } from './chart-values.ts';

const D2 = 1.1283791670955126; // d2 for n = 2: 2/√π

describe('a control chart of the caller’s own numbers', () => {
  it('charts them as the SPC engine does: I chart of 1, 3, 2, 4 by hand', () => {
    const view = controlChartOfValues({
      values: { kind: 'variables', subgroups: [[1], [3], [2], [4]], labels: ['a', 'b', 'c', 'd'] },
      chart: 'imr',
    });
    const [i, mr] = view.charts;
    // x̄ = 2.5; moving ranges 2, 1, 2 → MR̄ = 5/3; σ = MR̄/d2.
    expect(i.center).toBe(2.5);
    expect(i.ucl as number).toBeCloseTo(2.5 + (3 * 5) / 3 / D2, 12);
    expect(mr.center).toBeCloseTo(5 / 3, 12);
    expect(view.transform).toBeNull();
  });

  it('checks the request’s shape where it arrives, naming the field', () => {
    expect(() => checkCallArguments('controlChartOfValues', [{ values: { kind: 'rows' }, chart: 'imr' }])).toThrow(
      /values\.kind/,
    );
    expect(() =>
      checkCallArguments('controlChartOfValues', [
        { values: { kind: 'attributes', counts: [1], labels: ['a'] }, chart: 'p' },
      ]),
    ).toThrow(/values\.sizes/);
    expect(() =>
      checkCallArguments('controlChartOfValues', [
        { values: { kind: 'variables', subgroups: [[1]], labels: ['a'] }, chart: 'pie' },
      ]),
    ).toThrow(/chart/);
  });
});
