import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatDuration, formatTimestamp } from './format.ts';

describe('formatDuration', () => {
  it('reads in the largest useful units', () => {
    expect(formatDuration(0.25)).toBe('250 ms');
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(90)).toBe('1 min 30 s');
    expect(formatDuration(3 * 3600 + 12 * 60)).toBe('3 h 12 min');
    expect(formatDuration(2 * 86400 + 4 * 3600 + 59)).toBe('2 d 4 h');
    expect(formatDuration(86400)).toBe('1 d');
  });
});

describe('formatTimestamp', () => {
  it('shows UTC and keeps milliseconds only when present', () => {
    expect(formatTimestamp('2010-12-30T10:02:00+01:00')).toBe('2010-12-30 09:02:00');
    expect(formatTimestamp('2019-11-03T01:11:19.250Z')).toBe('2019-11-03 01:11:19.250');
    expect(formatTimestamp(null)).toBe('—');
  });
});

describe('formatCount and formatBytes', () => {
  it('groups thousands and scales bytes', () => {
    expect(formatCount(8577)).toBe('8,577');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(30 * 1024 * 1024)).toBe('30.0 MB');
  });
});
