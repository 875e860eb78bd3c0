import { describe, expect, it } from 'vitest';
import { OrderToCash } from './order-to-cash.ts';
import { LOAD_DEPENDENT_WAIT, SeasonalLoad } from './seasonal-load.ts';

const DAY = 86_400_000;

describe('seasonal load', () => {
  it('places arrivals where the cumulative intensity reaches index + u', () => {
    const I = 3_600_000;
    const load = new SeasonalLoad(0, I);
    const A = LOAD_DEPENDENT_WAIT.amplitude;
    const w = (2 * Math.PI) / (LOAD_DEPENDENT_WAIT.periodDays * DAY);
    let previous = -Infinity;
    for (let i = 0; i < 3000; i += 7) {
      const t = load.arrival(i, 0.25);
      expect((t + (A / w) * (1 - Math.cos(w * t))) / I).toBeCloseTo(i + 0.25, 6);
      expect(t).toBeGreaterThan(previous);
      previous = t;
    }
  });

  it('waits at the average factor 1 at average load and longer when busier', () => {
    const I = DAY / 10;
    const steady = new SeasonalLoad(0, I);
    let factor = 0;
    for (let i = 0; i < 200; i++) factor = steady.arrive(i * I);
    // 70 arrivals in any 7-day window at 10 a day: exactly the average.
    expect(factor).toBeCloseTo(1, 12);
    const busy = new SeasonalLoad(0, I);
    for (let i = 0; i < 200; i++) factor = busy.arrive(i * I * 0.875);
    // 80 arrivals in 7 days, 8/7 of the average: (1 − 0.7) / (1 − 0.7 · 8/7).
    expect(factor).toBeCloseTo(0.3 / (1 - (0.7 * 8) / 7), 12);
  });

  it('makes only the wait before the load-dependent activity follow the arrivals of the past week', () => {
    const model = new OrderToCash(5, 8 * 6000, { load: true });
    const waits: { load: number; pick: number; dispatch: number }[] = [];
    const arrivals: number[] = [];
    for (let i = 0; i < 6000; i++) {
      const c = model.simulate(i);
      arrivals.push(c.times[0]);
      const p = c.activities.indexOf(LOAD_DEPENDENT_WAIT.activity);
      if (c.anomaly || p < 1 || c.activities[p + 1] !== 'Dispatch Shipment') continue;
      const recent = arrivals.filter((t) => t > c.times[0] - 7 * DAY).length;
      waits.push({ load: recent, pick: c.times[p] - c.times[p - 1], dispatch: c.times[p + 1] - c.times[p] });
    }
    waits.sort((a, b) => a.load - b.load);
    const third = Math.floor(waits.length / 3);
    const mean = (xs: typeof waits, key: 'pick' | 'dispatch') => xs.reduce((s, x) => s + x[key], 0) / xs.length;
    const quiet = waits.slice(0, third);
    const busy = waits.slice(-third);
    expect(mean(busy, 'pick') / mean(quiet, 'pick')).toBeGreaterThan(3);
    expect(mean(busy, 'dispatch') / mean(quiet, 'dispatch')).toBeGreaterThan(0.8);
    expect(mean(busy, 'dispatch') / mean(quiet, 'dispatch')).toBeLessThan(1.25);
  });
});
