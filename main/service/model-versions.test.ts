import { describe, expect, it } from 'vitest';
import type { ModelRecord } from '../../models/registry/index.ts';
import { baselineWarning, hoursInWords } from './model-versions.ts';

const record = (label: string, maeHours: number, baselineHours: number) =>
  ({
    label,
    details: {
      evaluation: {
        kind: 'remaining-time',
        workInProgress: {
          maeHours,
          bestBaseline: { baseline: 'median after the last activity', value: baselineHours },
        },
      },
    },
  }) as unknown as ModelRecord;

describe('hoursInWords', () => {
  it('keeps up to two days in hours and says days beyond', () => {
    expect(hoursInWords(12.34)).toBe('12.3 h');
    expect(hoursInWords(47.9)).toBe('47.9 h');
    expect(hoursInWords(48)).toBe('2 d');
    // The trial's "247561.805" hours: 10,315.1 days.
    expect(hoursInWords(247_561.805)).toBe('10,315.1 d');
  });
});

describe('baselineWarning', () => {
  it('says a losing version is not used while an earlier one wins, with both errors and how much worse', () => {
    // 120 h = 5 d against 100 h = 4.17 d: 20% worse.
    expect(baselineWarning(record('remaining-time v2', 120, 100), false, [])).toBe(
      'Not used: it loses to its best baseline (mean error 5 d against 4.2 d for the baseline "median after the last activity" on the test period’s running cases, 20.0% worse); an earlier version that beats it is used instead.',
    );
  });

  it('warns on a losing version that is used because none wins, and names newer versions passed over', () => {
    expect(baselineWarning(record('remaining-time v1', 120, 100), true, [])).toMatch(
      /^Loses to its best baseline: .*20\.0% worse\. No version beats it, so this one is used/,
    );
    expect(baselineWarning(record('remaining-time v1', 80, 100), true, [record('remaining-time v2', 120, 100)])).toBe(
      'remaining-time v2, trained later, loses to its best baseline and is not used.',
    );
    expect(baselineWarning(record('remaining-time v1', 80, 100), true, [])).toBeNull();
  });
});
