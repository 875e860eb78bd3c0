import { describe, expect, it } from 'vitest';
import { missingHandoffs } from './missing-handoffs.ts';
import { buildLog, repeatCases } from './log.fixture.ts';

describe('missingHandoffs', () => {
  const log = buildLog([
    ...repeatCases('axb', 12, ['A', 'X', 'B']),
    ...repeatCases('ayb', 3, ['A', 'Y', 'B'], 5000),
    ...repeatCases('ab', 1, ['A', 'B'], 9000), // skips X: counted
    ...repeatCases('czd', 5, ['C', 'Z', 'D'], 10000), // pattern seen only 5 times: too rare to expect
    ...repeatCases('cd', 2, ['C', 'D'], 20000),
  ]);

  it('counts direct A→B where A→X→B is the rule', () => {
    const check = missingHandoffs(log);
    expect(check.count).toBe(1);
    expect(check.examples).toHaveLength(1);
    expect(check.examples[0]).toMatchObject({ caseId: 'ab0' });
    expect(check.breakdown).toEqual([{ label: 'A → X → B', count: 1, detail: 'skipped 1 times, present 12 times' }]);
  });

  it('follows the editable thresholds', () => {
    expect(missingHandoffs(log, { minPatternCount: 5, maxDirectShare: 0.3 }).count).toBe(3); // C→D too: 2 of 7
    expect(missingHandoffs(log, { maxDirectShare: 0.05 }).count).toBe(0); // 1 of 13 is above 5%
  });
});
