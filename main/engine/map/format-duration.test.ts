import { describe, expect, it } from 'vitest';
import { formatDuration, formatWorkingDuration } from './format-duration.ts';

describe('formatDuration', () => {
  it('keeps the sign of a negative duration', () => {
    expect(formatDuration(-7200)).toBe('-2 h');
    expect(formatDuration(-90)).toBe('-1.5 min');
    expect(formatDuration(0)).toBe('instant');
    expect(formatDuration(Number.NaN)).toBe('–');
  });

  it('picks the largest unit and separates thousands (issue 12: "110401 d 1 h")', () => {
    expect(formatDuration(110401 * 86400 + 3600)).toBe('302 y');
    expect(formatDuration(2 * 86400 + 4 * 3600)).toBe('2.2 d');
    expect(formatDuration(1234 * 365 * 86400)).toBe('1,234 y');
  });
});

describe('formatWorkingDuration', () => {
  it('gives working time in hours, never days of 24 h, and never "instant"', () => {
    expect(formatWorkingDuration(104 * 3600)).toBe('104 h'); // 13 working days of 8 h: not "4.3 d"
    expect(formatWorkingDuration(1234.4 * 3600)).toBe('1,234 h');
    expect(formatWorkingDuration(7.5 * 3600)).toBe('7.5 h');
    expect(formatWorkingDuration(3600)).toBe('1 h');
    expect(formatWorkingDuration(45 * 60)).toBe('45 min');
    expect(formatWorkingDuration(20)).toBe('20 s');
    expect(formatWorkingDuration(0)).toBe('0 h');
  });
});
