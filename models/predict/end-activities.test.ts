import { describe, expect, it } from 'vitest';
import { logFromTraces } from '../../main/engine/analysis/logs.fixture.ts';
import {
  casesSafeToLearnFrom,
  completedCases,
  inferEndActivities,
  MIN_COMPLETED_CASES,
  requireCompletedCases,
  resolveEndActivities,
} from './end-activities.ts';

describe('end activities and running cases', () => {
  // "close" ends all 3 of its occurrences; "pay" ends 2 of its 5 (D and E are running).
  const log = logFromTraces({
    A: ['reg', 'pay', 'close'],
    B: ['reg', 'pay', 'close'],
    C: ['reg', 'close'],
    D: ['reg', 'pay'],
    E: ['reg', 'pay', 'pay'],
  });

  it('infers the activities that end a case almost every time they occur', () => {
    expect(inferEndActivities(log)).toEqual(['close']);
    expect(inferEndActivities(log, { minShareLast: 0.4 })).toEqual(['pay', 'close']);
  });

  it('marks cases complete by their last event; the user can override', () => {
    expect([...completedCases(log, ['close'])]).toEqual([1, 1, 1, 0, 0]);
    expect(resolveEndActivities(log, ['pay'])).toEqual(['pay']);
    expect(() => resolveEndActivities(log, ['Pay'])).toThrow(/"Pay" is not an activity/);
    expect(() => resolveEndActivities(logFromTraces({ A: ['a', 'b'], B: ['b', 'a'] }), undefined)).toThrow(
      /cannot tell which activity ends a case/,
    );
  });

  it('learns only from cases that had time to end', () => {
    // Durations (minutes): A 10, B 10, C 10, D 10, E 1000 (started at 0); the log ends at 1000.
    const ev = (activity: string, at: number) => ({ activity, at });
    const timed = logFromTraces({
      A: [ev('s', 0), ev('e', 10)],
      B: [ev('s', 100), ev('e', 110)],
      C: [ev('s', 985), ev('e', 995)],
      D: [ev('s', 400), ev('e', 410)],
      E: [ev('s', 0), ev('x', 500), ev('e', 1000)],
    });
    // First half ends at 500: A, B, D, E started by then; their p99 duration is E's 1000 min,
    // so only cases that started at or before 1000 − 1000 = 0 are safe: A and E.
    expect([...casesSafeToLearnFrom(timed, Uint8Array.from([1, 1, 1, 1, 1]))]).toEqual([0, 4]);
  });

  it('refuses a model with fewer than 50 completed cases to learn from, counting them in words', () => {
    // close ends A, B and C: 3 completed of 5; all three are handed in as safe to learn from.
    const closes = completedCases(log, ['close']);
    expect(() => requireCompletedCases(log, closes, Int32Array.from([0, 1, 2]), ['close'], 'remaining-time')).toThrow(
      'The remaining-time model needs at least 50 completed cases to learn from; with "close" as the end activity the log has 3 completed of 5.',
    );
    // Only A safe: the message says how many of the 3 could be used.
    expect(() => requireCompletedCases(log, closes, Int32Array.from([0]), ['close'], 'bottleneck')).toThrow(
      /3 completed of 5 \(1 of them started early enough/,
    );
    const many = logFromTraces(
      Object.fromEntries(Array.from({ length: MIN_COMPLETED_CASES }, (_, i) => [`c${i}`, ['reg', 'close']])),
    );
    const all = completedCases(many, ['close']);
    expect(() =>
      requireCompletedCases(
        many,
        all,
        Int32Array.from({ length: MIN_COMPLETED_CASES }, (_, i) => i),
        ['close'],
        'bottleneck',
      ),
    ).not.toThrow();
  });
});
