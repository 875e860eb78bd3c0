import { describe, expect, it } from 'vitest';
import { pagesCovering } from './page-range.ts';

describe('pagesCovering', () => {
  it('covers a window that straddles page boundaries', () => {
    expect(pagesCovering(95, 205, 100, 1434)).toEqual([0, 1, 2]);
    expect(pagesCovering(0, 99, 100, 1434)).toEqual([0]);
    expect(pagesCovering(100, 100, 100, 1434)).toEqual([1]);
  });

  it('stops at the last row', () => {
    expect(pagesCovering(1400, 1600, 100, 1434)).toEqual([14]);
    expect(pagesCovering(0, 10, 100, 0)).toEqual([]);
  });
});
