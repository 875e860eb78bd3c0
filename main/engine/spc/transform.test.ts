import { describe, expect, it } from 'vitest';
import { chooseChart } from './chart-chooser.ts';
import { controlCharts } from './control-charts.ts';
import { boxCoxLambda } from './distribution-fits.ts';
import { labelsFor } from './spc-examples.fixture.ts';
import { describeTransform, skewness, transformSubgroups } from './transform.ts';

function random(seed: number) {
  let s = seed;
  const uniform = () => (s = (s * 16807) % 2147483647) / 2147483647;
  return { uniform, normal: () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform()) };
}

describe('charting on a transformed scale', () => {
  it('takes logs, shifting by half the smallest positive value when there are zeros', () => {
    const { subgroups, applied } = transformSubgroups(
      [
        [0, 2],
        [4, 8],
      ],
      'log',
    );
    // Smallest positive value 2 → shift 1: ln 1, ln 3, ln 5, ln 9.
    expect(applied).toEqual({ name: 'log', lambda: null, shift: 1 });
    expect(subgroups[0][0]).toBe(0);
    expect(subgroups[1][1]).toBeCloseTo(Math.log(9), 14);
    expect(describeTransform(applied, 'hours')).toBe('ln (hours + 1)');
    expect(describeTransform(transformSubgroups([[1, 2]], 'log').applied, 'hours')).toBe('ln hours');
  });

  it('fits Box-Cox λ on the pooled values: lognormal values come back with λ near 0 (the log)', () => {
    const rng = random(7);
    const groups = Array.from({ length: 40 }, () => Array.from({ length: 10 }, () => Math.exp(1 + 0.8 * rng.normal())));
    const { subgroups, applied } = transformSubgroups(groups, 'box-cox');
    // 400 values pin λ to about ±0.15 (two standard errors of the maximum-likelihood estimate here).
    expect(Math.abs(applied.lambda!)).toBeLessThan(0.2);
    expect(applied.lambda).toBe(Number(boxCoxLambda(groups.flat()).toFixed(2)));
    // (x^λ − 1)/λ by hand for the first value.
    expect(subgroups[0][0]).toBeCloseTo((groups[0][0] ** applied.lambda! - 1) / applied.lambda!, 12);
  });

  it('refuses negative values and counts, with what to do', () => {
    expect(() => transformSubgroups([[-1, 2]], 'log')).toThrow(/needs values of 0 or more; the smallest is -1/);
    expect(() => transformSubgroups([[0, 0]], 'box-cox')).toThrow(/Every value is 0/);
    const counts = { kind: 'attributes' as const, counts: [1, 2, 3], sizes: [10, 10, 10], labels: labelsFor(3) };
    expect(() => controlCharts(counts, { chart: 'p', transform: 'log' })).toThrow(
      /for measured values such as durations, not for counts/,
    );
    expect(() => controlCharts(counts, { chart: 'imr', transform: 'log' })).toThrow(/not for counts/);
  });

  it('charts the logs exactly as if the user had taken them first (a second way), and says so', () => {
    const rng = random(3);
    const groups = Array.from({ length: 12 }, () => Array.from({ length: 5 }, () => Math.exp(rng.normal())));
    const labels = labelsFor(12);
    const viaOption = controlCharts(
      { kind: 'variables', subgroups: groups, labels },
      { chart: 'xbar-s', transform: 'log' },
    );
    const byHand = controlCharts(
      { kind: 'variables', subgroups: groups.map((g) => g.map(Math.log)), labels },
      { chart: 'xbar-s' },
    );
    expect(viaOption.charts.map((c) => c.points)).toEqual(byHand.charts.map((c) => c.points));
    expect(viaOption.charts[0].ucl).toEqual(byHand.charts[0].ucl);
    expect(viaOption.transform).toEqual({ name: 'log', lambda: null, shift: 0 });
    expect(byHand.transform).toBeNull();
    expect(viaOption.notes.join(' ')).toMatch(/Charted on the log scale/);
  });

  it('skewness by hand: 0, 0, 0, 3 has g₁ = 2/√3; a symmetric sample has 0', () => {
    expect(skewness([0, 0, 0, 3])).toBeCloseTo(2 / Math.sqrt(3), 12);
    expect(skewness([1, 2, 3, 4, 5])).toBeCloseTo(0, 12);
  });
});

describe('the chooser’s heavy-tail check', () => {
  const rng = random(11);
  // Weekly waits: exponential, with one case in twenty 50 times as long (the generator's extreme durations).
  const waits = Array.from({ length: 40 }, () =>
    Array.from({ length: 30 }, () => -Math.log(rng.uniform()) * (rng.uniform() < 0.05 ? 50 : 1)),
  );
  const normal = Array.from({ length: 40 }, () => Array.from({ length: 30 }, () => 10 + rng.normal()));

  it('says a long tail makes nearly every period an alarm and proposes the scale that fixes it', () => {
    const choice = chooseChart({ kind: 'variables', subgroups: waits, labels: labelsFor(40) });
    const tail = choice.checks.find((c) => c.name === 'heavy-tail')!;
    expect(tail.status).toBe('warning');
    expect(tail.value).toBeGreaterThan(1);
    expect(tail.message).toMatch(/long right tail/);
    expect(['log', 'box-cox']).toContain(choice.transform);
    const { charts } = controlCharts(
      { kind: 'variables', subgroups: waits, labels: labelsFor(40) },
      { chart: choice.chart, rules: [1], transform: choice.transform },
    );
    expect(new Set(charts.flatMap((c) => c.signals.map((s) => s.index))).size).toBeLessThanOrEqual(2);
  });

  it('leaves normal data alone', () => {
    const choice = chooseChart({ kind: 'variables', subgroups: normal, labels: labelsFor(40) });
    expect(choice.checks.find((c) => c.name === 'heavy-tail')!.status).toBe('ok');
    expect(choice.transform).toBe('none');
  });
});
