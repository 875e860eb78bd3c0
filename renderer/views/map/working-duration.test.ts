import { describe, expect, it } from 'vitest';
import { formatWorkingDuration } from './working-duration.ts';

describe('formatWorkingDuration', () => {
  it('gives hours, not 24-hour days, and 0 h for no working time', () => {
    expect(formatWorkingDuration(104 * 3600)).toBe('104 h'); // 13 working days of 8 h
    expect(formatWorkingDuration(2.25 * 3600)).toBe('2.3 h');
    expect(formatWorkingDuration(2 * 3600)).toBe('2 h');
    expect(formatWorkingDuration(30 * 60)).toBe('30 min');
    expect(formatWorkingDuration(0)).toBe('0 h');
  });
});
