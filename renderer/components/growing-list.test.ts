import { describe, expect, it } from 'vitest';
import { nextCount } from './growing-list.ts';

describe('nextCount', () => {
  it('adds one batch at a time and stops at the total', () => {
    // 215 variants in batches of 40: 40, 80, 120, 160, 200, then the last 15.
    const steps: number[] = [];
    let shown = 40;
    while (shown < 215) steps.push((shown = nextCount(shown, 215, 40)));
    expect(steps).toEqual([80, 120, 160, 200, 215]);
  });

  it('never shows more than there are', () => {
    expect(nextCount(0, 3, 40)).toBe(3);
    expect(nextCount(3, 3, 40)).toBe(3);
  });
});
