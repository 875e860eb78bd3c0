import { describe, expect, it } from 'vitest';
import { formatDuration } from './format-duration.ts';

describe('formatDuration', () => {
  it('keeps the sign of a negative duration', () => {
    expect(formatDuration(-7200)).toBe('-2 h');
    expect(formatDuration(-90)).toBe('-1.5 min');
    expect(formatDuration(0)).toBe('instant');
    expect(formatDuration(Number.NaN)).toBe('–');
  });
});
