import { describe, expect, it } from 'vitest';
import {
  conditionHolds,
  fitPresenceRule,
  presenceProbability,
  sortedByValue,
  type PresenceData,
} from './presence-rules.ts';

/**
 * 100 cases: activity 0 ("approve") is present exactly when amount > 50 and activity 1 ("ship")
 * is present, except one case above 50 with ship but without approve. Activity 1 is present in
 * the even cases. The rule must find both conditions and the one exception's probability.
 */
function data(): PresenceData {
  const cases = 100;
  const amount = Float64Array.from({ length: cases }, (_, c) => c + 1);
  const presence = new Uint8Array(cases * 2);
  for (let c = 0; c < cases; c++) {
    const ship = c % 2 === 0;
    presence[c * 2 + 1] = ship ? 1 : 0;
    presence[c * 2] = ship && amount[c] > 50 && c !== 60 ? 1 : 0;
  }
  return { cases, presence, activities: 2, attributes: [{ values: amount, sorted: sortedByValue(amount) }] };
}

describe('fitPresenceRule', () => {
  it('finds the amount threshold and the other step, and the exception’s leaf', () => {
    const d = data();
    const rule = fitPresenceRule(d, 0);
    const leafOf = (c: number) =>
      presenceProbability(rule, (cond) =>
        conditionHolds(
          cond,
          (a) => d.presence[c * 2 + a] === 1,
          () => d.attributes[0].values[c],
        ),
      );
    // Case 60 (amount 61, ship present) lacks approve: its leaf has 24 of 25 with approve.
    const { p, leaf } = leafOf(60);
    expect([leaf.present, leaf.total]).toEqual([24, 25]);
    expect(p).toBeCloseTo(25 / 27, 10);
    // A small amount: approve never present there.
    expect(leafOf(10).leaf.present).toBe(0);
    const thresholds = rule.leaves.flatMap((l) => l.when).filter((w) => w.kind === 'attribute');
    // Any threshold between the last amount without approve (49 with ship, 50 without) and 51 separates them.
    for (const t of thresholds) if (t.kind === 'attribute') expect(t.threshold >= 49 && t.threshold < 51).toBe(true);
    expect(thresholds.length).toBeGreaterThan(0);
  });

  it('keeps one leaf when nothing explains presence', () => {
    const d = data();
    for (let c = 0; c < d.cases; c++) d.presence[c * 2] = 1;
    expect(fitPresenceRule(d, 0).leaves).toEqual([{ when: [], present: 100, total: 100 }]);
  });

  it('sends a missing attribute to the "not above" side', () => {
    const cond = { kind: 'attribute' as const, attribute: 0, above: false, threshold: 5 };
    expect(
      conditionHolds(
        cond,
        () => false,
        () => NaN,
      ),
    ).toBe(true);
  });
});
