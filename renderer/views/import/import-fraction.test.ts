import { describe, expect, it } from 'vitest';
import { createImportFraction, importFraction } from './import-fraction.ts';

describe('importFraction', () => {
  it('places each phase in its band of the one bar', () => {
    expect(importFraction('queued', 0, 1)).toBe(0);
    expect(importFraction('reading', 0, 1000)).toBe(0);
    // Half the bytes read: half of the reading band 0..0.8.
    expect(importFraction('reading', 500, 1000)).toBeCloseTo(0.4);
    expect(importFraction('reading', 1000, 1000)).toBeCloseTo(0.8);
    expect(importFraction('checking', 0, 1)).toBeCloseTo(0.8);
    expect(importFraction('saving', 0, 1)).toBeCloseTo(0.85);
    expect(importFraction('saving', 1, 1)).toBe(1);
    expect(importFraction('indexing', 1, 2)).toBeNull();
  });
});

describe('createImportFraction', () => {
  it('never moves back: not at a phase change, an unknown phase, or a late event', () => {
    const fraction = createImportFraction();
    expect(fraction('reading', 1000, 1000)).toBeCloseTo(0.8);
    // The old per-phase bar showed 0% here.
    expect(fraction('checking', 0, 1)).toBeCloseTo(0.8);
    expect(fraction('reading', 200, 1000)).toBeCloseTo(0.8);
    expect(fraction('indexing', 0, 5)).toBeCloseTo(0.8);
    expect(fraction('saving', 1, 1)).toBe(1);
  });

  it('knows nothing before the first known phase', () => {
    expect(createImportFraction()('indexing', 0, 5)).toBeNull();
  });
});
