import { describe, expect, it } from 'vitest';
import { areNearDuplicates, damerauLevenshtein, jaroWinkler, normalizeLabel } from './label-similarity.ts';

describe('normalizeLabel', () => {
  it('folds case, spacing and separators', () => {
    expect(normalizeLabel('  Approve   Order ')).toBe('approve order');
    expect(normalizeLabel('APPROVE_ORDER')).toBe('approve order');
    expect(normalizeLabel('approve-order')).toBe('approve order');
  });
});

describe('damerauLevenshtein', () => {
  it('counts edits as worked out by hand', () => {
    expect(damerauLevenshtein('kitten', 'sitting')).toBe(3); // k→s, e→i, +g
    expect(damerauLevenshtein('credit', 'credti')).toBe(1); // one swap of neighbours
    expect(damerauLevenshtein('order', 'ordr')).toBe(1);
    expect(damerauLevenshtein('', 'abc')).toBe(3);
    expect(damerauLevenshtein('ca', 'abc')).toBe(3); // OSA, not unrestricted (which gives 2)
  });
  it('stops early beyond the bound', () => {
    expect(damerauLevenshtein('abcdef', 'uvwxyz', 1)).toBe(2);
    expect(damerauLevenshtein('a', 'abcdef', 2)).toBe(3);
  });
});

describe('jaroWinkler', () => {
  it('matches the textbook values', () => {
    // Winkler's examples: MARTHA/MARHTA 0.961, DIXON/DICKSONX 0.813, DWAYNE/DUANE 0.840.
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('DIXON', 'DICKSONX')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('DWAYNE', 'DUANE')).toBeCloseTo(0.84, 3);
    expect(jaroWinkler('abc', 'abc')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });
});

describe('areNearDuplicates', () => {
  it('accepts typical typos and refuses different steps', () => {
    expect(areNearDuplicates('approve order', 'approve ordr')).toBe(true);
    expect(areNearDuplicates('check credit', 'check credti')).toBe(true);
    expect(areNearDuplicates('step 1', 'step 2')).toBe(false);
    expect(areNearDuplicates('get review 3', 'get review x')).toBe(false); // reviewing.xes has both
    expect(areNearDuplicates('plan a', 'plan b')).toBe(false);
    expect(areNearDuplicates('pay', 'pat')).toBe(false); // too short to tell a typo from a word
    expect(areNearDuplicates('send invoice', 'send reminder')).toBe(false);
  });
});
