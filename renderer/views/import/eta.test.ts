import { describe, expect, it } from 'vitest';
import { createEtaEstimator } from './eta.ts';

describe('createEtaEstimator', () => {
  it('extrapolates the measured rate of the current phase', () => {
    const eta = createEtaEstimator();
    expect(eta.update({ phase: 'reading', done: 0, total: 1000, at: 0 }).secondsLeft).toBeNull();
    // 250 units in 1 s -> 250/s; 750 left -> 3 s.
    const estimate = eta.update({ phase: 'reading', done: 250, total: 1000, at: 1000 });
    expect(estimate.rate).toBeCloseTo(250);
    expect(estimate.secondsLeft).toBeCloseTo(3);
    expect(estimate.fraction).toBeCloseTo(0.25);
  });

  it('starts measuring again when the phase changes', () => {
    const eta = createEtaEstimator();
    eta.update({ phase: 'reading', done: 0, total: 100, at: 0 });
    eta.update({ phase: 'reading', done: 100, total: 100, at: 1000 });
    const first = eta.update({ phase: 'writing', done: 10, total: 50, at: 1100 });
    expect(first.secondsLeft).toBeNull();
    // 20 more in 2 s -> 10/s; 20 left -> 2 s.
    const later = eta.update({ phase: 'writing', done: 30, total: 50, at: 3100 });
    expect(later.secondsLeft).toBeCloseTo(2);
  });

  it('gives no time while the rate is not yet measurable or the total unknown', () => {
    const eta = createEtaEstimator();
    eta.update({ phase: 'p', done: 0, total: 0, at: 0 });
    const estimate = eta.update({ phase: 'p', done: 500, total: 0, at: 2000 });
    expect(estimate.fraction).toBeNull();
    expect(estimate.secondsLeft).toBeNull();
    expect(estimate.rate).toBeCloseTo(250);
  });
});
