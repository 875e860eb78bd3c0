import { describe, expect, it } from 'vitest';
import { falseAlarmRate } from './false-alarms.ts';
import { normalCdf } from './special-functions.ts';

describe('false-alarm rate of the tests for special causes', () => {
  it('is 1/0.0027 = 370.4 points for test 1 alone (3σ limits on normal data)', () => {
    const rate = falseAlarmRate([1], { runs: 3000 });
    const p = 2 * normalCdf(-3);
    expect(Math.abs(rate.arl - 1 / p)).toBeLessThan(4 * rate.arlStandardError);
    expect(Math.abs(rate.pointRate - p)).toBeLessThan(0.0006);
  });
  it('is 91.75 points for the Western Electric rules (Champ & Woodall 1987, Technometrics 29(4), exact by Markov chain)', () => {
    const rate = falseAlarmRate('western-electric', { runs: 3000 });
    expect(Math.abs(rate.arl - 91.75)).toBeLessThan(4 * rate.arlStandardError);
    expect(rate.arlStandardError).toBeLessThan(2.5);
  });
  it('is reproducible and says when nothing can fire', () => {
    expect(falseAlarmRate([1, 2], { runs: 200 }).arl).toBe(falseAlarmRate([1, 2], { runs: 200 }).arl);
    expect(falseAlarmRate([]).arl).toBe(Infinity);
  });
});
