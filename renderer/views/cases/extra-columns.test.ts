import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryStorage } from '../../test-support/memory-storage.fixture.ts';
import { chosenColumns, extraCell, gridColumns, saveColumns } from './extra-columns.ts';

describe('case table columns', () => {
  beforeEach(() => {
    (globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
  });

  it('shows the variant by default and keeps a choice per workspace', () => {
    expect(chosenColumns('/ws/a', ['region'])).toEqual([{ kind: 'variant' }]);
    saveColumns('/ws/a', [{ kind: 'attribute', name: 'region' }, { kind: 'variant' }]);
    expect(chosenColumns('/ws/a', ['region'])).toEqual([{ kind: 'attribute', name: 'region' }, { kind: 'variant' }]);
    expect(chosenColumns('/ws/b', ['region'])).toEqual([{ kind: 'variant' }]);
  });

  it('drops attributes the current log does not have (a new import)', () => {
    saveColumns('/ws/a', [{ kind: 'attribute', name: 'region' }]);
    expect(chosenColumns('/ws/a', ['amount'])).toEqual([]);
  });

  it('writes cells and the grid', () => {
    const row = { variant: 3, attributes: { region: 'north', amount: 0, flag: false } };
    expect(extraCell(row, { kind: 'variant' })).toBe('#3');
    expect(extraCell(row, { kind: 'attribute', name: 'amount' })).toBe('0');
    expect(extraCell(row, { kind: 'attribute', name: 'flag' })).toBe('false');
    expect(extraCell(row, { kind: 'attribute', name: 'missing' })).toBe('—');
    expect(gridColumns(false, [{ kind: 'variant' }, { kind: 'attribute', name: 'x' }])).toBe(
      'minmax(120px, 1fr) 64px 142px 142px 88px 56px minmax(72px, 160px)',
    );
  });
});
