import { beforeEach, describe, expect, it } from 'vitest';
import type { LogFilter } from '../../preload/api.ts';
import { MemoryStorage } from '../test-support/memory-storage.fixture.ts';
import { deleteFilterSet, filterSets, saveFilterSet } from './filter-sets.ts';

const slow: LogFilter = { kind: 'performance', measure: 'duration', fromPercentile: 90, toPercentile: 100 };
const main: LogFilter = { kind: 'variantCoverage', coverage: 0.8 };

describe('saved filter sets', () => {
  beforeEach(() => {
    (globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
  });

  it('keeps sets per workspace, in stack order, listed by name', () => {
    saveFilterSet('/ws/a', 'slow tenth', [main, slow]);
    saveFilterSet('/ws/a', 'main flow', [main]);
    saveFilterSet('/ws/b', 'other', [slow]);
    expect(filterSets('/ws/a').map((s) => s.name)).toEqual(['main flow', 'slow tenth']);
    expect(filterSets('/ws/a')[1]!.filters).toEqual([main, slow]);
    expect(filterSets('/ws/b').map((s) => s.name)).toEqual(['other']);
    expect(filterSets('/ws/c')).toEqual([]);
  });

  it('replaces a set saved again under the same name, and deletes one', () => {
    saveFilterSet('/ws/a', 'x', [main]);
    saveFilterSet('/ws/a', ' x ', [slow]);
    expect(filterSets('/ws/a')).toHaveLength(1);
    expect(filterSets('/ws/a')[0]!.filters).toEqual([slow]);
    deleteFilterSet('/ws/a', 'x');
    expect(filterSets('/ws/a')).toEqual([]);
  });

  it('refuses a set without a name or without filters', () => {
    expect(() => saveFilterSet('/ws/a', '  ', [main])).toThrow(/name/);
    expect(() => saveFilterSet('/ws/a', 'empty', [])).toThrow(/no filters/);
  });

  it('survives storage that holds something else', () => {
    localStorage.setItem('gemba.filterSets', 'not json');
    expect(filterSets('/ws/a')).toEqual([]);
    saveFilterSet('/ws/a', 'x', [main]);
    expect(filterSets('/ws/a')).toHaveLength(1);
  });
});
