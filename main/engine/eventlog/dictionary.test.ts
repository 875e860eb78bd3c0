import { describe, expect, it } from 'vitest';
import { StringDictionary } from './dictionary.ts';

describe('StringDictionary.merge', () => {
  it('gives the codes that code() gives value by value, and later lookups see merged values', () => {
    const merged = new StringDictionary();
    const oneByOne = new StringDictionary();
    for (const v of ['a', 'b']) {
      merged.code(v);
      oneByOne.code(v);
    }
    // 'b' is known, 'c' and 'd' are new: codes 1, 2, 3 by hand.
    expect([...merged.merge(['c', 'b', 'd'])]).toEqual([2, 1, 3]);
    expect(['c', 'b', 'd'].map((v) => oneByOne.code(v))).toEqual([2, 1, 3]);
    expect(merged.values).toEqual(oneByOne.values);
    // Values merged but not yet indexed are found by lookup and code, and not added twice.
    expect(merged.lookup('d')).toBe(3);
    expect(merged.code('c')).toBe(2);
    expect(merged.code('e')).toBe(4);
    expect([...merged.merge(['e', 'f', 'a'])]).toEqual([4, 5, 0]);
    expect(merged.size).toBe(6);
  });
});

describe('StringDictionary.code and addNew', () => {
  it('codes in order of first appearance, the same code for a repeat', () => {
    const d = new StringDictionary();
    expect(['b', 'a', 'b', 'c', 'a'].map((v) => d.code(v))).toEqual([0, 1, 0, 2, 1]);
    expect(d.values).toEqual(['b', 'a', 'c']);
    expect(d.lookup('c')).toBe(2);
    expect(d.lookup('z')).toBe(-1);
  });

  it('values appended as new are found by later look-ups, mixed with coded ones', () => {
    const d = new StringDictionary();
    expect(d.addNew('x')).toBe(0);
    expect(d.addNew('y')).toBe(1);
    expect(d.lookup('y')).toBe(1);
    expect(d.code('x')).toBe(0);
    expect(d.code('z')).toBe(2);
    expect(d.addNew('w')).toBe(3);
    expect(d.code('w')).toBe(3);
    expect(d.code('v')).toBe(4);
    expect(d.values).toEqual(['x', 'y', 'z', 'w', 'v']);
    expect(d.size).toBe(5);
  });

  it('agrees with code() value by value on thousands of ids, half of them known (probes wrap and collide)', () => {
    const merged = new StringDictionary();
    const oneByOne = new StringDictionary();
    const first = Array.from({ length: 3000 }, (_, i) => `C${String(i).padStart(7, '0')}`);
    for (const v of first) {
      merged.code(v);
      oneByOne.code(v);
    }
    const second = Array.from({ length: 3000 }, (_, i) => `C${String(i * 2 + 1).padStart(7, '0')}`);
    expect([...merged.merge(second)]).toEqual(second.map((v) => oneByOne.code(v)));
    expect(merged.values).toEqual(oneByOne.values);
  });
});
