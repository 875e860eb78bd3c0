import { describe, expect, it } from 'vitest';
import { logFromTraces } from '../../main/engine/analysis/logs.fixture.ts';
import { completedCasePrefixes } from '../features/prefix/prefix-rows.ts';
import { fitBaselines } from './baselines.ts';
import { remainingSeconds } from './labels.ts';
import { remainingTimeBaselinesForWip } from './evaluate-running-case.ts';

const ev = (activity: string, at: number) => ({ activity, at });
// Minutes. Remaining times (min) of the training prefixes: A 60, 50, 30; B 40, 20; E 100, 90, 80.
const log = logFromTraces({
  A: [ev('a', 0), ev('b', 10), ev('c', 30), ev('end', 60)],
  B: [ev('a', 0), ev('c', 20), ev('end', 40)],
  E: [ev('x', 0), ev('y', 10), ev('z', 20), ev('end', 100)],
  D: [ev('a', 0), ev('c', 5), ev('b', 6), ev('end', 9)],
});
const training = completedCasePrefixes(log, Int32Array.from([0, 1, 2]), { maxLength: 40 });
const test = completedCasePrefixes(log, Int32Array.from([3]), { maxLength: 40 });
const fitted = fitBaselines(log, training, remainingSeconds(log, training));
const minutes = (xs: Float64Array) => [...xs].map((s) => s / 60);

describe('remaining-time baselines (worked by hand)', () => {
  it('has the remaining times the prefixes were written with', () => {
    expect(minutes(remainingSeconds(log, training))).toEqual([60, 50, 30, 40, 20, 100, 90, 80]);
  });

  it('training mean: 470 / 8 minutes for every prefix', () => {
    expect(minutes(fitted.predict('training mean', log, test))).toEqual([58.75, 58.75, 58.75]);
  });

  it('mean per last activity and prefix length, falling back to the length', () => {
    // (a,1): (60+40)/2; (c,2): 20; (b,3) unseen → length 3: (30+80)/2.
    expect(minutes(fitted.predict('mean per last activity and prefix length', log, test))).toEqual([50, 20, 55]);
  });

  it('transition system by sequence, falling back to the set of activities', () => {
    // "a" → 50; "a,c" → 20; "a,c,b" unseen, its set {a,b,c} was reached by A at k=3 → 30.
    expect(minutes(fitted.predict('transition system', log, test))).toEqual([50, 20, 30]);
  });
});

describe('baselines for a case looked at mid-wait', () => {
  it('answers as is, less the time waited since the last event (never below 0), and as fitted on snapshots', () => {
    // Case D after its first 2 events (last one c at minute 5), looked at minute 35: waited 30 minutes.
    const rows = {
      count: 1,
      case: Int32Array.of(3),
      length: Int32Array.of(2),
      observedAt: Float64Array.of(Date.UTC(2024, 0, 1) + 35 * 60_000),
    };
    const variants = remainingTimeBaselinesForWip(log, rows, fitted, fitted);
    const byName = new Map(variants.map((v) => [v.baseline, v.predicted[0] / 60]));
    expect(variants).toHaveLength(9);
    // (c, 2) → 20 minutes as is; 20 − 30 → 0 after the wait.
    expect(byName.get('mean per last activity and prefix length')).toBe(20);
    expect(byName.get('mean per last activity and prefix length, less the time since the last event')).toBe(0);
    // Training mean 58.75 − 30 = 28.75.
    expect(byName.get('training mean, less the time since the last event')).toBe(28.75);
    expect(byName.get('transition system, fitted on work in progress')).toBe(20);
  });
});
