import { beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings, loadSettings, readableActivities, saveSettings } from './map-settings.ts';
import { MemoryStorage } from '../../test-support/memory-storage.fixture.ts';

describe('readableActivities', () => {
  it('picks the slider position that shows at most 15 activities (the engine shows ceil(position × total))', () => {
    expect(readableActivities(14)).toBe(1);
    expect(readableActivities(15)).toBe(1);
    // receipt.xes: 27 activities → 0.55, ceil(14.85) = 15 shown; 0.56 would show ceil(15.12) = 16
    expect(readableActivities(27)).toBe(0.55);
    expect(readableActivities(16)).toBe(0.93); // ceil(14.88) = 15
    expect(readableActivities(100)).toBe(0.15);
    expect(readableActivities(5000)).toBe(0.01); // the slider's smallest step
    for (const n of [16, 17, 27, 31, 60, 99, 250]) expect(Math.ceil(readableActivities(n) * n)).toBeLessThanOrEqual(15);
  });
});

describe('map settings', () => {
  beforeEach(() => {
    (globalThis as { sessionStorage?: unknown }).sessionStorage = new MemoryStorage();
  });

  it('are kept per workspace and import; a new import starts again', () => {
    const settings = { ...defaultSettings(27, 'Europe/Berlin'), activities: 0.4, view: 'performance' as const };
    expect(settings.calendar.timezone).toBe('Europe/Berlin');
    expect(settings.paths).toBe(0.3);
    saveSettings('/ws/a', 3, settings);
    saveSettings('/ws/b', 1, defaultSettings(10, 'UTC'));
    expect(loadSettings('/ws/a', 3)).toEqual(settings);
    expect(loadSettings('/ws/b', 1)?.activities).toBe(1);
    expect(loadSettings('/ws/a', 4)).toBeNull();
    expect(loadSettings('/ws/c', 1)).toBeNull();
  });
});
