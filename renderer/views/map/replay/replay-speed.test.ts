import { describe, expect, it } from 'vitest';
import { logSecondsPerSecond } from './replay-speed.ts';

describe('logSecondsPerSecond', () => {
  it('plays a 30-day log in one minute at 12 hours of log per second', () => {
    expect(logSecondsPerSecond('whole-60', 30 * 86_400)).toBe(43_200);
  });
  it('plays a fixed log time per second whatever the log', () => {
    expect(logSecondsPerSecond('day', 5)).toBe(86_400);
    expect(logSecondsPerSecond('hour', 1e9)).toBe(3600);
  });
});
